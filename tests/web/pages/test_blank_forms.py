"""空白填报表: a list of units typed in, the --init workbooks back in one .zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from flask import Flask

from generator.fillin.init import init_forms
from tests.web.conftest import Visitor, text_of

UNITS = "株洲市财政局, 市政府工作部门\n株洲市教育局\t市政府工作部门\n\n# 区县\n天元区人民政府、县市区政府"


def test_one_workbook_per_unit_as_init_writes_them(
    app: Flask, visitor: Visitor, tmp_path: Path
) -> None:
    notice = {"deadline": "请于2019年1月15日前报送", "contact": "张三 0731-12345678"}
    answer = visitor.submit("/forms", {"year": "2018", "units": UNITS, **notice}, page="/forms")
    assert answer.status_code == 200
    assert answer.mimetype == "application/zip"
    assert "2018%E5%B9%B4%E5%BA%A6" in answer.headers["Content-Disposition"]  # 2018年度…
    bundle = zipfile.ZipFile(io.BytesIO(answer.data))
    pairs = [
        ("株洲市财政局", "市政府工作部门"),
        ("株洲市教育局", "市政府工作部门"),
        ("天元区人民政府", "县市区政府"),
    ]
    made = init_forms(2018, tmp_path / "cli", pairs, notice)
    assert bundle.namelist() == [p.name for p in made.written]
    for path in made.written:
        assert bundle.read(path.name) == path.read_bytes()
    assert list((tmp_path / "work").iterdir()) == []  # nothing kept on the server


def test_no_units_gives_one_blank_form(visitor: Visitor) -> None:
    answer = visitor.submit("/forms", {"year": "2025", "units": ""}, page="/forms")
    assert zipfile.ZipFile(io.BytesIO(answer.data)).namelist() == [
        "2025年度政府信息公开工作情况填报表.xlsx"
    ]


def test_a_wrong_level_or_line_is_told_and_the_text_kept(visitor: Visitor) -> None:
    answer = visitor.submit(
        "/forms", {"year": "2025", "units": "甲局, 市政府工作部门"}, page="/forms"
    )
    assert answer.status_code == 400
    text = text_of(answer)
    assert (
        "单位“甲局”的层级“市政府工作部门”无效，应为本级人民政府、政府工作部门、下级人民政府之一"
        in text
    )
    assert "甲局, 市政府工作部门" in answer.text
    answer = visitor.submit("/forms", {"year": "2025", "units": "甲局"}, page="/forms")
    assert "单位清单 第 1 行应为“单位名称, 单位层级”：甲局" in text_of(answer)


def test_each_set_of_levels_is_listed_once(visitor: Visitor) -> None:
    text = text_of(visitor.client.get("/forms"))
    assert "2008—2018 年度：市政府、市政府工作部门、县市区政府" in text
    assert "2019—2020 年度、2021 年度及以后：本级人民政府、政府工作部门、下级人民政府" in text
    assert text.count("本级人民政府、政府工作部门、下级人民政府") == 1
