"""Plain-text reports: paragraphs one per line; tables drawn with + - | (as this tool writes them),
Markdown tables, or tab-separated rows (as copied out of a web page or Excel)."""

from __future__ import annotations

from generator.base import limits
from generator.base.textwidth import display_width
from generator.read.documents.blocks import Blocks, Rows
from generator.read.documents.encoding import decode
from generator.read.documents.errors import DocumentTooComplex
from generator.read.documents.model import ReportText

_WIDE = "\0"


def read_text_report(name: str, data: bytes) -> ReportText:
    """A .txt report: box-drawn and tab-separated tables found, every other line a paragraph."""
    text, _ = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = Blocks()
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith(("+", "|")):
            end = index
            while end < len(lines) and lines[end].strip().startswith(("+", "|")):
                end += 1
            block = lines[index:end]
            corners = any(line.strip().startswith("+") for line in block)
            blocks.add_rows(box_table(block) if corners else pipe_table(block))
            index = end
            continue
        if lines[index].count("\t") >= 2:
            end = index
            while end < len(lines) and lines[end].count("\t") >= 2:
                end += 1
            blocks.add_rows(
                [[(cell, 1, 1) for cell in line.split("\t")] for line in lines[index:end]]
            )
            index = end
            continue
        blocks.add_paragraph(stripped.lstrip("#") if stripped.startswith("#") else stripped)
        index += 1
    return ReportText(name, "txt", tuple(blocks.items))


def box_table(lines: list[str]) -> Rows:
    """A table drawn with + - | (merged cells included): each cell is the box whose top-left
    corner is a + with - to its right and | below it."""
    longest = max(len(line) for line in lines)
    if len(lines) * longest > limits.MAX_DRAWN_TABLE_CHARS:
        raise DocumentTooComplex(
            f"文本中用 + - | 画的表格过大（{len(lines)} 行，最长一行 {longest} 个字符），"
            "不像年度报告的表格，拒绝读取"
        )
    offset = min(len(line) - len(line.lstrip()) for line in lines)
    canvas = [_columns(line[offset:].rstrip()) for line in lines]
    width = max(len(row) for row in canvas)
    canvas = [row + [" "] * (width - len(row)) for row in canvas]

    def at(x: int, y: int) -> str:
        return canvas[y][x] if 0 <= y < len(canvas) and 0 <= x < width else " "

    boxes = []
    area = 0
    for y in range(len(canvas) - 1):
        for x in range(width - 1):
            if at(x, y) != "+" or at(x + 1, y) not in "-+" or at(x, y + 1) not in "|+":
                continue
            right = x + 1
            while right < width and not (at(right, y) == "+" and at(right, y + 1) in "|+"):
                right += 1
            bottom = y + 1
            while bottom < len(canvas) and not (at(x, bottom) == "+" and at(x + 1, bottom) in "-+"):
                bottom += 1
            if right >= width or bottom >= len(canvas):
                continue
            area += (right - x) * (bottom - y)
            if area > width * len(canvas):  # boxes of a table drawing never overlap
                raise DocumentTooComplex(
                    "文本中用 + - | 画的表格结构异常（格子互相重叠），拒绝读取"
                )
            text = "".join(
                "".join(ch for ch in canvas[row][x + 1 : right] if ch != _WIDE).strip()
                for row in range(y + 1, bottom)
            )
            boxes.append((x, y, right, bottom, text))
    col_of = {x: i for i, x in enumerate(sorted({b[0] for b in boxes} | {b[2] for b in boxes}))}
    row_of = {y: i for i, y in enumerate(sorted({b[1] for b in boxes} | {b[3] for b in boxes}))}
    placed = sorted(
        (row_of[y0], col_of[x0], row_of[y1] - row_of[y0], col_of[x1] - col_of[x0], t)
        for x0, y0, x1, y1, t in boxes
    )
    rows: list[list[tuple[str, int, int]]] = [[] for _ in range(max(len(row_of) - 1, 0))]
    for r, _c, row_span, col_span, text in placed:
        rows[r].append((text, row_span, col_span))
    return rows


def pipe_table(lines: list[str]) -> Rows:
    """A Markdown table: cells between | marks; the |---| rule under the header is skipped."""
    rows = []
    for line in lines:
        cells = line.strip().strip("|").split("|")
        if all(set(c.strip()) <= set("-: ") for c in cells):
            continue
        rows.append([(c.strip(), 1, 1) for c in cells])
    return rows


def _columns(line: str) -> list[str]:
    """A line as display columns: a wide character fills its column and marks the next."""
    result: list[str] = []
    for ch in line:
        result.append(ch)
        if display_width(ch) == 2:
            result.append(_WIDE)
    return result
