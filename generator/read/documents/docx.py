"""Word reports written by anyone: the body's paragraphs and tables, read straight from the XML.

Only word/document.xml is parsed, after the package's declared sizes have been checked; a DTD
is refused. Merged cells (gridSpan, vMerge) become spans; deleted text of tracked changes and
the fallback copies of drawings are left out.
"""

from __future__ import annotations

import zipfile

from generator.base.zip_checks import PackageKind, check_member, check_members, open_package
from generator.read.documents.blocks import Blocks, written_span
from generator.read.documents.errors import DocumentError
from generator.read.documents.model import Cell, ReportText, clean
from generator.read.xml_parts import new_parser, parse

_MAIN = "word/document.xml"
_IGNORED = frozenset({"delText", "instrText", "Fallback"})
WORD_FILE = PackageKind("报告文件", "年度报告", ".docx", "，疑为压缩炸弹", DocumentError)


def read_docx_report(name: str, data: bytes) -> ReportText:
    """A .docx report's paragraphs and tables, in order."""
    xml = _document_part(data)
    reader = _BodyReader()
    parser = new_parser("Word", DocumentError)
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    parse(xml, parser, DocumentError)
    return ReportText(name, "docx", tuple(reader.blocks.items))


def _document_part(data: bytes) -> bytes:
    archive = open_package(data, WORD_FILE)
    check_members(archive, WORD_FILE)
    try:
        info = archive.getinfo(_MAIN)
    except KeyError:
        raise DocumentError(
            "文件中找不到正文部件（word/document.xml），不是有效的 Word 文件"
        ) from None
    check_member(info, "正文部件", WORD_FILE)
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        raise DocumentError("文件已损坏，正文无法解压；请重新保存后提交") from None


class _TableRows:
    """A table's rows as read: each cell's grid column, column span, whether it continues the
    merged cell above (vMerge), and its text."""

    def __init__(self) -> None:
        self.rows: list[list[tuple[int, int, bool, str]]] = []

    def add_to(self, blocks: Blocks) -> None:
        cells: list[Cell] = []
        open_cells: dict[int, int] = {}  # grid column → index in cells of the cell it continues
        width = 0
        for r, row in enumerate(self.rows):
            still_open: dict[int, int] = {}
            for col, span, continues, text in row:
                width = max(width, col + span)
                if continues and col in open_cells:
                    index = open_cells[col]
                    cell = cells[index]
                    cells[index] = Cell(cell.text, cell.row, cell.col, cell.rows + 1, cell.cols)
                    still_open[col] = index
                    continue
                cells.append(Cell(clean(text), r, col, 1, span))
                still_open[col] = len(cells) - 1
            open_cells = still_open
        blocks.add_cells(cells, len(self.rows), width)


class _BodyReader:
    """Collects body paragraphs and tables from the parser's events."""

    def __init__(self) -> None:
        self.blocks = Blocks()
        self.tables: list[_TableRows] = []
        self.text_parts: list[str] = []
        self.cell: dict[str, object] | None = None
        self.column = 0
        self.ignored = 0
        self.in_text = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if local in _IGNORED:
            self.ignored += 1
        elif local == "tbl":
            self._flush()
            self.tables.append(_TableRows())
        elif local == "tr" and self.tables:
            self.tables[-1].rows.append([])
            self.column = 0
        elif local == "gridBefore" and self.tables:
            self.column += _number(attrs)
        elif local == "tc" and self.tables and len(self.tables) == 1:
            self.cell = {"span": 1, "continues": False, "text": []}
        elif local == "gridSpan" and self.cell is not None:
            self.cell["span"] = _number(attrs)
        elif local == "vMerge" and self.cell is not None:
            self.cell["continues"] = _value(attrs) in ("", "continue")
        elif local == "t" and not self.ignored:
            self.in_text = True
        elif local in ("tab", "br", "cr") and not self.ignored:
            self._append(" ")

    def end(self, name: str) -> None:
        local = name.rpartition(" ")[2]
        if local in _IGNORED:
            self.ignored -= 1
        elif local == "t":
            self.in_text = False
        elif local == "p":
            if self.cell is not None:
                self._append(" ")
            elif not self.tables:
                self._flush()
        elif local == "tc" and self.cell is not None and len(self.tables) == 1:
            cell = self.cell
            span = int(cell["span"])  # type: ignore[call-overload]
            text = "".join(cell["text"])  # type: ignore[arg-type]
            self.tables[-1].rows[-1].append((self.column, span, bool(cell["continues"]), text))
            self.column += span
            self.cell = None
        elif local == "tbl" and self.tables:
            table = self.tables.pop()
            if not self.tables:  # a table inside a cell is read as that cell's text
                table.add_to(self.blocks)

    def text(self, data: str) -> None:
        if self.in_text and not self.ignored:
            self._append(data)

    def _append(self, data: str) -> None:
        if self.cell is not None:
            self.cell["text"].append(data)  # type: ignore[union-attr]
        elif not self.tables:
            self.text_parts.append(data)

    def _flush(self) -> None:
        self.blocks.add_paragraph("".join(self.text_parts))
        self.text_parts.clear()


def _value(attrs: dict[str, str]) -> str:
    return next((v for k, v in attrs.items() if k.rpartition(" ")[2] == "val"), "")


def _number(attrs: dict[str, str]) -> int:
    return written_span(_value(attrs))
