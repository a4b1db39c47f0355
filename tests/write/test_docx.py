"""The Word report's structure, checked in the file itself (python-docx and lxml)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from generator.document.model import Align, Document, Paragraph, Run, Style, Table, TableCell
from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from generator.write.docx import render_docx
from tests.conftest import ROOT
from tests.support import ooxml_errors, rewrite

TITLE = "株洲市人民政府2018年政府信息公开工作年度报告"
REFERENCE = ROOT / "templates" / "2018" / "reference.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FACES = {"仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docx")
    result = build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", out))
    assert not result.problems.blocking()
    return out / f"{TITLE}.docx"


def part(path: Path, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(path).read(name))


class Resolver:
    """Effective East Asian font and size of runs, through styles and document defaults."""

    def __init__(self, styles: etree._Element) -> None:
        self.styles = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
        self.defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")

    def _chain(self, style_id: str | None):
        while style_id:
            style = self.styles[style_id]
            yield style.find(f"{W}rPr")
            based = style.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else None

    def resolve(self, run: etree._Element, paragraph_style: str) -> tuple[str, int]:
        rpr = run.find(f"{W}rPr")
        run_style = rpr.find(f"{W}rStyle") if rpr is not None else None
        chains = [rpr, *self._chain(run_style.get(f"{W}val") if run_style is not None else None)]
        chains += [*self._chain(paragraph_style), self.defaults]
        font = next(
            r.find(f"{W}rFonts").get(f"{W}eastAsia")
            for r in chains
            if r is not None
            and r.find(f"{W}rFonts") is not None
            and r.find(f"{W}rFonts").get(f"{W}eastAsia")
        )
        size = next(
            int(r.find(f"{W}sz").get(f"{W}val"))
            for r in chains
            if r is not None and r.find(f"{W}sz") is not None
        )
        return font, size


def paragraph_style(p: etree._Element) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else "Normal"


def test_page_setup_is_gbt9704(built: Path) -> None:
    section = part(built, "word/document.xml").find(f"{W}body/{W}sectPr")
    size, margins = section.find(f"{W}pgSz"), section.find(f"{W}pgMar")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    assert {k: margins.get(f"{W}{k}") for k in ("top", "left", "bottom", "right")} == {
        "top": "2098",
        "left": "1587",
        "bottom": "1984",
        "right": "1474",
    }
    assert section.find(f"{W}docGrid").get(f"{W}linePitch") == "579"


def test_every_run_has_an_east_asian_face_and_size(built: Path) -> None:
    resolver = Resolver(part(built, "word/styles.xml"))
    expected = {
        "Title": ("方正小标宋简体", 44),
        "Heading1": ("黑体", 32),
        "Heading2": ("楷体_GB2312", 32),
        "Normal": ("仿宋_GB2312", 32),
        "Signature": ("仿宋_GB2312", 32),
        "Date": ("仿宋_GB2312", 32),
    }
    seen = set()
    for p in part(built, "word/document.xml").iter(f"{W}p"):
        style = paragraph_style(p)
        for run in p.iter(f"{W}r"):
            if run.find(f"{W}t") is None:
                continue
            font, size = resolver.resolve(run, style)
            assert font in FACES
            rpr = run.find(f"{W}rPr")
            run_in = rpr is not None and rpr.find(f"{W}rStyle") is not None
            assert (font, size) == (("楷体_GB2312", 32) if run_in else expected[style])
            assert rpr.find(f"{W}rFonts").get(f"{W}hint") == "eastAsia"
            seen.add("RunIn" if run_in else style)
    assert seen == {*expected, "RunIn"}


def test_latin_text_is_times_new_roman_and_language_is_chinese(built: Path) -> None:
    defaults = part(built, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    fonts = defaults.find(f"{W}rFonts")
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == "Times New Roman"
    assert defaults.find(f"{W}lang").get(f"{W}eastAsia") == "zh-CN"


def test_body_is_indented_two_characters_with_exact_lines(built: Path) -> None:
    normal = next(
        s
        for s in part(built, "word/styles.xml").iter(f"{W}style")
        if s.get(f"{W}styleId") == "Normal"
    )
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    assert normal.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"


def test_headings_keep_with_next(built: Path) -> None:
    styles = {s.get(f"{W}styleId"): s for s in part(built, "word/styles.xml").iter(f"{W}style")}
    for heading in ("Heading1", "Heading2", "Heading3", "Title"):
        assert styles[heading].find(f"{W}pPr/{W}keepNext") is not None


def test_page_numbers_in_odd_and_even_footers(built: Path) -> None:
    settings = part(built, "word/settings.xml")
    assert settings.find(f"{W}evenAndOddHeaders") is not None
    section = part(built, "word/document.xml").find(f"{W}body/{W}sectPr")
    kinds = {ref.get(f"{W}type") for ref in section.findall(f"{W}footerReference")}
    assert kinds == {"default", "even"}
    for name, side in (("word/footer1.xml", "right"), ("word/footer2.xml", "left")):
        footer = part(built, name)
        assert "PAGE" in "".join(footer.itertext())
        assert "".join(t.text for t in footer.iter(f"{W}t")) == "— 1 —"
        assert footer.find(f"{W}p/{W}pPr/{W}jc").get(f"{W}val") == side


def test_no_theme_fonts_nor_python_docx_leftovers(built: Path) -> None:
    archive = zipfile.ZipFile(built)
    assert not [
        n
        for n in archive.namelist()
        if "theme" in n or "thumbnail" in n or "stylesWithEffects" in n
    ]
    for name in archive.namelist():
        data = archive.read(name)
        assert b"Theme=" not in data and b'Theme"' not in data
        assert b"python-docx" not in data and b"ja-JP" not in data


def test_core_properties_come_from_the_report(built: Path) -> None:
    properties = docx.Document(str(built)).core_properties
    assert properties.title == TITLE
    assert properties.author == "株洲市人民政府"
    assert properties.created == properties.modified == dt.datetime(2019, 3, 20, tzinfo=dt.UTC)


def test_text_holds_every_figure_of_the_text_report(built: Path) -> None:
    text = "".join(t.text or "" for t in part(built, "word/document.xml").iter(f"{W}t"))
    report = (built.parent / f"{TITLE}.txt").read_text(encoding="utf-8-sig")
    assert "".join(report.split()) == text.replace(" ", "").replace("\u3000", "")


def test_signature_indents_follow_the_standard(built: Path) -> None:
    paragraphs = {paragraph_style(p): p for p in part(built, "word/document.xml").iter(f"{W}p")}
    # 署名 7 characters, date 6.5: the date is right-indented two characters (2 × 315 twips) and
    # the signature moves so that the date starts two characters right of it.
    assert paragraphs["Date"].find(f"{W}pPr/{W}ind").get(f"{W}right") == "630"
    assert paragraphs["Signature"].find(f"{W}pPr/{W}ind").get(f"{W}right") == "1102"


def test_two_builds_are_byte_identical(tmp_path: Path, built: Path) -> None:
    build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", tmp_path))
    digest = hashlib.sha256((tmp_path / f"{TITLE}.docx").read_bytes()).hexdigest()
    assert digest == hashlib.sha256(built.read_bytes()).hexdigest()


def test_source_date_epoch_sets_the_zip_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", tmp_path))
    info = zipfile.ZipFile(tmp_path / f"{TITLE}.docx").infolist()[0]
    assert info.date_time[:3] == (2023, 11, 14)


def test_schema_valid(built: Path) -> None:
    assert ooxml_errors(built) == []


def test_the_validator_does_find_errors(tmp_path: Path, built: Path) -> None:
    broken = tmp_path / "broken.docx"
    bogus = {
        "word/document.xml": lambda d: d.replace(b"<w:body>", b"<w:body><w:p><w:bogus/></w:p>", 1)
    }
    broken.write_bytes(rewrite(built.read_bytes(), bogus))
    assert ooxml_errors(broken)


def test_the_writer_follows_a_restyled_reference(tmp_path: Path) -> None:
    """Office staff change the body font in the reference document; the next build uses it."""
    reference = tmp_path / "reference.docx"
    songti = {
        "word/styles.xml": lambda d: d.replace(
            'w:eastAsia="仿宋_GB2312"'.encode(), 'w:eastAsia="宋体"'.encode(), 1
        )
    }
    reference.write_bytes(rewrite(REFERENCE.read_bytes(), songti))
    document = Document("题", (Paragraph(Style.BODY, (Run("正文"),)),))
    styles = zipfile.ZipFile(io.BytesIO(render_docx(document, reference))).read("word/styles.xml")
    assert 'w:eastAsia="宋体"'.encode() in styles


def sample_table(rows: int) -> Table:
    return Table(
        header=(
            (
                TableCell("项目", row_span=2, col_span=2, align=Align.LEFT),
                TableCell("申请人情况", col_span=3),
            ),
            (TableCell("自然人"), TableCell("法人或其他组织"), TableCell("总计")),
        ),
        rows=tuple(
            (
                TableCell(f"第{i}行", col_span=2, align=Align.LEFT),
                TableCell(str(i)),
                TableCell("0"),
                TableCell(str(i)),
            )
            for i in range(rows)
        ),
        widths=(6, 6, 4, 4, 4),
    )


def table_document(table: Table) -> Document:
    blocks = (
        Paragraph(Style.BODY, (Run("前文"),)),
        Paragraph(Style.HEADING1, (Run("一、表"),)),
        table,
        Paragraph(Style.BODY, (Run("完"),)),
    )
    return Document("表", blocks)


def test_tables_have_merged_header_cells_borders_and_repeated_headers(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(render_docx(table_document(sample_table(60)), REFERENCE))
    word = docx.Document(str(path))
    table = word.tables[0]
    rows = table._tbl.tr_lst
    assert [r.trPr.find(qn("w:tblHeader")) is not None for r in rows[:3]] == [True, True, False]
    assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    first = rows[0].tc_lst
    assert first[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    assert first[0].tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "restart"
    assert first[1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert rows[1].tc_lst[0].tcPr.find(qn("w:vMerge")) is not None
    assert all(tc.tcPr.find(qn("w:tcW")) is not None for r in rows for tc in r.tc_lst)
    style = next(s for s in word.styles if s.style_id == "GongwenTable")
    borders = style.element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.tag.split("}")[1] for b in borders} == {
        "top",
        "left",
        "bottom",
        "right",
        "insideH",
        "insideV",
    }
    number = rows[2].tc_lst[1].find(qn("w:p"))
    assert number.find(f"{qn('w:pPr')}/{qn('w:jc')}") is None  # centred by the table text style
    label = rows[2].tc_lst[0].find(qn("w:p"))
    assert label.find(f"{qn('w:pPr')}/{qn('w:jc')}").get(qn("w:val")) == "left"
    assert ooxml_errors(path) == []


def test_a_wide_table_gets_a_landscape_section(tmp_path: Path) -> None:
    wide = Table(
        header=((TableCell("甲"),) * 12,), rows=((TableCell("1"),) * 12,), widths=(5,) * 12
    )
    path = tmp_path / "wide.docx"
    path.write_bytes(render_docx(table_document(wide), REFERENCE))
    body = part(path, "word/document.xml").find(f"{W}body")
    sections = [s for s in body.iter(f"{W}sectPr")]
    orientations = [s.find(f"{W}pgSz").get(f"{W}orient") for s in sections]
    assert orientations == [None, "landscape", None]
    # The portrait section ends before the heading: the heading moves with the table.
    portrait_end = sections[0].getparent().getparent()
    assert "".join(portrait_end.itertext()) == "前文"
    landscape_end = sections[1].getparent().getparent()
    assert body.index(landscape_end) == body.index(body.find(f"{W}tbl")) + 1
    assert ooxml_errors(path) == []


def test_a_narrow_table_stays_portrait(tmp_path: Path) -> None:
    path = tmp_path / "narrow.docx"
    path.write_bytes(render_docx(table_document(sample_table(3)), REFERENCE))
    body = part(path, "word/document.xml").find(f"{W}body")
    assert [s.find(f"{W}pgSz").get(f"{W}orient") for s in body.iter(f"{W}sectPr")] == [None]
