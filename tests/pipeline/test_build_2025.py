"""The national table format (2021 onward) on the shipped inputs/2025 (沭阳县 2025 figures)."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from generator.base.problems import Severity
from generator.fillin.init import init_forms
from generator.formats.registry import format_for_year
from generator.pipeline.build import build, check_inputs
from generator.pipeline.options import BuildOptions
from tests.conftest import GOLDEN, ROOT
from tests.support import (
    SIX_PARTS,
    W,
    assert_headings_in_order,
    docx_tables,
    fill_by_labels,
    ooxml_errors,
    spans,
)

TITLE = "沭阳县人民政府2025年政府信息公开工作年度报告"
SHIPPED = ROOT / "inputs" / "2025"
# The published report's figures (a copy of ../shared/reference/examples/shuyang-county-2025.json).
EXAMPLE = json.loads(
    (ROOT / "tools" / "examples" / "shuyang-county-2025.json").read_text(encoding="utf-8")
)
FEE_LABELS = ("收取信息处理费的件数", "收取信息处理费的金额")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("2025")
    result = build(BuildOptions.for_year(2025, SHIPPED, out))
    assert not result.problems.blocking(), [str(p) for p in result.problems]
    text = (out / f"{TITLE}.txt").read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return result, out / f"{TITLE}.docx", text


def test_the_year_chooses_the_format_without_options() -> None:
    assert format_for_year(2025).key == "2021" and format_for_year(2021).key == "2021"
    assert format_for_year(2018).key == "2018"


def test_golden_text(built, update_goldens: bool) -> None:
    golden = GOLDEN / "2025" / f"{TITLE}.txt"
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(built[2], encoding="utf-8")
    assert built[2] == golden.read_text(encoding="utf-8")


def test_six_parts_with_the_official_headings(built) -> None:
    text = built[2]
    assert_headings_in_order(text, SIX_PARTS)


def published_figures() -> list[str]:
    """Every figure of the published tables, as text."""
    figures = []
    for group in EXAMPLE["第二十条"].values():
        for value in group.values():
            figures += [str(v) for v in (value if isinstance(value, list) else [value])]
    for table in ("收到和处理政府信息公开申请情况", "行政复议、行政诉讼"):
        figures += [str(v) for row in EXAMPLE[table].values() for v in row.values()]
    return figures


def test_text_holds_every_published_figure_in_its_table(built) -> None:
    result, _, text = built
    table_figures = {f.name: f for _, f in result.document.figures()}
    apply = EXAMPLE["收到和处理政府信息公开申请情况"]
    assert table_figures["total.apply.new.total"].text == str(
        apply["一、本年新收政府信息公开申请数量"]["总计"]
    )
    assert table_figures["total.apply.total.total"].text == str(
        apply["三、本年度办理结果/（七）总计"]["总计"]
    )
    assert table_figures["total.appeal.cases.review_total"].text == "61"
    assert table_figures["total.art20_8.fees.amount"].value == Decimal("4068.208")
    for figure in published_figures():
        assert figure in text
    assert "收取信息处理费1件，金额380元" in text


def test_word_tables_have_the_official_merged_headers(built) -> None:
    tables = docx_tables(built[1])
    assert len(tables) == 6  # 第二十条 (four stacked sub-tables), 申请, 复议诉讼
    apply = tables[4]
    rows = apply.findall(f"{W}tr")
    assert spans(rows[0]) == [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "3", "restart"),
        ("申请人情况", "7", None),
    ]
    assert spans(rows[1]) == [
        ("", "3", "continue"),
        ("自然人", None, "restart"),
        ("法人或其他组织", "5", None),
        ("总计", None, "restart"),
    ]
    assert [t for t, _, _ in spans(rows[2])][2:7] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert len(rows) == 28
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows[:4]] == [
        True,
        True,
        True,
        False,
    ]
    appeal = tables[5].findall(f"{W}tr")
    assert spans(appeal[0]) == [("行政复议", "5", None), ("行政诉讼", "10", None)]
    assert [t for t, _, _ in spans(appeal[1])][5:] == ["未经复议直接起诉", "复议后起诉"]
    assert [t for t, _, _ in spans(appeal[3])] == [
        "27",
        "10",
        "9",
        "15",
        "61",
        "3",
        "0",
        "0",
        "0",
        "3",
        "8",
        "0",
        "1",
        "1",
        "10",
    ]


def test_wide_tables_are_in_a_landscape_section(built) -> None:
    document = etree.fromstring(zipfile.ZipFile(built[1]).read("word/document.xml"))
    orients = [s.find(f"{W}pgSz").get(f"{W}orient") for s in document.iter(f"{W}sectPr")]
    assert orients == [None, "landscape", None]


def test_word_file_is_schema_valid(built) -> None:
    assert ooxml_errors(built[1]) == []


def edited(tmp_path: Path, file: str, sheet: str, cells: dict[str, object]) -> Path:
    folder = tmp_path / "2025"
    shutil.copytree(SHIPPED, folder)
    book = load_workbook(folder / file)
    for ref, value in cells.items():
        book[sheet][ref] = value
    book.save(folder / file)
    return folder


def errors(folder: Path) -> list:
    return [
        p
        for p in check_inputs(BuildOptions.for_year(2025, folder)).problems
        if p.severity is Severity.ERROR
    ]


def test_breaking_the_balance_names_the_cell(tmp_path: Path) -> None:
    book = load_workbook(SHIPPED / "沭阳县公安局.xlsx")
    folder = edited(
        tmp_path, "沭阳县公安局.xlsx", "依申请公开", {"D5": book["依申请公开"]["D5"].value + 1}
    )
    found = errors(folder)
    assert {str(p.location) for p in found} == {"沭阳县公安局.xlsx 依申请公开!D5"}
    assert any("（D5:D6）" in p.message and "（D28:D29）" in p.message for p in found)


@pytest.mark.parametrize(
    ("sheet", "cell", "fragment"),
    [
        ("依申请公开", "J7", "（七）总计"),  # a row's 总计 typed over
        ("依申请公开", "D28", "（七）总计"),  # （七）总计 typed over
        ("复议诉讼", "E5", "总计"),  # a group's 总计 typed over
    ],
)
def test_overwritten_totals_are_errors_naming_the_cell(
    tmp_path: Path, sheet: str, cell: str, fragment: str
) -> None:
    folder = edited(tmp_path, "沭阳县人民政府.xlsx", sheet, {cell: 99999})
    found = [p for p in errors(folder) if p.code == "stale-total"]
    assert [str(p.location) for p in found] == [f"沭阳县人民政府.xlsx {sheet}!{cell}"]
    assert "99999" in found[0].message


def test_blank_is_not_zero_and_amounts_are_not_negative(tmp_path: Path) -> None:
    folder = edited(tmp_path, "沭阳县公安局.xlsx", "主动公开", {"B13": None, "B18": -1})
    found = {(str(p.location), p.code) for p in errors(folder)}
    assert ("沭阳县公安局.xlsx 主动公开!B13", "blank") in found
    assert ("沭阳县公安局.xlsx 主动公开!B18", "negative") in found


def test_last_years_carry_over_and_valid_documents_are_checked(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    shutil.copytree(SHIPPED, folder)
    last = tmp_path / "2024"
    shutil.copytree(SHIPPED, last)
    for path in last.glob("*.xlsx"):
        book = load_workbook(path)
        this = load_workbook(folder / path.name)
        book["基本信息"]["B5"] = 2024
        for col in "DEFGHI":  # last year's 结转下年度 = this year's 上年结转
            book["依申请公开"][f"{col}29"] = this["依申请公开"][f"{col}6"].value
        for row in (4, 5):  # last year's 现行有效 = this year's − 制发 + 废止
            t = this["主动公开"]
            book["主动公开"][f"D{row}"] = (
                t[f"D{row}"].value - t[f"B{row}"].value + t[f"C{row}"].value
            )
        book.save(path)
    assert [p.code for p in check_inputs(BuildOptions.for_year(2025, folder)).problems] == []
    book = load_workbook(last / "沭阳县公安局.xlsx")
    book["依申请公开"]["D29"] = book["依申请公开"]["D29"].value + 1
    book["主动公开"]["D5"] = book["主动公开"]["D5"].value + 2
    book.save(last / "沭阳县公安局.xlsx")
    warnings = [
        p
        for p in check_inputs(BuildOptions.for_year(2025, folder)).problems
        if p.code == "previous-year"
    ]
    assert {str(p.location) for p in warnings} == {
        "沭阳县公安局.xlsx 依申请公开!D6",
        "沭阳县公安局.xlsx 主动公开!D5",
    }
    assert all(p.severity is Severity.WARNING for p in warnings)
    carried = next(p for p in warnings if p.location.cell == "D6")
    assert "2024年度 沭阳县公安局.xlsx 依申请公开!D29" in carried.message


def test_a_fresh_form_filled_by_labels_builds_the_published_tables(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    init_forms(2025, folder, [("某县人民政府", "本级人民政府")])
    fill_by_labels(folder / "某县人民政府.xlsx", EXAMPLE, zeros=FEE_LABELS)
    result = build(BuildOptions.for_year(2025, folder, tmp_path / "out"))
    assert result.written, [str(p) for p in result.problems if p.severity > 0]
    text = result.written[0].read_text(encoding="utf-8-sig")
    for figure in published_figures():
        assert figure in text
    tables = docx_tables(next(p for p in result.written if p.suffix == ".docx"))
    assert len(tables) == 6 and spans(tables[4].findall(f"{W}tr")[0])[1] == (
        "申请人情况",
        "7",
        None,
    )
    data = zipfile.ZipFile(
        io.BytesIO(next(p for p in result.written if p.suffix == ".docx").read_bytes())
    )
    assert data.testzip() is None


def test_last_years_folder_holding_this_years_workbooks_is_not_compared(tmp_path: Path) -> None:
    """A copy of this year's workbooks as inputs/2024 (报告年度 still 2025): warned, not read as 2024."""
    folder = tmp_path / "2025"
    shutil.copytree(SHIPPED, folder)
    shutil.copytree(SHIPPED, tmp_path / "2024")
    problems = check_inputs(BuildOptions.for_year(2025, folder)).problems
    mismatched = [p for p in problems if p.code == "previous-year-mismatch"]
    assert sorted(str(p.location) for p in mismatched) == sorted(
        f"{tmp_path / '2024' / p.name} 基本信息!B5" for p in SHIPPED.glob("*.xlsx")
    )
    assert all(p.severity is Severity.WARNING for p in mismatched)
    assert "报告年度填的是 2025，不是 2024" in mismatched[0].message
    assert not any(p.code == "previous-year" for p in problems)
    # None of them is last year's: each unit is not also said to be missing from that folder.
    assert not any(p.code == "previous-year-missing" for p in problems)


def test_units_in_one_years_folder_but_not_the_other(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    shutil.copytree(SHIPPED, folder)
    last = tmp_path / "2024"
    last.mkdir()
    for name in ("沭阳县人民政府.xlsx", "沭阳县公安局.xlsx"):
        book = load_workbook(SHIPPED / name)
        book["基本信息"]["B5"] = 2024
        book.save(last / name)
    book = load_workbook(last / "沭阳县公安局.xlsx")
    book["基本信息"]["B3"] = "沭阳县交通运输局"
    book.save(last / "沭阳县交通运输局.xlsx")
    (last / "沭阳县公安局.xlsx").unlink()
    problems = check_inputs(BuildOptions.for_year(2025, folder)).problems
    missing = {str(p.location) for p in problems if p.code == "previous-year-missing"}
    assert missing == {p.name for p in SHIPPED.glob("*.xlsx")} - {"沭阳县人民政府.xlsx"}
    [extra] = [p for p in problems if p.code == "previous-year-extra"]
    assert str(extra.location) == str(last / "沭阳县交通运输局.xlsx")
    assert "沭阳县交通运输局" in extra.message and extra.severity is Severity.WARNING
