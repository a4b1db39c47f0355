"""Web pages: tables with rowspan/colspan, layout tables read through, encodings, hostile pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.read.documents.errors import DocumentTooComplex
from generator.read.documents.html import read_html_report
from generator.read.documents.opening import read_report
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "reports"


def test_a_published_page_with_stacked_tables_and_blank_cells() -> None:
    path = FIXTURES / "2019-shanghai-office" / "report.html"
    document = read_html_report(path.name, path.read_bytes())
    assert len(document.grids) == 3
    assert document.published == "2020-01-31"
    stacked = document.grids[0]
    assert stacked.row_texts(0) == ["第二十条第（一）项"] * 5  # a caption spanning the table
    assert stacked.row_texts(1)[1] == "本年新制作数量"  # “本年新<br />制作数量” joined
    apply = document.grids[1]
    result = next(r for r in range(apply.height) if apply.row_texts(r)[1] == "（一）予以公开")
    assert apply.row_texts(result)[0] == "三、本年度办理结果"  # rowspan 20
    assert apply.row_texts(3)[3:] == ["821", "35", "", "", "2", "1", "859"]  # &nbsp; is blank
    assert any("予以公开及部分公开258件" in p.text for p in document.paragraphs)


def test_a_layout_table_is_read_through_and_gbk_declared_pages_decode() -> None:
    page = (
        '<html><head><meta charset="gb2312"><title>某县2024年政府信息公开工作年度报告</title></head>'
        "<body><table><tr><td><p>导航</p><p>首页</p><p>公开</p><p>互动</p>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>2</td></tr></table>"
        "<p>一、总体情况</p></td></tr></table></body></html>"
    ).encode("gbk")
    document = read_html_report("p.html", page)
    assert document.page_title == "某县2024年政府信息公开工作年度报告"
    assert [g.row_texts(1) for g in document.grids] == [["规章", "2"]]
    assert "一、总体情况" in [p.text for p in document.paragraphs]


def test_a_label_written_one_character_per_paragraph_keeps_its_table() -> None:
    source = (FIXTURES / "2019-shanghai-office" / "report.html").read_text(encoding="utf-8")
    label = '<p align="center">三、本年度办理结果</p>'
    assert label in source
    vertical = "".join(f'<p align="center">{ch}</p>' for ch in "三、本年度办理结果")
    document = read_html_report("v.html", source.replace(label, vertical).encode())
    apply = document.grids[1]
    result = next(r for r in range(apply.height) if apply.row_texts(r)[1] == "（一）予以公开")
    assert apply.row_texts(result)[0] == "三、本年度办理结果"


def test_an_article_in_one_layout_cell_is_read_as_paragraphs() -> None:
    article = "<br>".join(
        ["某市2018年政府信息公开工作年度报告", "一、概述", "全年主动公开政府信息" * 20 + "。"]
        + [f"第{i}项工作有序推进，共计{i}件。" for i in range(1, 8)]
    )
    page = (
        "<html><body><table><tr><td>首页</td><td>1</td><td>2</td><td>3</td></tr>"
        f"<tr><td colspan=4>{article}</td></tr><tr><td>版权所有</td></tr></table></body></html>"
    )
    document = read_html_report("p.html", page.encode())
    assert document.grids == []
    texts = [p.text for p in document.paragraphs]
    assert texts[:4] == ["首页", "1", "2", "3"] and texts[5:7] == [
        "一、概述",
        "全年主动公开政府信息" * 20 + "。",
    ]
    assert texts[-1] == "版权所有"
    note = "注：" + "本表数据截至12月31日，" * 10
    figures = (
        "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr>"
        "<tr><td>行政规范性文件</td><td>6</td><td>1</td><td>32</td></tr>"
        f"<tr><td colspan=4>{note}</td></tr></table>"
    )
    grid = read_html_report("p.html", figures.encode()).grids[0]  # a note does not make layout
    assert grid.row_texts(2) == ["行政规范性文件", "6", "1", "32"] and grid.at(3, 0).text == note


def test_deeply_nested_and_huge_pages_are_refused(tmp_path: Path) -> None:
    odd = read_html_report("odd.html", "<body><![foo bar]><p>一、总体情况</p>".encode())
    assert [p.text for p in odd.paragraphs] == ["一、总体情况"]  # an unknown <![…]> is skipped
    with pytest.raises(DocumentTooComplex):
        read_html_report("deep.html", b"<div>" * 10_000)
    path = tmp_path / "deep.html"
    path.write_bytes(b"<html>" + b"<span>" * 100_000)
    reading = read_report(path)
    assert reading.document is None
    assert "网页嵌套超过" in reading.problems[0].message
