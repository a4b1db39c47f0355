"""Draw a table of the document model as aligned plain text, merged cells included.

Wide (CJK) characters take two columns. The table is drawn with ASCII + - | only: box-drawing
characters are drawn twice as wide by Chinese fonts and would break the alignment.
"""

from __future__ import annotations

from generator.base.textwidth import display_width
from generator.document.model import Align, Table
from generator.document.table_grid import Placed, placed_cells

_WIDE = "\0"  # marks the right half of a wide character on the canvas


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` columns (never splitting a character)."""
    lines: list[str] = []
    current, used = "", 0
    for ch in text:
        w = display_width(ch)
        if used + w > width and current:
            lines.append(current)
            current, used = "", 0
        current += ch
        used += w
    if current or not lines:
        lines.append(current)
    return lines


def render_table(table: Table) -> str:
    """The table as lines of text."""
    placed = placed_cells(table)
    widths = _column_widths(table, placed)
    texts = {id(p): wrap(p.cell.text, _span_width(widths, p.col, p.cell.col_span)) for p in placed}
    heights = _row_heights(placed, texts, len(table.header) + len(table.rows))
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + 1)
    ys = [0]
    for h in heights:
        ys.append(ys[-1] + h + 1)
    canvas = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    for p in placed:
        x0, x1 = xs[p.col], xs[p.col + p.cell.col_span]
        y0, y1 = ys[p.row], ys[p.row + p.cell.row_span]
        _box(canvas, x0, y0, x1, y1)
        lines = texts[id(p)]
        top = y0 + 1 + (y1 - y0 - 1 - len(lines)) // 2
        for offset, line in enumerate(lines):
            room = x1 - x0 - 1
            pad = (room - display_width(line)) // 2 if p.cell.align is Align.CENTER else 0
            _put(canvas, x0 + 1 + pad, top + offset, line)
    return "\n".join("".join(ch for ch in row if ch != _WIDE).rstrip() for row in canvas)


def _column_widths(table: Table, placed: list[Placed]) -> list[int]:
    caps = [max(2, w * 2) for w in table.widths]
    widths = [2] * table.columns
    for p in placed:
        if p.cell.col_span == 1:
            widths[p.col] = max(widths[p.col], min(caps[p.col], display_width(p.cell.text)))
    return widths


def _span_width(widths: list[int], col: int, span: int) -> int:
    return sum(widths[col : col + span]) + span - 1


def _row_heights(placed: list[Placed], texts: dict[int, list[str]], rows: int) -> list[int]:
    heights = [1] * rows
    for p in sorted(placed, key=lambda p: p.cell.row_span):
        need = len(texts[id(p)])
        span = range(p.row, p.row + p.cell.row_span)
        have = sum(heights[r] for r in span) + p.cell.row_span - 1
        if need > have:
            heights[span[-1]] += need - have
    return heights


def _box(canvas: list[list[str]], x0: int, y0: int, x1: int, y1: int) -> None:
    for x in range(x0, x1 + 1):
        for y in (y0, y1):
            canvas[y][x] = "+" if x in (x0, x1) or canvas[y][x] == "+" else "-"
    for y in range(y0 + 1, y1):
        for x in (x0, x1):
            canvas[y][x] = "|"


def _put(canvas: list[list[str]], x: int, y: int, text: str) -> None:
    for ch in text:
        canvas[y][x] = ch
        if display_width(ch) == 2:
            canvas[y][x + 1] = _WIDE
            x += 2
        else:
            x += 1
