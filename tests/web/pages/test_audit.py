"""核查报告: report documents uploaded, the same findings and 核查报告 files as --audit."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline.audit import AuditOptions, audit
from tests.conftest import ROOT
from tests.web.conftest import Visitor, text_of

SEED = ROOT / "tests" / "fixtures" / "reports" / "2018-zhuzhou-city" / "report.txt"
"""The 2018 reference report, which prints two wrong shares (11.3% and 83.9%)."""


def test_a_report_s_findings_and_files_are_the_command_line_s(
    visitor: Visitor, tmp_path: Path
) -> None:
    report = SEED
    sent = visitor.submit(
        "/audit", {}, {"reports": [(report.read_bytes(), report.name)]}, page="/audit"
    )
    page = visitor.follow(sent)
    cli = audit(AuditOptions(paths=(report,), out=tmp_path / "cli"))
    (found,) = cli.reports
    text = text_of(page)
    assert "11.3%" in text and "83.9%" in text
    for problem in found.report().problems:
        assert str(problem) in text
    links = visitor.links(page)
    for path in cli.written:
        assert visitor.client.get(links[path.name]).data == path.read_bytes(), path.name


def test_several_reports_get_a_summary_and_a_damaged_one_is_named(visitor: Visitor) -> None:
    report = SEED
    sent = visitor.submit(
        "/audit",
        {"year": "2018"},
        {"reports": [(report.read_bytes(), report.name), (b"\x00\x01garbage", "坏文件.docx")]},
        page="/audit",
    )
    page = visitor.follow(sent)
    text = text_of(page)
    assert "坏文件.docx" in text and "无法识别的文件" in text
    assert "核查汇总.xlsx" in visitor.links(page)


def test_the_wait_is_told_without_pdf(visitor: Visitor) -> None:
    """The audit makes no PDF: its busy line speaks of reports, as the report page's of PDF."""
    assert "报告较多时需要几十秒" in visitor.client.get("/audit").text
    assert "PDF 时需要几十秒" not in visitor.client.get("/audit").text
    assert "生成 PDF 时需要几十秒" in visitor.client.get("/").text


def test_no_report_chosen(visitor: Visitor) -> None:
    answer = visitor.submit("/audit", {"year": ""}, page="/audit")
    assert answer.status_code == 400
    assert "请选择要核查的报告文件" in text_of(answer)


def test_last_year_s_reports_are_matched_by_agency(visitor: Visitor) -> None:
    """A previous report of the same year is no last year's: the page says so, as --audit does."""
    sent = visitor.submit(
        "/audit",
        {},
        {
            "reports": [(SEED.read_bytes(), "2018.txt")],
            "previous": [(SEED.read_bytes(), "上年.txt")],
        },
        page="/audit",
    )
    text = text_of(visitor.follow(sent))
    assert (
        "所给的上年报告中没有“株洲市人民政府”上一年（2017 年度）的报告（只有 2018 年度的 上年.txt）"
        in text
    )
    assert "与上年报告" not in text


def test_the_last_year_s_report_compared_is_named_by_its_report(visitor: Visitor) -> None:
    reports = ROOT / "tests" / "fixtures" / "reports"
    this_year = reports / "2024-suqian-gov-office" / "report.txt"
    last_year = reports / "2023-suqian-gov-office" / "report.txt"
    sent = visitor.submit(
        "/audit",
        {},
        {
            "reports": [(this_year.read_bytes(), "2024宿迁.txt")],
            "previous": [(last_year.read_bytes(), "2023宿迁.txt")],
        },
        page="/audit",
    )
    assert "2024宿迁.txt （与上年报告 2023宿迁.txt 对照）" in text_of(visitor.follow(sent))
