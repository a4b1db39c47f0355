import io
import zipfile

import pytest

from generator.read.xlsx import WorkbookError, XlsxWorkbook
from tests.support import rewrite
from tests.xlsx_parts import package


def open_book(data: bytes) -> XlsxWorkbook:
    return XlsxWorkbook(zipfile.ZipFile(io.BytesIO(data)))


@pytest.mark.parametrize("strict", [False, True])
def test_reads_only_requested_cells(strict: bool) -> None:
    book = open_book(
        package({"表": {"A1": "标签", "B1": 12, "B2": "文字", "C9": 1}}, strict=strict)
    )
    sheet = book.sheets[0]
    cells = book.read_cells(sheet, ["A1", "B1", "B2", "B5"])
    assert (cells["A1"].kind, cells["A1"].value) == ("text", "标签")
    assert (cells["B1"].kind, cells["B1"].value) == ("number", "12")
    assert cells["B2"].value == "文字"
    assert cells["B5"].kind == "blank"


def test_shared_strings_with_rich_text_and_phonetics() -> None:
    data = package(
        {
            "表": {
                "A1": ("xml", '<c r="A1" t="s"><v>0</v></c>'),
                "A2": ("xml", '<c r="A2" t="s"><v>1</v></c>'),
            }
        },
        shared=["普通"],
    )
    # Replace the shared strings part with rich text and a phonetic run.
    rich = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>普通</t></si><si><r><t>富</t></r><r><t>文本</t></r>"
        "<rPh sb='0' eb='1'><t>ふ</t></rPh></si></sst>"
    ).encode()
    book = open_book(rewrite(data, {"xl/sharedStrings.xml": lambda _: rich}))
    cells = book.read_cells(book.sheets[0], ["A1", "A2"])
    assert cells["A1"].value == "普通"
    assert cells["A2"].value == "富文本"


def test_cells_without_references_follow_their_order() -> None:
    data = package({"表": {"A1": ("xml", '<c t="inlineStr"><is><t>x</t></is></c><c><v>5</v></c>')}})
    book = open_book(data)
    cells = book.read_cells(book.sheets[0], ["A1", "B1"])
    assert cells["A1"].value == "x" and cells["B1"].value == "5"


def test_formula_with_and_without_saved_result() -> None:
    data = package(
        {
            "表": {
                "B1": ("xml", '<c r="B1"><f>1+1</f><v>2</v></c>'),
                "B2": ("xml", '<c r="B2"><f>1+1</f><v></v></c>'),
            }
        }
    )
    book = open_book(data)
    cells = book.read_cells(book.sheets[0], ["B1", "B2"])
    assert (cells["B1"].value, cells["B1"].formula) == ("2", "1+1")
    assert (cells["B2"].kind, cells["B2"].formula) == ("blank", "1+1")


def test_number_formats_classified() -> None:
    styles = (
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>'
        '<numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="#,##0&quot;件&quot;"/></numFmts>'
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
        '<xf numFmtId="166"/><xf numFmtId="9"/></cellXfs></styleSheet>'
    )
    cells = {f"A{i}": ("xml", f'<c r="A{i}" s="{i - 1}"><v>1</v></c>') for i in range(1, 7)}
    book = open_book(package({"表": cells}, styles=styles))
    read = book.read_cells(book.sheets[0], list(cells))
    assert [read[f"A{i}"].number_format for i in range(1, 7)] == [
        "general",
        "date",
        "date",
        "percent",
        "general",
        "percent",
    ]


def test_dtd_is_refused() -> None:
    data = package({"表": {"A1": 1}})
    doctype = rewrite(data, {"xl/workbook.xml": lambda b: b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + b})
    with pytest.raises(WorkbookError, match="DTD"):
        open_book(doctype)


def test_merged_ranges() -> None:
    tail = '<mergeCells count="1"><mergeCell ref="B3:C4"/></mergeCells>'
    book = open_book(package({"表": {"A1": 1}}, tails={"表": tail}))
    assert book.merged_ranges(book.sheets[0]) == ["B3:C4"]


def test_sheet_states() -> None:
    book = open_book(package({"甲": {}, "乙": {}}, states={"乙": "hidden"}))
    assert [(s.name, s.state) for s in book.sheets] == [("甲", "visible"), ("乙", "hidden")]


def test_stops_after_the_last_requested_row() -> None:
    cells = {f"A{i}": i for i in range(1, 2000)}
    book = open_book(package({"表": cells}))
    assert book.read_cells(book.sheets[0], ["A3"])["A3"].value == "3"
