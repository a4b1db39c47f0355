"""--audit as a reviewer uses it: real published reports, our own outputs, planted mistakes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.base.problems import Problems, Severity
from generator.formats.registry import format_for_year
from generator.pipeline.audit import (
    AuditOptions,
    ReportAudit,
    _distinct_names,
    audit,
    audit_report,
    last_years_reports,
)
from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from generator.write.audit_report import render_xlsx
from tests.browser import Browser
from tests.conftest import ROOT
from tests.support import libreoffice_convert

FIXTURES = ROOT / "tests" / "fixtures" / "reports"
SEED = FIXTURES / "2018-zhuzhou-city" / "report.txt"


def errors(result: ReportAudit) -> list[str]:
    return [f"{p.code} {p}" for p in result.problems if p.severity is Severity.ERROR]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Our own reports of the shipped inputs, every year, as written by the build."""
    folders = {}
    for year in (2018, 2019, 2025):
        out = tmp_path_factory.mktemp(f"out{year}")
        assert build(BuildOptions.for_year(year, ROOT / "inputs" / str(year), out)).written
        folders[year] = out
    return folders


@pytest.mark.parametrize("year", [2018, 2019, 2025])
@pytest.mark.parametrize("suffix", [".txt", ".docx", "报告.html"])
def test_our_own_reports_audit_clean(outputs: dict[int, Path], year: int, suffix: str) -> None:
    report = next(outputs[year].glob(f"*{suffix}"))
    result = audit_report(report)
    assert result.year == year and result.spec is not None
    assert [str(p) for p in result.problems] == []


def test_our_own_word_report_as_pdf_audits_clean(outputs: dict[int, Path], tmp_path: Path) -> None:
    pdf = libreoffice_convert(next(outputs[2025].glob("*.docx")), "pdf", tmp_path)
    result = audit_report(pdf)
    assert result.document is not None and result.document.tables_found
    assert [str(p) for p in result.problems] == []
    assert result.tables is not None and result.tables.value("apply.total.total") == 718


def test_our_own_web_page_printed_by_a_browser_audits_clean(
    outputs: dict[int, Path], browser: Browser, tmp_path: Path
) -> None:
    browser.open(next(outputs[2025].glob("*报告.html")), 1280)
    result = audit_report(browser.pdf(tmp_path / "printed.pdf", header_footer=True))
    assert result.year == 2025 and result.document is not None and result.document.tables_found
    assert [str(p) for p in result.problems] == []
    assert result.tables is not None and result.tables.value("apply.total.total") == 718


def test_a_published_2019_report_is_flagged_with_its_real_inconsistencies() -> None:
    result = audit_report(FIXTURES / "2019-shanghai-office" / "report.html")
    found = errors(result)
    assert result.year == 2019 and result.spec.key == "2019"
    assert any("予以公开及部分公开为258件，但表格中为 275件" in e for e in found)
    assert any("无法提供为265件，但表格中为 337件" in e for e in found)
    assert any("占比33.9%不对，按本年度办理结果（七）总计（805）计算应为 32.0%" in e for e in found)
    held = [e for e in found if "均获维持" in e]
    assert len(held) == 1 and "“行政复议·尚未审结”为 2" in held[0]
    assert "“行政诉讼·未经复议直接起诉·尚未审结”为 1" in held[0]
    warnings = [str(p) for p in result.problems if p.severity is Severity.WARNING]
    assert any("4.34%是截尾所得，四舍五入应为 4.35%" in w for w in warnings)
    blank = [e for e in found if e.startswith("blank-cell")]
    assert len(blank) == 24 and "第一部分第10段" in next(e for e in found if "258件" in e)
    assert {e.split()[0] for e in found} == {
        "blank-cell",
        "figure-mismatch",
        "share-mismatch",
        "claim-contradicted",
    }


