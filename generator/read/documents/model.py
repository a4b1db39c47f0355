"""A report document as read: its paragraphs and its tables, in document order."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from generator.base.problems import Problem

_SPACE = re.compile(r"\s+")
_BESIDE_WIDE = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")
_RADICALS = {
    cp: unicodedata.normalize("NFKC", chr(cp))
    for cp in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6))  # radicals supplement, Kangxi
    if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
}
_RADICALS |= str.maketrans(  # the supplement's radicals have no NFKC form: the ones fonts share
    "⺂⺃⺅⺉⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺠⺡⺣⺤⺦⺨⺫⺭⺯⺰⺱⺲⺹⺺⺾⻁⻂⻃⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲",
    "乛乚亻刂兀尣尢巳幺彑彐忄扌攵旡歺民氵灬爫丬犭罒礻糹纟罓罒耂肀艹虎衤覀见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀",
)
_RADICALS[0x2F3E] = "户"  # ⼾: NFKC gives the traditional 戶, simplified Chinese fonts draw 户


def clean(text: str) -> str:
    """Text as one line: runs of white space become one space, and none is kept beside a Chinese
    character (a line break inside a table cell, or a PDF's spacing, must not split a word).
    Radicals are read as the characters they stand for: a PDF printed by a browser writes 人 as
    the Kangxi radical ⼈ and 民 as ⺠ when the font draws both with one glyph."""
    text = text.translate(_RADICALS).replace("\u00a0", " ").replace("\u3000", " ")
    return _BESIDE_WIDE.sub("", _SPACE.sub(" ", text).strip())


@dataclass(frozen=True, slots=True)
class ReadParagraph:
    """One paragraph of running text; `number` counts paragraphs from the start (1-based)."""

    text: str
    number: int


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell at its top-left position, with its spans."""

    text: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class Grid:
    """A table: cells placed on a grid; every position is covered by at most one cell."""

    number: int
    """The table's number in the document (1-based)."""
    cells: tuple[Cell, ...]
    height: int
    width: int

    @cached_property
    def _covering(self) -> dict[tuple[int, int], Cell]:
        return {
            (r, c): cell
            for cell in self.cells
            for r in range(cell.row, cell.row + cell.rows)
            for c in range(cell.col, cell.col + cell.cols)
        }

    def at(self, row: int, col: int) -> Cell | None:
        """The cell covering a position (None where a ragged row left a hole)."""
        return self._covering.get((row, col))

    def row_texts(self, row: int) -> list[str]:
        """The text at each position of a row (a merged cell's text at each position it covers)."""
        return [(cell.text if (cell := self.at(row, c)) else "") for c in range(self.width)]


Block = ReadParagraph | Grid


@dataclass(frozen=True)
class ReportText:
    """What a report document holds, as read; `tables_found` is False when the reader could not
    reliably recover tables (the text checks still run)."""

    file: str
    kind: str
    blocks: tuple[Block, ...]
    tables_found: bool = True
    published: str | None = None
    """A publication date the page states outside the report (发布日期), as written."""
    page_title: str = ""
    """The web page's own title (its <title>), which may be the only place the report's is."""

    @property
    def paragraphs(self) -> list[ReadParagraph]:
        return [b for b in self.blocks if isinstance(b, ReadParagraph)]

    @property
    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]


@dataclass
class DocumentReading:
    """The outcome of reading one file: the document (if it could be read) and its problems."""

    document: ReportText | None
    problems: list[Problem] = field(default_factory=list)
