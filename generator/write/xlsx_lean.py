"""A small, fast .xlsx writer for the tool's own tables (the summary workbook).

Cells hold text (always stored as inline strings: text never becomes a formula) or numbers, in
one of a few fixed styles; sheets can merge cells, set column widths, freeze panes, filter, and
print on A4. openpyxl (used for the fill-in form, which needs validation and protection) would
take longer to import than this takes to write a thousand rows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from generator.base.a1 import column_letters, split_ref
from generator.base.numbers import format_decimal
from generator.base.ooxml_package import deterministic_zip
from generator.base.xml_text import escape, quoteattr

Number = int | float | Decimal


class CellStyle(enum.IntEnum):
    """The styles a cell can have (indexes into the workbook's cellXfs)."""

    PLAIN = 0
    TEXT = 1  # bordered, wrapped
    HEAD = 2  # bold on blue
    TITLE = 3  # 14 pt bold, centred
    NUMBER = 4  # bordered, centred
    SUBTOTAL_TEXT = 5  # bold on grey
    SUBTOTAL_NUMBER = 6
    TOTAL_TEXT = 7  # bold on green
    TOTAL_NUMBER = 8


_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font>\
<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>\
<font><b/><sz val="14"/><name val="黑体"/><charset val="134"/></font></fonts>\
<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/></patternFill></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/></patternFill></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFE2EFDA"/></patternFill></fill></fills>\
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right>\
<top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="9">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
<xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="1" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
<xf numFmtId="0" fontId="1" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="1" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
MAX_TEXT = 32_767
"""Excel's limit of characters in one cell."""


def _clean(text: str) -> str:
    """Text as XML allows it (control characters dropped), within Excel's length limit."""
    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32)
    return cleaned.replace("\ufffe", "").replace("\uffff", "")[:MAX_TEXT]


@dataclass
class Sheet:
    """One worksheet being built."""

    name: str
    rows: dict[int, dict[int, tuple[str | Number, CellStyle]]] = field(default_factory=dict)
    widths: dict[int, float] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)
    freeze: str | None = None
    filter: str | None = None
    landscape: bool = False
    title_rows: tuple[int, int] | None = None

    def put(
        self, row: int, column: int, value: str | Number | None, style: CellStyle = CellStyle.TEXT
    ) -> None:
        """A cell (1-based row and column); None leaves it empty but styled."""
        self.rows.setdefault(row, {})[column] = ("" if value is None else value, style)

    def merge(self, row: int, column: int, last_row: int, last_column: int) -> None:
        self.merges.append(f"{column_letters(column)}{row}:{column_letters(last_column)}{last_row}")

    def xml(self) -> str:
        parts = [f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">']
        parts.append(
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView workbookViewId="0">'
        )
        if self.freeze:
            row, column = split_ref(self.freeze)
            splits = "".join(
                f' {name}="{count}"'
                for name, count in (("xSplit", column - 1), ("ySplit", row - 1))
                if count
            )
            pane = (
                "bottomRight"
                if row > 1 and column > 1
                else ("bottomLeft" if row > 1 else "topRight")
            )
            parts.append(
                f'<pane{splits} topLeftCell="{self.freeze}" activePane="{pane}" state="frozen"/>'
            )
        parts.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>')
        if self.widths:
            parts.append("<cols>")
            parts += [
                f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>'
                for c, w in sorted(self.widths.items())
            ]
            parts.append("</cols>")
        parts.append("<sheetData>")
        for row in sorted(self.rows):
            height = self.heights.get(row)
            height_attributes = f' ht="{height}" customHeight="1"' if height else ""
            parts.append(f'<row r="{row}"{height_attributes}>')
            for column, (value, style) in sorted(self.rows[row].items()):
                ref = f"{column_letters(column)}{row}"
                if isinstance(value, str):
                    if value:
                        parts.append(
                            f'<c r="{ref}" s="{int(style)}" t="inlineStr"><is><t xml:space="preserve">'
                            f"{escape(_clean(value))}</t></is></c>"
                        )
                    else:
                        parts.append(f'<c r="{ref}" s="{int(style)}"/>')
                else:
                    parts.append(f'<c r="{ref}" s="{int(style)}"><v>{_number(value)}</v></c>')
            parts.append("</row>")
        parts.append("</sheetData>")
        if self.filter:
            parts.append(f'<autoFilter ref="{self.filter}"/>')
        if self.merges:
            parts.append(f'<mergeCells count="{len(self.merges)}">')
            parts += [f'<mergeCell ref="{m}"/>' for m in self.merges]
            parts.append("</mergeCells>")
        parts.append(
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
        )
        orientation = "landscape" if self.landscape else "portrait"
        parts.append(
            f'<pageSetup paperSize="9" orientation="{orientation}" fitToWidth="1" fitToHeight="0"/>'
        )
        parts.append("</worksheet>")
        return "".join(parts)


def _number(value: Number) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value)
    return repr(value) if isinstance(value, float) else str(value)


@dataclass
class Workbook:
    """Sheets, then bytes."""

    sheets: list[Sheet] = field(default_factory=list)

    def add(self, name: str) -> Sheet:
        sheet = Sheet(name)
        self.sheets.append(sheet)
        return sheet

    def save(self) -> bytes:
        """The workbook as deterministic bytes."""
        count = len(self.sheets)
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in range(1, count + 1)
        )
        sheets = "".join(
            f'<sheet name={quoteattr(s.name)} sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(self.sheets, start=1)
        )
        names = "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
            f"{escape(_sheet_reference(s.name))}!${s.title_rows[0]}:${s.title_rows[1]}</definedName>"
            for i, s in enumerate(self.sheets)
            if s.title_rows
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        )
        entries: dict[str, bytes | str] = {
            "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>{overrides}</Types>',
            "_rels/.rels": f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
            "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{sheets}</sheets>'
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>",
            "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}">{rels}'
            f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/></Relationships>',
            "xl/styles.xml": _STYLES,
        }
        for i, sheet in enumerate(self.sheets, start=1):
            entries[f"xl/worksheets/sheet{i}.xml"] = sheet.xml()
        return deterministic_zip(entries)


def _sheet_reference(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
