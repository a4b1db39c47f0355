"""PDF reports with a text layer: lines joined into paragraphs, ruled tables recovered.

pdfplumber runs in a child process bounded in time and memory (pdf_pages.py). Page numbers and
running headers and footers (a browser prints the date, title, address and page x/y) are left
out. When a PDF has no ruled tables the report's text is still checked and the reader says it
found no tables.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import NamedTuple

from generator.base import limits
from generator.base.bounded import ChildFailed, run_bounded
from generator.read.documents.blocks import Blocks
from generator.read.documents.errors import DocumentError
from generator.read.documents.model import Cell, ReportText, clean

_PAGE_NUMBER = re.compile(r"^[-—－\s]*\d{1,3}[-—－\s]*$|^第\s*\d+\s*页")
_DIGITS = re.compile(r"\d+")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))"
)


def read_pdf_report(name: str, data: bytes) -> ReportText:
    """A PDF report: paragraphs from the text outside tables, grids from ruled tables."""
    output = _run_child(data)
    if "error" in output:
        if output["error"] == "encrypted":
            raise DocumentError("PDF 设置了密码，无法读取；请提供未加密的 PDF 或 Word 文件")
        raise DocumentError("PDF 文件已损坏或无法解析；请提供 Word 文件或网页")
    flow = _flow(output["pages"])
    indented = _indents_paragraphs([item for item in flow if isinstance(item, _Line)])
    blocks = Blocks()
    start = 0  # the first line not yet in a paragraph
    for index, item in enumerate(flow):
        if isinstance(item, list):  # a table: the lines before it are paragraphs
            for text in _paragraphs(flow[start:index], indented):
                blocks.add_paragraph(text)
            blocks.add_cells(*_grid(item))
            start = index + 1
    for text in _paragraphs(flow[start:], indented):
        blocks.add_paragraph(text)
    tables_found = any(isinstance(item, list) for item in flow)
    return ReportText(name, "pdf", tuple(blocks.items), tables_found=tables_found)


class _Line(NamedTuple):
    """A visual line of text, with the left and right edges of its page's text."""

    x0: float
    x1: float
    left: float
    right: float
    text: str

    @property
    def em(self) -> float:
        """A rough size of the text: a 40th of the width of its page's text."""
        return max(8.0, (self.right - self.left) / 40)


def _flow(pages: list[dict]) -> list[_Line | list]:
    """Every page's lines and tables (a table as its cells) in reading order, without page
    numbers and running headers and footers."""
    running = _running_lines(pages)
    flow: list[_Line | list] = []
    for page in pages:
        page_lines = [
            line
            for line in page["lines"]
            if not _PAGE_NUMBER.match(line[3].strip()) and _place(line) not in running
        ]
        left = min((line[0] for line in page_lines), default=0.0)
        right = max((line[1] for line in page_lines), default=0.0)
        items: list[tuple[float, _Line | list]] = [
            (line[2], _Line(line[0], line[1], left, right, clean(line[3]))) for line in page_lines
        ]
        items += [(top, cells) for top, cells in page["tables"]]
        flow += [item for _, item in sorted(items, key=lambda pair: pair[0])]
    return flow


def _run_child(data: bytes) -> dict:
    command = [
        sys.executable,
        "-m",
        "generator.read.documents.pdf_pages",
        str(limits.PDF_MEMORY_BYTES),
    ]
    try:
        return run_bounded(command, limits.MAX_PDF_SECONDS, data)
    except ChildFailed as failed:
        if failed.kind == "timeout":
            raise DocumentError(
                f"PDF 在 {limits.MAX_PDF_SECONDS} 秒内没有读完（文件过大或结构异常）"
            ) from None
        raise DocumentError("PDF 无法解析（读取程序异常退出，文件可能损坏或过大）") from None


def _running_lines(pages: list[dict]) -> set[tuple[int, str]]:
    """The places of running headers and footers (a browser prints the date, the title, the
    address and “1/4” on every page): a line at the top or the bottom of a page that recurs at
    the same height, with the same text but for its digits, on at least half of the pages."""
    seen: Counter[tuple[int, str]] = Counter()
    for page in pages:
        tops = [line[2] for line in page["lines"]]
        if tops:
            edges = (min(tops), max(tops))
            seen.update(
                {_place(line) for line in page["lines"] if any(abs(line[2] - e) < 2 for e in edges)}
            )
    return {place for place, count in seen.items() if count >= max(2, len(pages) / 2)}


def _place(line: list) -> tuple[int, str]:
    """A line's height on its page and its text with every run of digits as #."""
    return round(line[2]), _DIGITS.sub("#", line[3].strip())


def _indents_paragraphs(lines: list[_Line]) -> bool:
    """Whether paragraphs start with a first-line indent of two characters (as a 公文 does)."""
    return sum(1 for line in lines if abs(line.x0 - line.left - 2 * line.em) < line.em / 2) >= 3


def _paragraphs(lines: list[_Line | list], indented: bool) -> list[str]:
    """Visual lines joined into paragraphs (across page breaks): a new one starts at an indented
    line or at a heading, and, where paragraphs are not indented, after a short line. Where they
    are, a short line is a line broken early (before a long web address)."""
    result: list[str] = []
    current = ""
    previous_short = True
    for line in lines:
        starts = line.x0 > line.left + 1.5 * line.em or bool(_HEADING.match(line.text))
        if (starts or (previous_short and not indented)) and current:
            result.append(current)
            current = ""
        current += line.text
        previous_short = line.x1 < line.right - 2 * line.em
    if current:
        result.append(current)
    return result


def _grid(cells: list[list]) -> tuple[list[Cell], int, int]:
    """Cells with bounding boxes placed on the grid their edges make: (cells, height, width)."""
    xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
    ys = sorted({round(c[1], 1) for c in cells} | {round(c[3], 1) for c in cells})
    col_of = {x: i for i, x in enumerate(xs)}
    row_of = {y: i for i, y in enumerate(ys)}
    placed = []
    for x0, top, x1, bottom, text in cells:
        col, row = col_of[round(x0, 1)], row_of[round(top, 1)]
        cols = max(1, col_of[round(x1, 1)] - col)
        rows = max(1, row_of[round(bottom, 1)] - row)
        placed.append(Cell(clean(text), row, col, rows, cols))
    return placed, max(len(ys) - 1, 1), max(len(xs) - 1, 1)
