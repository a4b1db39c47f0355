"""A format's tables found by their labels in any layout, the values located by row and column."""

from __future__ import annotations

from generator.base.problems import Problems
from generator.formats.registry import format_for_year
from generator.read.documents.html import read_html_report
from generator.read.documents.tables import read_tables
from generator.read.documents.text import read_text_report
from tests.conftest import GOLDEN, ROOT

SPEC = format_for_year(2025)


def golden_text() -> str:
    return next((GOLDEN / "2025").glob("*.txt")).read_text(encoding="utf-8")


def tables_of(text: str):
    problems = Problems()
    unit = read_tables(read_text_report("r.txt", text.encode("utf-8")), SPEC, problems)
    return unit, [str(p) for p in problems]


def test_every_cell_of_our_tables_is_found_with_its_place() -> None:
    unit, problems = tables_of(golden_text())
    assert problems == []
    table_fields = [f for f in SPEC.fields if f.split(".")[0] in SPEC.tables]
    assert set(unit.values) == set(table_fields)
    cell = unit.values["appeal.cases.direct_pending"]
    assert cell.value == 0
    assert (
        cell.location.place
        == "“政府信息公开行政复议、行政诉讼情况”表“行政诉讼·未经复议直接起诉·尚未审结”列"
    )


def test_a_shortened_label_is_a_warning_and_a_missing_row_an_error() -> None:
    text = golden_text().replace("|行政规范性文件|", "|规范性文件    |")
    unit, problems = tables_of(text)
    assert unit.value("art20_1.normative.valid") == 32
    assert problems == [
        "[警告] r.txt “第二十条第（一）项”表：标签“规范性文件”与官方格式不一致，应为“行政规范性文件”"
    ]
    lines = [line for line in golden_text().splitlines() if "2.重复申请" not in line]
    _, problems = tables_of("\n".join(lines))
    assert any("表格中找不到“2.重复申请”一行" in p for p in problems)


def test_stacked_tables_with_blank_header_cells_are_read_by_their_headers() -> None:
    path = ROOT / "tests" / "fixtures" / "reports" / "2025-hangzhou-style-sample" / "report.html"
    problems = Problems()
    unit = read_tables(read_html_report(path.name, path.read_bytes()), SPEC, problems)
    assert list(problems) == []
    assert unit.value("art20_5.license.decisions") == 11398889  # colspan 3 under a colspan 3 header
    assert unit.value("appeal.cases.review_upheld") == 376  # header row with blank cells below
    assert unit.value("apply.other_other.total") == 965
