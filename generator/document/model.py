"""The in-memory report: paragraphs and tables, the one thing every writer reads.

It holds structure, not formatting: a paragraph says it is a level-2 heading, the Word writer's
reference document says what a level-2 heading looks like.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass

from generator.compute.charts import Chart
from generator.compute.compare import Comparison
from generator.compute.figures import Figure


class Style(enum.StrEnum):
    """What a paragraph is."""

    TITLE = "title"
    HEADING1 = "heading1"  # 一、
    HEADING2 = "heading2"  # （一）
    HEADING3 = "heading3"  # 1.
    BODY = "body"
    SIGNATURE = "signature"
    DATE = "date"


class Role(enum.StrEnum):
    """What a run inside a paragraph is."""

    TEXT = "text"
    HEADING2 = "heading2"  # a run-in （一） heading at the start of a body paragraph
    HEADING3 = "heading3"
    BREAK = "break"  # where a line may break when it does not fit (in a title)


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text; figure is set when the text is a value from the inputs."""

    text: str
    figure: Figure | None = None
    role: Role = Role.TEXT


@dataclass(frozen=True, slots=True)
class Paragraph:
    style: Style
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"


@dataclass(frozen=True, slots=True)
class TableCell:
    """A table cell; a merged cell is given once, at its top-left position, with its spans."""

    text: str
    row_span: int = 1
    col_span: int = 1
    align: Align = Align.CENTER
    figure: Figure | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table with header rows (repeated on each page) and data rows.

    Rows list only the cells that start at that row; positions covered by a merged cell from an
    earlier row or column are simply absent, as in HTML.
    """

    header: tuple[tuple[TableCell, ...], ...]
    rows: tuple[tuple[TableCell, ...], ...]
    widths: tuple[int, ...]
    """Relative column widths, in characters of the body font."""

    @property
    def columns(self) -> int:
        return len(self.widths)


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class SignOff:
    """What closes the report: the signature (署名) and the date (成文日期) paragraphs."""

    signature: Paragraph | None
    date: Paragraph | None

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in (self.signature, self.date) if p is not None)

    @property
    def when(self) -> dt.date | None:
        """The date as a date (the figure printed on the date line)."""
        for run in self.date.runs if self.date else ():
            if run.figure is not None and isinstance(run.figure.value, dt.date):
                return run.figure.value
        return None


@dataclass(frozen=True)
class Document:
    """A whole report: its title, its blocks in order, and its sign-off; and for its 图解, the
    charts and the headline figures compared with last year (none without last year's inputs)."""

    title: str
    blocks: tuple[Block, ...]
    sign_off: SignOff = SignOff(None, None)
    charts: tuple[Chart, ...] = ()
    comparisons: tuple[Comparison, ...] = ()

    @property
    def author(self) -> str:
        """Who signs the report (empty when it is not signed)."""
        return self.sign_off.signature.text if self.sign_off.signature else ""

    @property
    def date(self) -> dt.date | None:
        """The report's date (成文日期), when it has one."""
        return self.sign_off.when

    def figures(self) -> Iterator[tuple[Block, Figure]]:
        """Every figure printed, with the block that prints it."""
        for block in (*self.blocks, *self.sign_off.paragraphs):
            if isinstance(block, Paragraph):
                for run in block.runs:
                    if run.figure is not None:
                        yield block, run.figure
            else:
                for row in (*block.header, *block.rows):
                    for cell in row:
                        if cell.figure is not None:
                            yield block, cell.figure