def test_a_label_one_character_per_paragraph_still_finds_the_real_inconsistencies(
    tmp_path: Path,
) -> None:
    source = (FIXTURES / "2019-shanghai-office" / "report.html").read_text(encoding="utf-8")
    vertical = "".join(f'<p align="center">{ch}</p>' for ch in "三、本年度办理结果")
    page = tmp_path / "report.html"
    page.write_text(source.replace('<p align="center">三、本年度办理结果</p>', vertical), "utf-8")
    found = errors(audit_report(page))
    assert not any(e.startswith("table-missing") for e in found)
    assert any("予以公开及部分公开为258件，但表格中为 275件" in e for e in found)
    assert any("无法提供为265件，但表格中为 337件" in e for e in found)


def test_an_old_page_with_the_article_in_one_layout_cell_audits_as_its_text(
    tmp_path: Path,
) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    page = tmp_path / "report.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><table width="960">'
        '<tr><td class="nav"><a href="/">首页</a></td></tr>'
        f'<tr><td class="content">{"<br>".join(lines)}</td></tr>'
        "<tr><td>版权所有</td></tr></table></body></html>",
        "utf-8",
    )
    assert [str(p) for p in audit_report(page).problems] == [
        str(p).replace("report.txt", "report.html") for p in audit_report(SEED).problems
    ]


def test_the_seed_report_flags_its_shares_of_a_round_total() -> None:
    result = audit_report(SEED)
    messages = [str(p) for p in result.problems]
    assert len(messages) == 2
    assert (
        "占比11.3%不对，按各项之和（27724）计算应为 11.4%；11.3%是按约数2.8万条计算的"
        in messages[0]
    )
    assert (
        "占比83.9%不对，按各项之和（27724）计算应为 84.8%；83.9%是按约数2.8万条计算并截尾所得"
        in messages[1]
    )


def test_a_consistent_page_gives_nothing_and_one_planted_cell_gives_exactly_that(
    tmp_path: Path,
) -> None:
    source = FIXTURES / "2025-hangzhou-style-sample" / "report.html"
    assert [str(p) for p in audit_report(source).problems] == []
    planted = tmp_path / "report.html"
    planted.write_text(
        source.read_text(encoding="utf-8").replace("<td>5345</td>", "<td>5346</td>", 1), "utf-8"
    )
    found = errors(audit_report(planted))
    assert len(found) == 1
    assert "“收到和处理政府信息公开申请情况”表“（一）予以公开”行“自然人”列" in found[0]
    assert "为 5346，可能填错" in found[0]


def test_the_numbers_read_are_named_by_the_labels_the_report_prints() -> None:
    report = audit_report(FIXTURES / "2025-hangzhou-style-sample" / "report.html").report()
    sheet = load_workbook(io.BytesIO(render_xlsx(report)))["读到的数字"]
    rows = [tuple(c or "" for c in r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ("表格", "行", "列", "报告中的数字")
    assert ("收到和处理政府信息公开申请情况", "（一）予以公开", "自然人", 5345) in rows
    assert ("政府信息公开行政复议、行政诉讼情况", "", "行政复议·结果维持", 376) in rows
    spec = format_for_year(2025)
    keys = {f.id for f in spec.fields.values()}
    assert not any(str(cell) in keys for row in rows for cell in row)
    assert len(rows) == 1 + sum(1 for key in keys if key.split(".")[0] in spec.tables)


def planted(outputs: dict[int, Path], tmp_path: Path, old: str, new: str) -> Path:
    report = next(outputs[2025].glob("*.txt"))
    text = report.read_text(encoding="utf-8-sig")
    assert old in text
    target = tmp_path / report.name
    target.write_text(text.replace(old, new, 1), encoding="utf-8-sig")
    return target


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "新收政府信息公开申请713件",
            "新收政府信息公开申请723件",
            "文中本年新收申请为723件，但表格中为 713件",
        ),
        (
            "其中予以公开294件",
            "其中予以公开294件，占40.9%",
            "占比40.9%不对，按本年度办理结果（七）总计（718）计算应为 40.9%",
        ),
        (
            "上年结转36件；",
            "上年结转36件；复议诉讼案件均获维持；",
            "文中称“均获维持”，但表格中“行政复议·结果纠正”为 10、",
        ),
        (
            "结转下年度继续办理31件。",
            "结转下年度继续办理31件，申请均已办结。",
            "文中称“均已办结”，但表格中“四、结转下年度继续办理（总计）”为 31",
        ),
    ],
)
def test_one_planted_mistake_in_the_text_gives_exactly_that_error(
    outputs: dict[int, Path], tmp_path: Path, old: str, new: str, expected: str
) -> None:
    found = errors(audit_report(planted(outputs, tmp_path, old, new)))
    if "40.9%" in new:  # 294 ÷ 718 = 40.95%: a correct share gives nothing
        assert found == []
        found = errors(audit_report(planted(outputs, tmp_path, old, "其中予以公开294件，占41.2%")))
        expected = "占比41.2%不对，按总数（718）计算应为 40.9%"
    assert len(found) == 1 and expected in found[0], found
    assert "第一部分" in found[0]


