"""生成报告 in-process: the same library call as the command line, the same files, the problems
grouped by unit with their cells, and each unit's problem list to send back."""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

from flask import Flask

from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from generator.web.pages.common import default_year
from generator.web.pages.report import NAMES
from tests.web.conftest import SHIPPED_2018, Visitor, shipped, text_of, with_broken_sum

TITLE = "株洲市人民政府2018年政府信息公开工作年度报告"


def test_shipped_workbooks_give_the_command_line_s_files(visitor: Visitor, tmp_path: Path) -> None:
    """The same library call: the same bytes, but for the 汇总表's messages, which name the
    page's upload fields where the command line names folders."""
    page = visitor.follow(visitor.submit("/report", {"year": "2018"}, {"workbooks": shipped()}))
    assert f"已生成《{TITLE}》" in text_of(page)
    assert "（没有上传上年的填报表）" in text_of(page)
    assert "<h1>2018 年度报告</h1>" in page.text
    links = visitor.links(page)
    cli = build(BuildOptions.for_year(2018, SHIPPED_2018, tmp_path / "cli"))
    named = build(BuildOptions.for_year(2018, SHIPPED_2018, tmp_path / "page", names=NAMES))
    assert [p.name for p in named.written] == [p.name for p in cli.written]
    assert {p.name for p in cli.written} <= set(links)
    for path, ours in zip(cli.written, named.written, strict=True):
        download = visitor.client.get(links[path.name])
        assert download.status_code == 200
        assert download.data == ours.read_bytes(), path.name
        if not path.name.endswith("汇总表.xlsx"):
            assert download.data == path.read_bytes(), path.name
        assert "attachment" in download.headers["Content-Disposition"]
    bundle = zipfile.ZipFile(io.BytesIO(visitor.client.get(links["全部下载（.zip）"]).data))
    assert sorted(bundle.namelist()) == sorted(p.name for p in cli.written)


def test_a_broken_sum_is_shown_under_its_unit_with_its_cell(
    visitor: Visitor, tmp_path: Path
) -> None:
    sent = visitor.submit("/report", {"year": "2018"}, {"workbooks": with_broken_sum(tmp_path)})
    page = visitor.follow(sent)
    text = text_of(page)
    assert "<h1>2018 年度报告（未生成）</h1>" in page.text
    assert "<title>2018 年度报告（未生成）" in page.text
    assert "未生成报告" in text and "各单位的问题清单可以下载后直接转发给相应单位" in text
    assert "株洲市财政局（株洲市财政局.xlsx）" not in text  # the file is named once: it is the unit
    assert "<h3>株洲市财政局</h3>" in page.text
    assert "[错误] 株洲市财政局.xlsx 依申请公开!B10：" in text
    assert "（B12:B16）为 97" in text and "“已答复”（B10）的 96" in text
    letter = visitor.client.get(visitor.links(page)["下载该单位的问题清单"])
    assert letter.status_code == 200
    assert "依申请公开" in letter.data.decode("utf-8-sig")
    assert TITLE + ".docx" not in visitor.links(page)


def test_a_zip_of_the_workbooks_is_the_same_as_the_workbooks(visitor: Visitor) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for body, name in shipped():
            archive.writestr(f"各单位/{name}", body)
    page = visitor.follow(
        visitor.submit(
            "/report", {"year": "2018"}, {"workbooks": [(packed.getvalue(), "报表.zip")]}
        )
    )
    assert "已读取上传的 16 个文件" in text_of(page)
    assert f"已生成《{TITLE}》" in text_of(page)


def test_check_only_writes_no_report(visitor: Visitor) -> None:
    sent = visitor.submit("/report", {"year": "2018", "check_only": "1"}, {"workbooks": shipped()})
    page = visitor.follow(sent)
    assert "检查通过" in text_of(page)
    assert "<h1>2018 年度检查结果</h1>" in page.text
    assert "全部下载（.zip）" not in visitor.links(page)


def test_the_unit_list_names_who_sent_nothing(visitor: Visitor) -> None:
    units = "株洲市财政局, 市政府工作部门\n株洲市审计局, 市政府工作部门"
    page = visitor.follow(
        visitor.submit("/report", {"year": "2018", "units": units}, {"workbooks": shipped()})
    )
    text = text_of(page)
    assert "第 2 行的“株洲市审计局”还没有提交工作簿" in text
    assert "单位“株洲市公安局”不在单位清单中；" in text


