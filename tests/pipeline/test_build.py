"""The whole 2018 build on the shipped inputs: the golden text and every published figure."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from tests.conftest import GOLDEN, ROOT
from tests.support import assert_headings_in_order

TITLE = "株洲市人民政府2018年政府信息公开工作年度报告"


@pytest.fixture(scope="module")
def report_2018(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("out")
    result = build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", out))
    assert not result.problems.blocking(), [str(p) for p in result.problems]
    path = out / f"{TITLE}.txt"
    return path, path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def test_golden_text(report_2018: tuple[Path, str], update_goldens: bool) -> None:
    golden = GOLDEN / "2018" / f"{TITLE}.txt"
    _, text = report_2018
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_file_is_utf8_with_bom_and_crlf(report_2018: tuple[Path, str]) -> None:
    raw = report_2018[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")


def test_six_parts_in_order(report_2018: tuple[Path, str]) -> None:
    _, text = report_2018
    headings = [
        "一、落实省政务公开工作要点情况",
        "二、主动公开政府信息情况",
        "三、依申请公开情况",
        "四、依申请公开信息收取费用情况",
        "五、行政复议、行政诉讼和举报投诉情况",
        "六、存在的主要问题及改进情况",
    ]
    assert_headings_in_order(text, headings)
    assert text.lstrip().startswith(TITLE)
    assert text.rstrip().endswith("2019年3月20日")
    assert "株洲市人民政府\n" in text.split("六、存在的主要问题及改进情况")[1]


@pytest.mark.parametrize(
    "fragment",
    [
        "共收到政府信息公开申请1120件，其中市本级收到1031件（含市政府工作部门981件），县市区政府收到89件",
        "当面申请511件，占45.6%",
        "传真申请0件",
        "网络申请358件，占32.0%",
        "以信函形式申请251件，占22.4%",
        "“已主动公开”81件，占7.2%",
        "“同意公开”653件，占58.3%",
        "“同意部分公开”47件，占4.2%",
        "“不予公开”48件，占4.3%",
        "通过其他途径办理”291件，占26.0%",
        "属于国家秘密2件",
        "属于商业秘密4件",
        "属于个人隐私3件",
        "法律法规规定的其他情形15件",
        "不是《条例》所指政府信息24件",
        "主动公开政府信息2.8万条",
        "政策法规类信息580条",
        "规划计划类信息82条",
        "机构设置类信息45条",
        "通知公告类信息122条",
        "人事信息类信息223条",
        "政民互动类信息3162条，占11.4%",
        "资讯信息类信息23510条，占84.8%",
        "访问量781万人次",
        "《株洲政报》4期",
        "召开新闻发布会39场，其中市政府主要负责人出席新闻发布会7次",
        "市直部门和县市区举办新闻发布会139场",
        "行政复议43件（含市本级16件）",
        "行政诉讼169件",
        "举报投诉3件",
        "2018年市本级依申请提供政府信息未收取任何费用",
        "自2018年1月1日至2018年12月31日",
        "“中国·株洲”政府门户网站（www.zhuzhou.gov.cn）",
        "电话：0731-28680652",
    ],
)
def test_published_figures(report_2018: tuple[Path, str], fragment: str) -> None:
    assert fragment in report_2018[1]


def test_active_shares_are_computed_against_the_true_total(report_2018: tuple[Path, str]) -> None:
    _, text = report_2018
    assert "11.3%" not in text and "83.9%" not in text
    section = text.split("（一）主动公开政府信息的数量及类别")[1].split("（二）")[0]
    shares = [float(s) for s in re.findall(r"占(\d+\.\d)%", section)]
    assert len(shares) == 7
    assert round(sum(shares), 1) == 100.0


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path, report_2018: tuple[Path, str]) -> None:
    again = build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", tmp_path))
    digest = hashlib.sha256((tmp_path / f"{TITLE}.txt").read_bytes()).hexdigest()
    assert again.written and digest == hashlib.sha256(report_2018[0].read_bytes()).hexdigest()


def test_every_printed_figure_traces_back_to_cells(tmp_path: Path) -> None:
    result = build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", tmp_path))
    figures = [f for _, f in result.document.figures()]
    assert figures
    for figure in figures:
        assert figure.sources, figure.name
        assert all(loc.file.endswith(".xlsx") and loc.cell for loc in figure.sources)
    received = next(f for f in figures if f.name == "total.apply.received")
    assert len(received.sources) == 16
    assert {loc.sheet for loc in received.sources} == {"依申请公开"}


def test_no_report_is_written_when_there_are_errors(workbooks, tmp_path: Path) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": None})
    out = tmp_path / "out"
    result = build(BuildOptions.for_year(2018, workbooks.folder, out))
    assert result.document is None
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "问题清单",
        "问题清单.xlsx",
        "问题清单/某市财政局.txt",
    ]


def test_a_rebuild_removes_the_earlier_report_files_it_does_not_write(
    workbooks, tmp_path: Path
) -> None:
    workbooks.standard()
    out = tmp_path / "out"
    stem = "某市人民政府2018年政府信息公开工作年度报告"
    assert build(BuildOptions.for_year(2018, workbooks.folder, out, charts=True)).written
    (out / f"{stem}.pdf").write_bytes(b"%PDF-earlier")  # as an earlier run with --pdf left it
    (out / "说明.txt").write_bytes(b"the office's own note")
    assert build(BuildOptions.for_year(2018, workbooks.folder, out)).written  # no --charts, --pdf
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{stem}{s}" for s in (".txt", ".docx", ".html", "（网站编辑器用）.html", "汇总表.xlsx")]
        + ["说明.txt"]
    )


def test_strict_refuses_warnings(workbooks, tmp_path: Path) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": "无"})
    assert build(BuildOptions.for_year(2018, workbooks.folder, tmp_path / "a")).written
    strict = build(BuildOptions.for_year(2018, workbooks.folder, tmp_path / "b", strict=True))
    assert strict.document is None and not list((tmp_path / "b").glob("*.txt"))


def test_user_text_is_never_template_code(workbooks, tmp_path: Path) -> None:
    workbooks.standard()
    workbooks.unit(
        "某市人民政府",
        "市政府",
        {"text.part2_intro": "{{ 7*7 }}{% raw %}", "contact.office": "#1 伪标题"},
    )
    result = build(BuildOptions.for_year(2018, workbooks.folder, tmp_path))
    text = result.written[0].read_text(encoding="utf-8-sig")
    assert "{{ 7*7 }}{% raw %}" in text and "49" not in text
    assert "请与#1 伪标题联系" in text