def last_year(outputs: dict[int, Path], folder: Path, agency: str = "沭阳县人民政府") -> Path:
    """Our own 2025 report made into the agency's 2024 one: 620 new applications, not 713."""
    text = next(outputs[2025].glob("*.txt")).read_text(encoding="utf-8-sig")
    new_row = next(line for line in text.splitlines() if line.startswith("|一、本年新收"))
    text = text.replace(new_row, new_row.replace(" 705  ", " 612  ").replace("|713 |", "|620 |"))
    text = text.replace("新收政府信息公开申请713件", "新收政府信息公开申请620件").replace(
        "2025", "2024"
    )
    text = text.replace("沭阳县人民政府2024年", f"{agency}2024年", 1)
    path = folder / f"{agency}2024年政府信息公开工作年度报告.txt"
    folder.mkdir(exist_ok=True)
    path.write_text(text.replace("2026年", "2025年"), encoding="utf-8-sig")
    return path


def retitled(report: Path, agency: str, folder: Path) -> Path:
    """The same report, its title naming another agency."""
    text = report.read_text(encoding="utf-8-sig").replace(
        "沭阳县人民政府2025年", f"{agency}2025年", 1
    )
    path = folder / f"{agency}2025年政府信息公开工作年度报告.txt"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_last_years_report_checks_carry_over_and_the_stated_change(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    this_year = planted(
        outputs, tmp_path, "新收政府信息公开申请713件", "新收政府信息公开申请713件，同比增长10.0%"
    )
    last_years = last_years_reports([last_year(outputs, tmp_path / "上年")], None, Problems())
    [previous] = last_years.reports
    assert previous.tables is not None and previous.tables.value("apply.new.total") == 620
    result = audit_report(this_year, last_years=last_years)
    assert result.last_year is previous
    found = errors(result)
    assert found == [
        next(e for e in found if "本年新收申请同比应为增长15.0%（本年 713，上年 620）" in e)
    ], found
    warnings = [str(p) for p in result.problems if p.severity is Severity.WARNING]
    carried = [w for w in warnings if "上年“四、结转下年度继续办理（自然人）”" in w]
    assert (
        len(carried) == 1
        and "（2024年度 沭阳县人民政府2024年政府信息公开工作年度报告.txt" in carried[0]
    )
    assert any("正文有" in w and "与上年报告重复" in w for w in warnings)


def test_each_report_is_compared_only_with_its_own_agencys_last_year(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    """A folder of last year's reports: each report finds its agency's own (by the title)."""
    ours = next(outputs[2025].glob("*.txt"))
    folder = tmp_path / "本年"
    folder.mkdir()
    shutil.copy(ours, folder)
    education = retitled(ours, "沭阳县教育局", folder)
    retitled(ours, "沭阳县卫生健康委员会", folder)
    previous = tmp_path / "上年"
    last_year(outputs, previous)
    last_year(outputs, previous, "沭阳县卫生健康委员会")
    this_years = retitled(ours, "沭阳县教育局", previous)  # the agency's, but of this year
    result = audit(AuditOptions((folder,), out=tmp_path / "核查", previous=(previous,)))
    by_agency = {r.outline.agency: r for r in result.reports}
    for agency in ("沭阳县人民政府", "沭阳县卫生健康委员会"):
        compared = by_agency[agency].last_year
        assert compared is not None and compared.path.name.startswith(f"{agency}2024年")
        assert any("与上年报告重复" in p.message for p in by_agency[agency].problems)
    text = (tmp_path / "核查" / f"{ours.stem}核查报告.txt").read_text(encoding="utf-8-sig")
    assert f"上年报告：{ours.stem.replace('2025', '2024')}.txt（用于核对" in text
    alone = by_agency["沭阳县教育局"]
    assert alone.last_year is None and alone.path == education
    assert [str(p) for p in alone.problems] == [
        f"[提示] {education.name}：所给的上年报告中没有“沭阳县教育局”上一年（2024 年度）"
        f"的报告（只有 2025 年度的 {this_years.name}）；未与上年核对"
    ]


def test_another_agencys_report_of_last_year_is_not_compared(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    ours = next(outputs[2025].glob("*.txt"))
    education = retitled(ours, "沭阳县教育局", tmp_path)
    other = last_year(outputs, tmp_path / "上年")
    result = audit(AuditOptions((education,), out=tmp_path / "核查", previous=(other,)))
    [report] = result.reports
    assert [p.code for p in report.problems] == ["no-last-year"]
    assert "没有“沭阳县教育局”上一年（2024 年度）的报告；未与上年核对" in str(
        report.problems.items[0]
    )


def test_an_unusable_last_years_report_is_in_the_findings_of_the_reports_it_was_for(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    ours = next(outputs[2025].glob("*.txt"))
    broken = tmp_path / "上年.docx"
    broken.write_bytes(b"PK\x03\x04" + bytes(100))
    result = audit(AuditOptions((ours,), out=tmp_path / "核查", previous=(broken,)))
    assert result.problems.items == [] and result.blocking()
    text = (tmp_path / "核查" / f"{ours.stem}核查报告.txt").read_text(encoding="utf-8-sig")
    assert "[错误] 上年.docx：这份上年报告（--previous）未能使用：文件已损坏" in text
    assert "未与上年核对" in text and "结论：发现 1 个错误" in text


def test_an_unusable_last_years_report_no_report_needed_is_a_notice_in_the_summary(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "本年"
    folder.mkdir()
    shutil.copy(next(outputs[2025].glob("*.txt")), folder)
    previous = tmp_path / "上年"
    last_year(outputs, previous)
    (previous / "无标题.txt").write_text("一、总体情况\n全年工作有序开展。\n", encoding="utf-8")
    result = audit(AuditOptions((folder,), out=tmp_path / "核查", previous=(previous,)))
    assert [r.last_year is not None for r in result.reports] == [True]
    assert [p.location.file for p in result.problems] == ["无标题.txt"]
    assert not result.blocking()  # not needed by any report: a notice
    sheet = load_workbook(tmp_path / "核查" / "核查汇总.xlsx")["其他问题"]
    [row] = list(sheet.iter_rows(min_row=2, values_only=True))
    assert row[:2] == ("提示", "无标题.txt") and "未能使用：无法从文档中确定报告年度" in row[2]


def test_a_change_against_last_year_named_by_its_year_is_checked(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    last_years = last_years_reports([last_year(outputs, tmp_path / "上年")], None, Problems())
    stated = "新收政府信息公开申请713件，较2024年增加30件"
    this_year = planted(outputs, tmp_path, "新收政府信息公开申请713件", stated)
    found = errors(audit_report(this_year, last_years=last_years))
    assert len(found) == 1 and "本年新收申请较上年应为增加93件（本年 713，上年 620）" in found[0]
    stated = "新收政府信息公开申请713件，较2023年增加30件"  # not last year: nothing to say
    this_year = planted(outputs, tmp_path, "新收政府信息公开申请713件", stated)
    assert errors(audit_report(this_year, last_years=last_years)) == []


def test_a_folder_gets_one_report_each_and_a_summary(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "各部门"
    folder.mkdir()
    for year in (2018, 2025):
        shutil.copy(next(outputs[year].glob("*.docx")), folder)
    shutil.copy(FIXTURES / "2019-shanghai-office" / "report.html", folder / "上海办公厅2019.html")
    (folder / "说明.xlsx").write_bytes(b"PK")  # not a report document: skipped, with a word
    (folder / "附件").mkdir()
    (folder / "照片.jpg").write_bytes(b"\xff\xd8")
    result = audit(AuditOptions((folder,), out=tmp_path / "核查"))
    skipped = {p.location.file: (p.severity, p.message) for p in result.problems}
    assert skipped == {
        str(folder / "说明.xlsx"): (
            Severity.NOTICE,
            "看起来是填报工作簿，不是写好的报告，已跳过；检查工作簿请用 gen-report 年度 --check",
        ),
        str(folder / "附件"): (
            Severity.NOTICE,
            "这是子文件夹，其中的文件没有读取；如需要，请把它也写在 --audit 后面",
        ),
        str(folder / "照片.jpg"): (
            Severity.NOTICE,
            "不是报告文档（.docx、.html、.pdf、.txt），已跳过",
        ),
    }
    others = load_workbook(tmp_path / "核查" / "核查汇总.xlsx")["其他问题"]
    assert [r[1] for r in others.iter_rows(min_row=2, values_only=True)] == sorted(skipped)
    names = sorted(p.name for p in result.written)
    assert len(result.reports) == 3 and "核查汇总.xlsx" in names
    assert "上海办公厅2019核查报告.txt" in names and "上海办公厅2019核查报告.xlsx" in names
    assert result.blocking()
    text = (tmp_path / "核查" / "上海办公厅2019核查报告.txt").read_text(encoding="utf-8-sig")
    assert "结论：发现 28 个错误、1 个警告" in text and "二、从报告中读到的表格" in text


def test_reports_sharing_a_file_name_get_findings_named_by_folder_or_type(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    for department in ("教育局", "财政局"):
        (tmp_path / department).mkdir()
        for suffix in (".txt", ".docx"):
            shutil.copy(
                next(outputs[2025].glob(f"*报告{suffix}")), tmp_path / department / f"报告{suffix}"
            )
    result = audit(AuditOptions((tmp_path / "教育局", tmp_path / "财政局"), out=tmp_path / "核查"))
    assert sorted(p.name for p in result.written if p.suffix == ".txt") == [
        "教育局-报告（docx）核查报告.txt",
        "教育局-报告（txt）核查报告.txt",
        "财政局-报告（docx）核查报告.txt",
        "财政局-报告（txt）核查报告.txt",
    ]
    text = (tmp_path / "核查" / "财政局-报告（docx）核查报告.txt").read_text(encoding="utf-8-sig")
    assert text.startswith("核查报告：财政局/报告.docx")
    summary = load_workbook(tmp_path / "核查" / "核查汇总.xlsx")["核查汇总"]
    assert [r[1] for r in summary.iter_rows(min_row=2, values_only=True) if r[1]] == [
        "教育局/报告.docx", "教育局/报告.txt", "财政局/报告.docx", "财政局/报告.txt"
    ]  # fmt: skip


def test_twins_are_told_apart_by_as_many_folders_as_it_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    paths = [Path("报告.txt"), Path("a/x/报告.docx"), Path("b/x/报告.docx"), Path("b/x/报告.pdf")]
    assert _distinct_names(paths) == [
        (f"{tmp_path.name}/报告.txt", f"{tmp_path.name}-报告"),
        ("a/x/报告.docx", "a-x-报告"),
        ("b/x/报告.docx", "b-x-报告（docx）"),
        ("b/x/报告.pdf", "b-x-报告（pdf）"),
    ]


def test_a_year_given_against_the_reports_own_is_a_warning(outputs: dict[int, Path]) -> None:
    report = next(outputs[2025].glob("*报告.txt"))
    assert audit_report(report, year=2025).problems.items == []
    found = audit_report(report, year=2024).problems.items
    assert found[0].code == "year-differs" and found[0].severity is Severity.WARNING
    assert found[0].message.startswith(
        "报告本身写的是 2025 年度（标题或统计期限），不是 2024 年度；"
    )


def test_a_last_years_report_of_another_year_is_not_compared(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    report = next(outputs[2025].glob("*报告.txt"))
    older = tmp_path / "上年.txt"
    older.write_text(
        report.read_text(encoding="utf-8-sig").replace("2025", "2023"), encoding="utf-8"
    )
    result = audit(AuditOptions((report,), out=tmp_path / "核查", year=2025, previous=(older,)))
    [audited] = result.reports
    assert audited.last_year is None
    messages = [p.message for p in (*audited.problems, *result.problems)]
    assert any(
        m.startswith("这份上年报告（--previous）未能使用：报告本身写的是 2023 年度")
        for m in messages
    ), messages


def test_a_document_without_a_year_or_format_says_so(tmp_path: Path) -> None:
    path = tmp_path / "无标题.txt"
    path.write_text("一、总体情况\n全年工作有序开展。\n", encoding="utf-8")
    assert "无法从文档中确定报告年度" in str(audit_report(path).problems.items[0])
    assert "2007 年度没有可用的报告格式" in str(audit_report(path, year=2007).problems.items[0])


NARRATIVE_ERRORS = {
    "figure-mismatch",
    "share-mismatch",
    "claim-contradicted",
    "change-mismatch",
    "sum-exceeds",
}
KNOWN = {"2019-shanghai-office", "2018-zhuzhou-city"}
"""Fixtures whose published text really contradicts their tables (see their findings.md)."""


@pytest.mark.parametrize(
    "folder", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name not in KNOWN)
)
def test_real_reports_raise_no_false_alarm_on_their_text(folder: str) -> None:
    """Published openings and converted full texts: whatever their state (cut short, tables lost
    in conversion), their sentences are consistent and nothing says otherwise."""
    document = next(p for p in (FIXTURES / folder).iterdir() if p.name.startswith("report"))
    result = audit_report(document)
    wrong = [str(p) for p in result.problems if p.code in NARRATIVE_ERRORS]
    assert wrong == []
    assert result.year is None or str(result.year) == folder[:4]


def test_our_own_report_with_last_years_figures_audits_clean_and_they_are_checked(
    with_last_year, tmp_path: Path
) -> None:
    report = next(with_last_year[1].glob("*年度报告.txt"))
    assert [str(p) for p in audit_report(report).problems] == []
    text = report.read_text(encoding="utf-8-sig")
    stated = "新收政府信息公开申请713件（上年693件，同比增长2.9%）"
    assert stated in text
    wrong = tmp_path / report.name
    wrong.write_text(text.replace(stated, stated.replace("693", "683")), encoding="utf-8-sig")
    found = errors(audit_report(wrong))
    assert len(found) == 1 and "本年新收申请同比应为增长4.4%（本年 713，上年 683）" in found[0]


def test_a_folder_audited_into_itself_skips_its_own_findings(
    outputs: dict[int, Path], tmp_path: Path
) -> None:
    """--out the same folder, run twice: the 核查报告 of the first run are not audited as reports."""
    folder = tmp_path / "各部门"
    folder.mkdir()
    shutil.copy(next(outputs[2025].glob("*.docx")), folder)
    audit(AuditOptions((folder,), out=folder))
    again = audit(AuditOptions((folder,), out=folder))
    assert len(again.reports) == 1
    skipped = [p for p in again.problems if p.code == "own-output"]
    assert len(skipped) == 3  # the .txt and .xlsx 核查报告 and the 核查汇总
    assert all("本工具写出的核查结果" in p.message for p in skipped)
