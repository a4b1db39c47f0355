"""Writing text into a workbook cell so that it always stays text."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell


def set_text(cell: Cell, text: str) -> None:
    """Store text as a string cell: never a formula, even when it starts with = + - @."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"
