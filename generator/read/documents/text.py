"""Plain-text reports: paragraphs one per line; tables drawn with + - | (as this tool writes them),
Markdown tables, or tab-separated rows (as copied out of a web page or Excel)."""

from __future__ import annotations

from generator.base.textwidth import display_width
from generator.read.documents.encoding import decode
from generator.read.documents.model import Block, Grid, ReadParagraph, ReportText, build_grid, clean

_WIDE = "\0"


def read_text_report(name: str, data: bytes) -> ReportText:
    """A .txt report: box-drawn and tab-separated tables found, every other line a paragraph."""
    text, _ = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    tables = paragraphs = 0
    index = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if stripped.startswith(("+", "|")):
            end = index
            while end < len(lines) and lines[end].strip().startswith(("+", "|")):
                end += 1
            tables += 1
            block = lines[index:end]
            corners = any(line.strip().startswith("+") for line in block)
            blocks.append(box_table(tables, block) if corners else pipe_table(tables, block))
            index = end
            continue
        if lines[index].count("\t") >= 2:
            end = index
            while end < len(lines) and lines[end].count("\t") >= 2:
                end += 1
            tables += 1
            rows = [[(cell, 1, 1) for cell in line.split("\t")] for line in lines[index:end]]
            blocks.append(build_grid(tables, rows))
            index = end
            continue
        paragraph = clean(stripped.lstrip("#").strip() if stripped.startswith("#") else stripped)
        if paragraph:
            paragraphs += 1
            blocks.append(ReadParagraph(paragraph, paragraphs))
        index += 1
    return ReportText(name, "txt", tuple(blocks))


def box_table(number: int, lines: list[str]) -> Grid:
    """A table drawn with + - | (merged cells included): each cell is the box whose top-left
    corner is a + with - to its right and | below it."""
    offset = min(len(line) - len(line.lstrip()) for line in lines)
    canvas = [_columns(line[offset:].rstrip()) for line in lines]
    width = max(len(row) for row in canvas)
    canvas = [row + [" "] * (width - len(row)) for row in canvas]

    def at(x: int, y: int) -> str:
        return canvas[y][x] if 0 <= y < len(canvas) and 0 <= x < width else " "

    boxes = []
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
            text = "".join(
                "".join(ch for ch in canvas[row][x + 1 : right] if ch != _WIDE).strip()
                for row in range(y + 1, bottom)
            )
            boxes.append((x, y, right, bottom, text))
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    ys = sorted({b[1] for b in boxes} | {b[3] for b in boxes})
    placed = sorted(
        (
            (
                ys.index(y0),
                xs.index(x0),
                ys.index(y1) - ys.index(y0),
                xs.index(x1) - xs.index(x0),
                t,
            )
            for x0, y0, x1, y1, t in boxes
        ),
    )
    rows: list[list[tuple[str, int, int]]] = [[] for _ in range(max(len(ys) - 1, 0))]
    for r, _c, row_span, col_span, text in placed:
        rows[r].append((text, row_span, col_span))
    return build_grid(number, rows)


def pipe_table(number: int, lines: list[str]) -> Grid:
    """A Markdown table: cells between | marks; the |---| rule under the header is skipped."""
    rows = []
    for line in lines:
        cells = line.strip().strip("|").split("|")
        if all(set(c.strip()) <= set("-: ") for c in cells):
            continue
        rows.append([(c.strip(), 1, 1) for c in cells])
    return build_grid(number, rows)


def _columns(line: str) -> list[str]:
    """A line as display columns: a wide character fills its column and marks the next."""
    result: list[str] = []
    for ch in line:
        result.append(ch)
        if display_width(ch) == 2:
            result.append(_WIDE)
    return result
