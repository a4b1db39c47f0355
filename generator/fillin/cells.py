"""Writing text into a workbook cell so that it always stays text."""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

from generator.base.problems import sheet_reference
from generator.formats.spec import Field, FormatSpec


def set_text(cell: Cell, text: str) -> None:
    """Store text as a string cell: never a formula, even when it starts with = + - @."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"


def sum_formula(item: Field, spec: FormatSpec) -> str:
    """The formula of a total cell: =SUM of its parts (other sheets named as Excel does)."""
    fields = spec.fields
    refs = [
        fields[p].ref
        if fields[p].sheet == item.sheet
        else f"{sheet_reference(fields[p].sheet)}!{fields[p].ref}"
        for p in item.sum
    ]
    return f"=SUM({','.join(refs)})"
