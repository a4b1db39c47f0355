"""A document's paragraphs and tables as a reader finds them: numbered in order, and bounded.

Every reader adds what it finds here, so that no document, however it was made, can take
unbounded time or memory: the bounds on paragraphs, text and table size are in base/limits.py.
And every reader leaves out the same thing: an attachment (附件) after the report's date, as a
公文 places one, is not the report's running text; its paragraphs are left out, its tables kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.base import limits
from generator.read.documents.errors import DocumentTooComplex
from generator.read.documents.model import Block, Cell, Grid, ReadParagraph, clean

_DATE = re.compile(
    r"^[\d〇零一二三四五六七八九十]{4}年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$"
)
_ATTACHMENT = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*(?:[:：].{0,40})?$")

Rows = Sequence[Sequence[tuple[str, int, int]]]
"""A table as rows of (text, row span, column span), each row listing the cells it starts."""


def written_span(written: str) -> int:
    """A cell's span as written (rowspan, colspan, gridSpan, gridBefore): a positive whole
    number, at most limits.MAX_CELL_SPAN; anything else is 1."""
    digits = written.strip()[:6]
    return min(int(digits), limits.MAX_CELL_SPAN) if digits.isdecimal() and int(digits) else 1


class Blocks:
    """The blocks of one document, added in document order."""

    def __init__(self) -> None:
        self.items: list[Block] = []
        self._paragraphs = 0
        self._tables = 0
        self._chars = 0
        self._positions = 0
        self._after_date = False
        self._in_attachment = False

    def add_paragraph(self, text: str) -> None:
        """A paragraph of running text (cleaned); one left empty by cleaning is not added, nor
        one of an attachment: from a 附件 label right after the date on."""
        text = clean(text)
        if not text or self._in_attachment:
            return
        if self._after_date and _ATTACHMENT.match(text):
            self._in_attachment = True
            return
        self._after_date = bool(_DATE.match(text))
        self._paragraphs += 1
        if self._paragraphs > limits.MAX_PARAGRAPHS:
            raise DocumentTooComplex(
                f"文档超过 {limits.MAX_PARAGRAPHS} 段，远超年度报告的篇幅，拒绝读取"
            )
        self._add_text(len(text))
        self.items.append(ReadParagraph(text, self._paragraphs))

    def add_rows(self, rows: Rows) -> None:
        """A table placed as a browser places one: each cell takes the first free position of its
        row. Tolerant of ragged rows and of spans that overflow; a table without rows is left out.
        """
        if not rows:
            return
        number = self._tables + 1
        room = limits.MAX_GRID_POSITIONS - self._positions
        taken: set[tuple[int, int]] = set()
        cells: list[Cell] = []
        width = covered = 0
        for r, row in enumerate(rows):
            c = 0
            for text, row_span, col_span in row:
                while (r, c) in taken:
                    c += 1
                row_span = max(1, min(row_span, limits.MAX_CELL_SPAN, len(rows) - r))
                col_span = max(1, min(col_span, limits.MAX_CELL_SPAN))
                width = max(width, c + col_span)
                covered += row_span * col_span
                if max(covered, max(width, 1) * len(rows)) > room:
                    raise self._too_large(number)
                cells.append(Cell(clean(text), r, c, row_span, col_span))
                taken.update(
                    (rr, cc) for rr in range(r, r + row_span) for cc in range(c, c + col_span)
                )
                c += col_span
        self.add_cells(cells, len(rows), width)

    def add_cells(self, cells: Sequence[Cell], height: int, width: int) -> None:
        """A table whose cells are already placed on its grid."""
        self._tables += 1
        positions = max(height * max(width, 1), sum(cell.rows * cell.cols for cell in cells))
        if self._positions + positions > limits.MAX_GRID_POSITIONS:
            raise self._too_large(self._tables)
        self._positions += positions
        self._add_text(sum(len(cell.text) for cell in cells))
        self.items.append(Grid(self._tables, tuple(cells), height, width))

    def _add_text(self, chars: int) -> None:
        self._chars += chars
        if self._chars > limits.MAX_DOCUMENT_CHARS:
            raise DocumentTooComplex(
                f"文档超过 {limits.MAX_DOCUMENT_CHARS} 字，远超年度报告的篇幅，拒绝读取"
            )

    @staticmethod
    def _too_large(number: int) -> DocumentTooComplex:
        return DocumentTooComplex(
            f"第 {number} 个表格过大：合并单元格展开后，各表格合计超过 "
            f"{limits.MAX_GRID_POSITIONS} 格，远超年度报告的表格，拒绝读取"
        )
