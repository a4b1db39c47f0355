"""The report as a web page: self-contained, semantic, the official tables with their spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.document.model import Style
from tests.html_parts import external_references, model_tables, paragraphs, parse, tables

TITLE_2025 = "沭阳县人民政府2025年政府信息公开工作年度报告"
TITLE_2018 = "株洲市人民政府2018年政府信息公开工作年度报告"


@pytest.fixture(params=["2025", "2018"])
def report(request, with_last_year, shipped_2018):
    """(document, out folder, title) of the 2021-format build with last year, and of 2018's."""
    result, out = with_last_year if request.param == "2025" else shipped_2018
    return result.document, out, TITLE_2025 if request.param == "2025" else TITLE_2018


def test_the_page_is_utf8_chinese_and_self_contained(report) -> None:
    _, out, title = report
    data = (out / f"{title}.html").read_bytes()
    root = parse(data)
    assert data.startswith(b"<!DOCTYPE html>")
    assert root.get("lang") == "zh-CN"
    assert root.find(".//meta[@charset]").get("charset") == "utf-8"
    assert root.find(".//title").text == title
    assert external_references(root) == []


def test_every_paragraph_and_figure_of_the_text_is_on_the_page(report) -> None:
    document, out, title = report
    root = parse((out / f"{title}.html").read_bytes())
    expected = [b.text for b in document.blocks if not hasattr(b, "widths")]
    expected += [p.text for p in document.sign_off.paragraphs]
    assert paragraphs(root) == expected
    page_text = root.text_content()
    text_report = (out / f"{title}.txt").read_text(encoding="utf-8-sig")
    for _, figure in document.figures():
        assert figure.text in page_text and figure.text in text_report


def test_headings_are_headings_of_their_level(report) -> None:
    document, out, title = report
    root = parse((out / f"{title}.html").read_bytes())
    levels = {Style.TITLE: "h1", Style.HEADING1: "h2", Style.HEADING2: "h3", Style.HEADING3: "h4"}
    expected = [
        (levels[b.style], b.text) for b in document.blocks if getattr(b, "style", None) in levels
    ]
    assert [(e.tag, e.text_content()) for e in root.iter("h1", "h2", "h3", "h4")] == expected


def test_tables_have_the_official_cells_and_spans(report) -> None:
    document, out, title = report
    root = parse((out / f"{title}.html").read_bytes())
    assert tables(root) == model_tables(document)
    for table, block in zip(
        root.iter("table"), (b for b in document.blocks if hasattr(b, "widths")), strict=True
    ):
        assert len(table.find("thead")) == len(block.header)
        assert all(
            th.get("scope") in ("col", "colgroup", "row", "rowgroup") for th in table.iter("th")
        )
        assert all(c.tag == "th" for tr in table.find("thead") for c in tr)


def test_the_apply_table_is_merged_as_the_official_one(with_last_year) -> None:
    root = parse((with_last_year[1] / f"{TITLE_2025}.html").read_bytes())
    apply = tables(root)[4]
    assert apply[0] == [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
        ("申请人情况", 1, 7),
    ]
    assert apply[1] == [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]
    assert apply[5][:2] == [("三、本年度办理结果", 22, 1), ("（一）予以公开", 1, 2)]
    assert len(apply) == 28
    appeal = tables(root)[5]
    assert appeal[0] == [("行政复议", 1, 5), ("行政诉讼", 1, 10)]


def test_narrow_screens_scroll_the_table_not_the_page(with_last_year) -> None:
    root = parse((with_last_year[1] / f"{TITLE_2025}.html").read_bytes())
    for table in root.iter("table"):
        box = table.getparent()
        assert box.get("class") == "gr-box" and box.get("tabindex") == "0"
    css = root.find(".//style").text
    assert ".gr-box{overflow-x:auto" in css
    assert "@media print" in css and "break-inside:avoid" in css and "size:A4" in css


def test_run_in_headings_are_strong(shipped_2018) -> None:
    root = parse((shipped_2018[1] / f"{TITLE_2018}.html").read_bytes())
    strong = [e.text_content() for e in root.iter("strong")]
    assert strong and all(s.startswith("（") for s in strong)


def test_the_page_is_written_for_every_unit(tmp_path: Path) -> None:
    from generator.pipeline.build import build
    from generator.pipeline.options import BuildOptions
    from tests.conftest import ROOT

    build(BuildOptions.for_year(2025, ROOT / "inputs" / "2025", tmp_path, each=True))
    pages = sorted((tmp_path / "单位").glob("*年度报告.html"))
    assert len(pages) == 6
    assert len(list((tmp_path / "单位").glob("*（网站编辑器用）.html"))) == 6
    assert not list((tmp_path / "单位").glob("*图解.html"))  # only with --charts
