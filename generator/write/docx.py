"""Word writer: the document model poured into the format's reference document.

Every style, the page setup and the page-number footers come from the reference document
(templates/<format>/reference.docx); this module only chooses which style each paragraph uses,
builds tables, and places the signature as GB/T 9704 says. Output bytes depend only on the input.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

from generator.base.clock import source_date
from generator.base.ooxml_package import normalize_package
from generator.base.textwidth import char_width
from generator.base.xml_text import escape
from generator.document.layout import sign_off_indents
from generator.document.model import Align, Document, Paragraph, Role, Style, Table
from generator.document.table_grid import placed_cells
from generator.write.publication import Publication

PARAGRAPH_STYLES = {
    Style.TITLE: "Title",
    Style.HEADING1: "Heading1",
    Style.HEADING2: "Heading2",
    Style.HEADING3: "Heading3",
    Style.BODY: "Normal",
    Style.SIGNATURE: "Signature",
    Style.DATE: "Date",
}
RUN_STYLES = {Role.HEADING2: "RunInHeading2"}
TABLE_STYLE, TABLE_TEXT, TABLE_HEAD = "GongwenTable", "TableText", "TableHead"


ATTACHMENT = "附件"
GRAPHIC = "图解"


def render(publication: Publication) -> bytes:
    """The report as the bytes of a .docx file, styled by its format's reference document; with
    charts asked for, the 图解's charts follow as an attachment (附件) on a new page."""
    return render_docx(
        publication.document, publication.spec.reference_path, charts=publication.charts
    )


