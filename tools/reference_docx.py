"""Build the Word reference document (templates/<format>/reference.docx): python tools/reference_docx.py

The reference document holds every style of the report, GB/T 9704-2012 (党政机关公文格式) in OOXML:
page, margins, fonts, sizes, line grid, page numbers. The Word writer copies nothing but its styles
and page setup; office staff may restyle it in Word and the next build follows. This script is the
only Python that knows layout numbers, and each is written next to the rule it comes from.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.base.ooxml_package import normalize_package

ROOT = Path(__file__).resolve().parent.parent

# -- GB/T 9704-2012, in twips (1 mm = 56.69 twips) --------------------------------------------
PAGE_W, PAGE_H = 11906, 16838  # A4, 210 × 297 mm
MARGIN_TOP = 2098  # 天头 37 mm
MARGIN_LEFT = 1587  # 订口 28 mm
MARGIN_RIGHT = 1474  # 版心 156 mm wide → 26 mm
MARGIN_BOTTOM = 1984  # 版心 225 mm high → 35 mm
HEADER = 851  # 15 mm (no header is printed)
FOOTER = 1247  # 22 mm: the page number's 一字线 sits 7 mm below the 版心 (measured on the PDF)
LINE = 579  # 22 lines per page: 225 mm / 22 = 28.95 pt, exact line spacing
BODY_SIZE = 32  # 3号 = 16 pt, in half-points
TITLE_SIZE = 44  # 2号 = 22 pt
FOOTER_SIZE = 28  # 4号 = 14 pt
TABLE_SIZE = 24  # 小四 = 12 pt, for the statistical tables
CONDENSE = -5  # −0.25 pt per character, in twentieths of a point: 28 characters fill 156 mm
INDENT = 640  # 首行缩进二字 (2 × 16 pt)
FOOTER_INDENT = 280  # 页码“左右各空一字” (one 4号 character)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

FANGSONG, HEITI, KAITI, SONGTI, XIAOBIAOSONG = (
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "宋体",
    "方正小标宋简体",
)
LATIN = "Times New Roman"


def fonts(east_asia: str, latin: str = LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    )


def paragraph_style(
    style_id: str,
    name: str,
    ppr: str,
    rpr: str,
    *,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    extra: str = "",
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    following = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>{based}{following}'
        f"{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def styles_xml() -> str:
    body_ppr = (
        '<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        f'<w:ind w:firstLineChars="200" w:firstLine="{INDENT}"/><w:jc w:val="both"/>'
    )
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    heading = '<w:keepNext/><w:keepLines/><w:outlineLvl w:val="{}"/>'
    table_ppr = (  # off the page's line grid: table rows are as high as their text
        '<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>'
    )
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        XML + f"<w:styles {NS}>"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{fonts(FANGSONG)}<w:kern w:val="0"/><w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        f'<w:spacing w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
        + paragraph_style(
            "Normal", "Normal", body_ppr, f'<w:spacing w:val="{CONDENSE}"/>', based_on=None
        ).replace(
            'w:type="paragraph" w:styleId="Normal"',
            'w:type="paragraph" w:default="1" w:styleId="Normal"',
        )
        + paragraph_style(
            "Title",
            "Title",
            # Off the line grid: a 2号 line would otherwise take two grid lines in LibreOffice.
            f'<w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:after="{LINE}"/>{no_indent}'
            '<w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
            f'{fonts(XIAOBIAOSONG)}<w:sz w:val="{TITLE_SIZE}"/><w:szCs w:val="{TITLE_SIZE}"/>',
            next_style="Normal",
        )
        + paragraph_style(
            "Heading1", "heading 1", heading.format(0), fonts(HEITI), next_style="Normal"
        )
        + paragraph_style(
            "Heading2", "heading 2", heading.format(1), fonts(KAITI), next_style="Normal"
        )
        + paragraph_style(
            "Heading3", "heading 3", heading.format(2), fonts(FANGSONG), next_style="Normal"
        )
        + paragraph_style(
            "Signature",
            "Signature",
            f'<w:spacing w:before="{LINE}"/>{no_indent}<w:jc w:val="right"/>',
            "",
            next_style="Date",
        )
        + paragraph_style("Date", "Date", f'<w:keepLines/>{no_indent}<w:jc w:val="right"/>', "")
        + paragraph_style(
            "Footer",
            "footer",
            '<w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>',
            f'{fonts(SONGTI, SONGTI)}<w:spacing w:val="0"/><w:sz w:val="{FOOTER_SIZE}"/><w:szCs w:val="{FOOTER_SIZE}"/>',
        )
        + paragraph_style(
            "TableText",
            "表格文字",
            table_ppr,
            f'<w:spacing w:val="0"/><w:sz w:val="{TABLE_SIZE}"/><w:szCs w:val="{TABLE_SIZE}"/>',
        )
        + paragraph_style(
            "TableHead",
            "表格标题行",
            table_ppr,
            f'{fonts(HEITI)}<w:spacing w:val="0"/><w:sz w:val="{TABLE_SIZE}"/><w:szCs w:val="{TABLE_SIZE}"/>',
            based_on="TableText",
        )
        + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        + '<w:style w:type="character" w:styleId="RunInHeading2"><w:name w:val="二级标题（段内）"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>{fonts(KAITI)}</w:rPr></w:style>'
        + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        + '<w:style w:type="table" w:styleId="GongwenTable"><w:name w:val="公文表格"/>'
        '<w:basedOn w:val="TableNormal"/><w:qFormat/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        f'<w:tblPr><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>'
        "</w:styles>"
    )


def footer_xml(odd: bool) -> str:
    """— 1 —: 4号宋体, odd pages on the right, even pages on the left, one character in."""
    placement = (
        f'<w:ind w:right="{FOOTER_INDENT}"/><w:jc w:val="right"/>'
        if odd
        else f'<w:ind w:left="{FOOTER_INDENT}"/><w:jc w:val="left"/>'
    )
    run = '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{}</w:r>'
    return (
        XML
        + f'<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="Footer"/>{placement}</w:pPr>'
        + run.format('<w:t xml:space="preserve">— </w:t>')
        + run.format('<w:fldChar w:fldCharType="begin"/>')
        + run.format('<w:instrText xml:space="preserve"> PAGE </w:instrText>')
        + run.format('<w:fldChar w:fldCharType="separate"/>')
        + run.format("<w:t>1</w:t>")
        + run.format('<w:fldChar w:fldCharType="end"/>')
        + run.format('<w:t xml:space="preserve"> —</w:t>')
        + "</w:p></w:ftr>"
    )


def section_xml() -> str:
    return (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="{HEADER}" w:footer="{FOOTER}" w:gutter="0"/>'
        f'<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr>'
    )


def sample_paragraph(style: str, text: str, run_style: str | None = None) -> str:
    rpr = (
        f'<w:rPr><w:rStyle w:val="{run_style}"/><w:rFonts w:hint="eastAsia"/></w:rPr>'
        if run_style
        else ('<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>')
    )
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p>'


def document_xml() -> str:
    """Sample text in every style, so the styles can be seen and changed in Word."""
    cell = (
        '<w:tc><w:tcPr><w:tcW w:w="2800" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{0}"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>{1}</w:t></w:r></w:p></w:tc>'
    )
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="GongwenTable"/><w:tblW w:w="5600" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" '
        'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="2800"/><w:gridCol w:w="2800"/></w:tblGrid>'
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + cell.format("TableHead", "表格标题行")
        + cell.format("TableHead", "（黑体）")
        + "</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + cell.format("TableText", "表格文字")
        + cell.format("TableText", "123")
        + "</w:tr></w:tbl>"
    )
    body = (
        sample_paragraph("Title", "标题（2号方正小标宋简体）")
        + sample_paragraph(
            "Normal",
            "正文：3号仿宋_GB2312，首行缩进二字，每页22行、每行28字。本参考文档中的文字不会出现在报告中，只有样式会被使用。",
        )
        + sample_paragraph("Heading1", "一、一级标题（黑体）")
        + sample_paragraph("Heading2", "（一）二级标题（楷体_GB2312）")
        + '<w:p><w:r><w:rPr><w:rStyle w:val="RunInHeading2"/><w:rFonts w:hint="eastAsia"/></w:rPr>'
        '<w:t>（二）段内二级标题。</w:t></w:r><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        "<w:t>其后是正文。</w:t></w:r></w:p>"
        + sample_paragraph("Heading3", "1.三级标题（仿宋_GB2312）")
        + table
        + sample_paragraph("Signature", "署名机关")
        + sample_paragraph("Date", "2019年3月20日")
    )
    return XML + f"<w:document {NS}><w:body>{body}{section_xml()}</w:body></w:document>"


def settings_xml() -> str:
    return (
        XML + f"<w:settings {NS}>"
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        '<w:drawingGridVerticalSpacing w:val="579"/><w:displayHorizontalDrawingGridEvery w:val="0"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        "</w:settings>"
    )


# name, alternative name Word may substitute, charset (86 = GB2312), family, pitch, PANOSE
FONT_TABLE = [
    (LATIN, None, "00", "roman", "variable", "02020603050405020304"),
    (FANGSONG, "仿宋", "86", "modern", "fixed", "02010609030101010101"),
    (HEITI, "SimHei", "86", "modern", "fixed", "02010609060101010101"),
    (KAITI, "楷体", "86", "modern", "fixed", "02010609030101010101"),
    (SONGTI, "SimSun", "86", "auto", "variable", "02010600030101010101"),
    (XIAOBIAOSONG, "宋体", "86", "auto", "variable", "02010601030101010101"),
]


def font_table_xml() -> str:
    entries = "".join(
        f'<w:font w:name="{name}">'
        + (f'<w:altName w:val="{alt}"/>' if alt else "")
        + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
        f'<w:pitch w:val="{pitch}"/></w:font>'
        for name, alt, charset, family, pitch, panose in FONT_TABLE
    )
    return XML + f"<w:fonts {NS}>{entries}</w:fonts>"


def content_types_xml() -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = [
        ("/word/document.xml", f"{main}.document.main+xml"),
        ("/word/styles.xml", f"{main}.styles+xml"),
        ("/word/settings.xml", f"{main}.settings+xml"),
        ("/word/fontTable.xml", f"{main}.fontTable+xml"),
        ("/word/footer1.xml", f"{main}.footer+xml"),
        ("/word/footer2.xml", f"{main}.footer+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        ),
    ]
    overrides = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in parts)
    return (
        XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'
    )


def relationships(items: list[tuple[str, str, str]]) -> str:
    rels = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items
    )
    return XML + f'<Relationships xmlns="{PKG}">{rels}</Relationships>'


def core_xml() -> str:
    return (
        XML
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>政府信息公开工作年度报告（参考样式）</dc:title><dc:creator></dc:creator>"
        "<cp:lastModifiedBy></cp:lastModifiedBy><cp:revision>1</cp:revision></cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        XML
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>gen-report</Application><DocSecurity>0</DocSecurity></Properties>"
    )


def reference_docx() -> bytes:
    """The reference document's bytes."""
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", content_types_xml())
        z.writestr(
            "_rels/.rels",
            relationships(
                [
                    ("rId1", f"{office}/officeDocument", "word/document.xml"),
                    ("rId2", f"{PKG}/metadata/core-properties", "docProps/core.xml"),
                    ("rId3", f"{office}/extended-properties", "docProps/app.xml"),
                ]
            ),
        )
        z.writestr("docProps/core.xml", core_xml())
        z.writestr("docProps/app.xml", app_xml())
        z.writestr("word/document.xml", document_xml())
        z.writestr("word/styles.xml", styles_xml())
        z.writestr("word/settings.xml", settings_xml())
        z.writestr("word/fontTable.xml", font_table_xml())
        z.writestr("word/footer1.xml", footer_xml(odd=True))
        z.writestr("word/footer2.xml", footer_xml(odd=False))
        z.writestr(
            "word/_rels/document.xml.rels",
            relationships(
                [
                    ("rIdStyles", f"{office}/styles", "styles.xml"),
                    ("rIdSettings", f"{office}/settings", "settings.xml"),
                    ("rIdFonts", f"{office}/fontTable", "fontTable.xml"),
                    ("rIdFooterOdd", f"{office}/footer", "footer1.xml"),
                    ("rIdFooterEven", f"{office}/footer", "footer2.xml"),
                ]
            ),
        )
    return normalize_package(buffer.getvalue())


def main() -> None:
    data = reference_docx()
    for folder in sorted(p.parent for p in (ROOT / "templates").glob("*/format.toml")):
        (folder / "reference.docx").write_bytes(data)
        print(folder / "reference.docx")


if __name__ == "__main__":
    main()