def test_a_wrong_year_or_no_files_keeps_what_was_typed(visitor: Visitor) -> None:
    page = visitor.submit("/report", {"year": "18", "units": "甲局, 市政府工作部门"})
    assert page.status_code == 400
    assert "年度应为四位数字" in text_of(page)
    assert "甲局, 市政府工作部门" in page.text
    page = visitor.submit("/report", {"year": "1999"}, {"workbooks": shipped()[:1]})
    assert page.status_code == 400 and "没有可用的报告格式" in text_of(page)
    page = visitor.submit("/report", {"year": "2018"})
    assert page.status_code == 400 and "请选择各单位的填报表" in text_of(page)


def test_uploads_are_removed_once_read(app: Flask, visitor: Visitor) -> None:
    visitor.follow(visitor.submit("/report", {"year": "2018"}, {"workbooks": shipped()}))
    (job,) = app.extensions["gen-report.jobs"]._jobs.values()
    assert sorted(p.name for p in job.folder.iterdir()) == ["out"]


def test_every_workbook_of_another_year_is_one_message_for_the_office(visitor: Visitor) -> None:
    """2018 workbooks sent as 2025's: the year asked for is wrong, not the units' forms."""
    page = visitor.follow(visitor.submit("/report", {"year": "2025"}, {"workbooks": shipped()}))
    text = text_of(page)
    assert "[错误] 本年度上传的填报表中的 16 个工作簿都是 2018 年度的填报表（叙述式年度报告" in text
    assert text.count("2018 年度的填报表") == 1
    assert "这里的标签应为" not in text
    assert not [name for name in visitor.links(page) if name.startswith("问题清单/")]
    assert "直接转发给相应单位" not in text


def test_every_option_reaches_the_build(visitor: Visitor) -> None:
    """PDF, 图解 and each unit's own reports, all offered for download, each unit's together."""
    options = {"year": "2018", "pdf": "1", "charts": "1", "each": "1"}
    page = visitor.follow(visitor.submit("/report", options, {"workbooks": shipped()}))
    links = visitor.links(page)
    for suffix in (".pdf", "图解.html", ".docx", "汇总表.xlsx"):
        assert TITLE + suffix in links, suffix
    assert visitor.client.get(links[TITLE + ".pdf"]).data.startswith(b"%PDF")
    own = [name for name in links if name.startswith("单位/")]
    assert len([n for n in own if n.endswith(".docx")]) == 16
    assert len([n for n in own if n.endswith(".pdf")]) == 16
    units = [unit for unit, _ in itertools.groupby(n.split("2018年")[0] for n in own)]
    assert len(units) == len(set(units)) == 16
    kinds = [n.split("年度报告")[1] for n in own[: len(own) // 16]]
    assert kinds == [".txt", ".docx", ".pdf", ".html", "（网站编辑器用）.html", "图解.html"]


def test_a_zip_with_nothing_in_it_is_told(visitor: Visitor) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("各单位/", b"")
        archive.writestr("__MACOSX/._x", b"")
    page = visitor.follow(
        visitor.submit("/report", {"year": "2018"}, {"workbooks": [(packed.getvalue(), "空.zip")]})
    )
    assert "[错误] 上传的压缩包中没有文件（只有文件夹或系统文件）" in text_of(page)
    assert "inputs" not in text_of(page)


def test_last_years_uploads_are_named_by_their_field_never_by_the_servers_folder(
    visitor: Visitor,
) -> None:
    """This year's workbooks sent again as last year's: said once per file, as the page names it."""
    sent = {"workbooks": shipped(), "previous": shipped()}
    page = visitor.follow(visitor.submit("/report", {"year": "2018"}, sent))
    text = text_of(page)
    assert (
        "上年/天元区人民政府.xlsx 基本信息!B5：上传的上年填报表中的这个工作簿，报告年度填的是 2018"
        in text
    )
    assert "gen-report-web" not in text and "/tmp" not in text and "inputs" not in text
    assert not [name for name in visitor.links(page) if name.startswith("问题清单/")]
    assert "直接转发给相应单位" not in text


def test_a_file_whose_unit_could_not_be_read_is_named_once(visitor: Visitor) -> None:
    sent = visitor.submit("/report", {"year": "2018"}, {"workbooks": [(b"garbage", "天元区.xlsx")]})
    page = visitor.follow(sent)
    assert "<h3>天元区.xlsx</h3>" in page.text
    assert "天元区.xlsx（天元区.xlsx）" not in text_of(page)


def test_the_year_hint_names_each_format_s_years_once(visitor: Visitor) -> None:
    text = text_of(visitor.client.get("/"))
    assert "2008—2018 年度：叙述式年度报告；2019—2020 年度：试行表格格式" in text
    assert "2018年度及以前" not in text


def test_the_year_field_says_what_it_takes(visitor: Visitor) -> None:
    """The browser's own bubble for a wrong year says what the server would."""
    for page in ("/", "/forms", "/audit"):
        assert f'title="四位数字，如 {default_year()}"' in visitor.client.get(page).text, page
