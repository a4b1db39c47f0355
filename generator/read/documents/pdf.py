"""PDF reports with a text layer: lines joined into paragraphs, ruled tables recovered.

pdfplumber runs in a child process bounded in time and memory (pdf_pages.py). When a PDF has no
ruled tables the report's text is still checked and the reader says it found no tables.
"""

from __future__ import annotations

import re
import sys

from generator.base import limits
from generator.base.bounded import ChildFailed, run_bounded
from generator.read.documents.blocks import Blocks
from generator.read.documents.errors import DocumentError
from generator.read.documents.model import Cell, ReportText, clean

_PAGE_NUMBER = re.compile(r"^[-—－\s]*\d{1,3}[-—－\s]*$|^第\s*\d+\s*页")
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
    blocks = Blocks()
    tables_found = False
    lines: list[tuple[float, float, float, float, str]] = []  # x0, x1, left, right, text
    for page in output["pages"]:
        page_lines = [line for line in page["lines"] if not _PAGE_NUMBER.match(line[3].strip())]
        left = min((line[0] for line in page_lines), default=0.0)
        right = max((line[1] for line in page_lines), default=0.0)
        items: list[tuple[float, object]] = [(line[2], line) for line in page_lines]
        items += [(top, cells) for top, cells in page["tables"]]
        for _, item in sorted(items, key=lambda pair: pair[0]):
            if isinstance(item[0], list):  # a table's cells
                for text in _paragraphs(lines):
                    blocks.add_paragraph(text)
                lines = []
                tables_found = True
                blocks.add_cells(*_grid(item))
            else:
                lines.append((item[0], item[1], left, right, item[3]))
    for text in _paragraphs(lines):
        blocks.add_paragraph(text)
    return ReportText(name, "pdf", tuple(blocks.items), tables_found=tables_found)


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


def _paragraphs(lines: list[tuple[float, float, float, float, str]]) -> list[str]:
    """Visual lines joined into paragraphs (across page breaks): a new one starts at an indented
    line, after a short line, or at a heading."""
    result: list[str] = []
    current = ""
    previous_short = True
    for x0, x1, left, right, text in lines:
        text = text.strip()
        em = max(8.0, (right - left) / 40)
        starts = previous_short or x0 > left + 1.5 * em or bool(_HEADING.match(text))
        if starts and current:
            result.append(current)
            current = ""
        current += text
        previous_short = x1 < right - 2 * em
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