def render_docx(document: Document, reference: Path, *, charts: bool = False) -> bytes:
    """The report as .docx bytes, styled by the reference document."""
    word = docx.Document(str(reference))
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    writer = _Writer(word)
    writer.write(document)
    if charts and document.charts:
        writer.charts(document)
    _set_properties(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return normalize_package(buffer.getvalue())


class _Writer:
    def __init__(self, word: docx.document.Document) -> None:
        self.word = word
        self.styles = {style.style_id: style for style in word.styles}
        self.section = word.element.body.find(qn("w:sectPr"))
        self.pitch = _character_pitch(word)

    def write(self, document: Document) -> None:
        indents = sign_off_indents(document.sign_off)
        blocks = (*document.blocks, *document.sign_off.paragraphs)
        orientations = _orientations(blocks, self._fits_portrait)
        previous_element = None
        for index, block in enumerate(blocks):
            if index and orientations[index] != orientations[index - 1]:
                self._end_section(previous_element, landscape=orientations[index - 1])
            if isinstance(block, Table):
                previous_element = self._table(block, landscape=orientations[index])
                continue
            paragraph = self._paragraph(block)
            if block.style is Style.SIGNATURE:
                paragraph.paragraph_format.right_indent = Twips(
                    round(indents.signature * self.pitch)
                )
            elif block.style is Style.DATE:
                paragraph.paragraph_format.right_indent = Twips(round(indents.date * self.pitch))
            previous_element = paragraph._p
        if orientations and orientations[-1]:
            _make_landscape(self.section)

    def charts(self, document: Document) -> None:
        """附件 on a new page, the 图解's title, then each chart as wide as the text."""
        from generator.write import charts

        label = self.word.add_paragraph()
        label._p.style = PARAGRAPH_STYLES[Style.HEADING1]
        label.paragraph_format.page_break_before = True
        _east_asian(label.add_run(ATTACHMENT))
        title = self.word.add_paragraph()
        title._p.style = PARAGRAPH_STYLES[Style.TITLE]
        _east_asian(title.add_run(f"{document.title}{GRAPHIC}"))
        width = Twips(self._text_width(landscape=False))
        for chart in document.charts:
            picture = self.word.add_paragraph()
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            layout = picture.paragraph_format
            layout.line_spacing_rule = WD_LINE_SPACING.SINGLE  # not the body's exact lines
            layout.space_after = Twips(self.pitch)
            indent = layout._element.get_or_add_pPr().get_or_add_ind()
            indent.set(qn("w:firstLineChars"), "0")  # the body's two-character indent
            indent.set(qn("w:firstLine"), "0")
            picture.add_run().add_picture(io.BytesIO(charts.png(chart)), width=width)

    def _paragraph(self, block: Paragraph) -> docx.text.paragraph.Paragraph:
        style_id = PARAGRAPH_STYLES[block.style]
        paragraph = self.word.add_paragraph()
        if style_id != "Normal":
            paragraph._p.style = style_id  # by id: python-docx's lookup by name is slow
        runs = _merged_runs(block)
        breaks = any(role is Role.BREAK for role, _ in runs) and not self._fits_one_line(
            block, self.styles[style_id]
        )
        for role, text in runs:
            if role is Role.BREAK:
                if breaks:
                    paragraph.add_run().add_break()
                continue
            run = paragraph.add_run(text)
            if role in RUN_STYLES:
                run._r.style = RUN_STYLES[role]
            _east_asian(run)
        return paragraph

    def _fits_one_line(self, block: Paragraph, style: object) -> bool:
        width = char_width(block.text) * _style_size_twips(style, self.word)
        return width <= self._text_width(landscape=False)

    def _text_width(self, landscape: bool) -> int:
        size = self.section.find(qn("w:pgSz"))
        margins = self.section.find(qn("w:pgMar"))
        width = int(size.get(qn("w:h" if landscape else "w:w")))
        sides = ("w:top", "w:bottom") if landscape else ("w:left", "w:right")
        return width - sum(int(margins.get(qn(side))) for side in sides)

    def _fits_portrait(self, table: Table) -> bool:
        table_pitch = _style_size_twips(self.styles[TABLE_TEXT], self.word)
        return sum(table.widths) * table_pitch <= self._text_width(landscape=False)

    def _table(self, table: Table, landscape: bool) -> object:
        """The table as WordprocessingML, built in one pass from the cells' placement."""
        available = self._text_width(landscape)
        total = sum(table.widths)
        widths = [available * w // total for w in table.widths]
        widths[-1] += available - sum(widths)
        rows = len(table.header) + len(table.rows)
        starts: list[dict[int, object]] = [{} for _ in range(rows)]
        continued: list[dict[int, object]] = [{} for _ in range(rows)]
        for placed in placed_cells(table):
            starts[placed.row][placed.col] = placed
            for below in range(placed.row + 1, placed.row + placed.cell.row_span):
                continued[below][placed.col] = placed
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        xml = [
            f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/>'
            f'<w:tblW w:w="{available}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        ]
        for r in range(rows):
            header = r < len(table.header)
            xml.append(
                "<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
            )
            for c in range(table.columns):
                placed = starts[r].get(c) or continued[r].get(c)
                if placed is None:
                    continue  # covered by a cell spanning from the left
                cell = placed.cell
                width = sum(widths[placed.col : placed.col + cell.col_span])
                span = f'<w:gridSpan w:val="{cell.col_span}"/>' if cell.col_span > 1 else ""
                if placed.row != r:
                    merge, text = "<w:vMerge/>", ""
                else:
                    merge = '<w:vMerge w:val="restart"/>' if cell.row_span > 1 else ""
                    text = cell.text
                style = TABLE_HEAD if header else TABLE_TEXT
                align = '<w:jc w:val="left"/>' if cell.align is Align.LEFT else ""
                run = (
                    f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
                    if text
                    else ""
                )
                xml.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{merge}<w:vAlign w:val="center"/></w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{align}</w:pPr>{run}</w:p></w:tc>'
                )
            xml.append("</w:tr>")
        xml.append("</w:tbl>")
        element = parse_xml("".join(xml))
        self.section.addprevious(element)  # the body ends with its section properties
        return element

    def _end_section(self, element: object, landscape: bool) -> None:
        """Close the section that ends with `element` (adding a paragraph after a table)."""
        if element is None or element.tag != qn("w:p"):
            element = self.word.add_paragraph(style=self.styles["Normal"])._p
        section = copy.deepcopy(self.section)
        if landscape:
            _make_landscape(section)
        element.get_or_add_pPr().append(section)


def _merged_runs(block: Paragraph) -> list[tuple[Role, str]]:
    """Neighbouring runs of the same role become one run of Word."""
    merged: list[tuple[Role, str]] = []
    for run in block.runs:
        if merged and merged[-1][0] is run.role and run.role is not Role.BREAK:
            merged[-1] = (run.role, merged[-1][1] + run.text)
        else:
            merged.append((run.role, run.text))
    return merged


def _orientations(blocks: tuple, fits_portrait) -> list[bool]:
    """True (landscape) for wide tables and for the headings that lead into them."""
    result = [isinstance(b, Table) and not fits_portrait(b) for b in blocks]
    for index in range(len(blocks) - 2, -1, -1):
        block = blocks[index]
        if isinstance(block, Paragraph) and block.style in (Style.HEADING1, Style.HEADING2):
            result[index] = result[index + 1]
    return result


def _make_landscape(section: object) -> None:
    size = section.find(qn("w:pgSz"))
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    if int(width) > int(height):
        return
    size.set(qn("w:w"), height)
    size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    margins = section.find(qn("w:pgMar"))
    top, right, bottom, left = (
        margins.get(qn(f"w:{side}")) for side in ("top", "right", "bottom", "left")
    )
    # Turn the page a quarter to the left: the binding margin (订口) goes on top.
    for side, value in (("top", left), ("right", top), ("bottom", right), ("left", bottom)):
        margins.set(qn(f"w:{side}"), value)


def _east_asian(run: docx.text.run.Run) -> None:
    """Quotes, dashes and dots shared with Latin text are drawn in the Chinese font."""
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:hint"), "eastAsia")


def _style_size_twips(style: object, word: docx.document.Document) -> int:
    """Font size of a style (or of the document defaults), in twips."""
    while style is not None:
        if style.font.size is not None:
            return int(style.font.size.twips)
        style = style.base_style
    defaults = word.styles.element.find(qn("w:docDefaults"))
    size = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    return int(size.get(qn("w:val"))) * 10


def _character_pitch(word: docx.document.Document) -> int:
    """Distance between characters of body text in twips: font size plus character spacing."""
    normal = next(s for s in word.styles if s.style_id == "Normal")
    spacing = normal.element.find(f"{qn('w:rPr')}/{qn('w:spacing')}")
    extra = int(spacing.get(qn("w:val"))) if spacing is not None else 0
    return _style_size_twips(normal, word) + extra


def document_time(document: Document) -> dt.datetime | None:
    """The document's date (成文日期), or SOURCE_DATE_EPOCH when the report has none."""
    when = document.date
    if when is not None:
        return dt.datetime(when.year, when.month, when.day)
    return source_date()


def _set_properties(word: docx.document.Document, document: Document) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.author = document.author
    properties.last_modified_by = document.author
    properties.revision = 1
    stamp = document_time(document)
    if stamp is not None:
        properties.created = stamp
        properties.modified = stamp
