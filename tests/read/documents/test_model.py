"""Text as read: one line, no stray spaces, radicals read as the characters they stand for."""

from __future__ import annotations

from generator.read.documents.model import clean


def test_radicals_a_browser_writes_into_a_pdf_become_the_characters() -> None:
    printed = "沭阳县⼈⺠政府2025年政府信息公开⼯作年度报告：⼀、政府⻔⼾⽹站，⾏政复议"
    assert (
        clean(printed) == "沭阳县人民政府2025年政府信息公开工作年度报告：一、政府门户网站，行政复议"
    )


def test_white_space_is_one_space_and_none_beside_a_chinese_character() -> None:
    assert clean(" 本年\n新收\u3000申请 \u00a0 713 件 www.example.gov.cn  下载 ") == (
        "本年新收申请713件www.example.gov.cn下载"
    )
