"""Text reports: our own box-drawn tables, Markdown and tab-separated tables, any encoding."""

from __future__ import annotations

from pathlib import Path

from generator.read.documents.text import read_text_report
from tests.conftest import GOLDEN


def test_our_own_box_tables_are_read_with_their_merged_cells() -> None:
    path = next((GOLDEN / "2025").glob("*.txt"))
    document = read_text_report(path.name, path.read_bytes())
    apply = document.grids[4]
    assert apply.row_texts(1)[3:6] == ["自然人", "法人或其他组织", "法人或其他组织"]
    assert apply.row_texts(2)[6] == "社会公益组织"  # a header wrapped over two lines, joined
    new = apply.row_texts(3)
    assert new[0] == "一、本年新收政府信息公开申请数量" and new[3:] == [
        "705",
        "3",
        "0",
        "0",
        "5",
        "0",
        "713",
    ]
    merged = apply.at(5, 0)
    assert merged is not None and merged.text == "三、本年度办理结果" and merged.rows == 22
    assert document.paragraphs[0].text == "沭阳县人民政府2025年政府信息公开工作年度报告"


def test_markdown_and_tab_separated_tables() -> None:
    text = "标题\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n正文\n甲\t乙\t丙\n1\t2\t3\n"
    document = read_text_report("r.md", text.encode("utf-8"))
    grids = document.grids
    assert [g.row_texts(r) for g in grids for r in range(g.height)] == [
        ["信息内容", "本年制发件数"],
        ["规章", "3"],
        ["甲", "乙", "丙"],
        ["1", "2", "3"],
    ]
    assert [p.text for p in document.paragraphs] == ["标题", "正文"]


def test_gbk_text_is_decoded(tmp_path: Path) -> None:
    data = "某县2024年政府信息公开工作年度报告\n一、总体情况\n".encode("gbk")
    document = read_text_report("r.txt", data)
    assert document.paragraphs[1].text == "一、总体情况"
