"""A sentence typed in the 文字材料 sheet that contradicts the tables stops the build."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from generator.base.problems import Severity
from generator.pipeline.build import build, check_inputs
from generator.pipeline.options import BuildOptions
from tests.conftest import ROOT


def shipped_2025(tmp_path: Path, sentence: str, cell: str = "C17") -> Path:
    folder = tmp_path / "inputs" / "2025"
    shutil.copytree(ROOT / "inputs" / "2025", folder)
    path = folder / "沭阳县人民政府.xlsx"
    book = load_workbook(path)
    book["文字材料"][cell] = sentence
    book.save(path)
    return folder


def test_a_contradicting_sentence_blocks_the_build_naming_its_cell(tmp_path: Path) -> None:
    folder = shipped_2025(tmp_path, "全年新收政府信息公开申请700件，全部按期办结。")
    result = build(BuildOptions.for_year(2025, folder, tmp_path / "out"))
    errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
    assert [p.name for p in result.written if p.parent.name == "out"] == ["问题清单.xlsx"]
    assert len(errors) == 2  # no report: only the problem lists to send back
    assert errors[0].startswith(
        "[错误] 沭阳县人民政府.xlsx 文字材料!C17：“全年新收政府信息公开申请700件，全部按期办结。”"
    )
    assert "文中本年新收申请为700件，但各单位汇总的统计数中为 713件" in errors[0]
    assert (
        "文中称“全部按期办结”，但各单位汇总的统计数中“四、结转下年度继续办理（总计）”为 31"
        in errors[1]
    )


def test_a_sentence_about_the_body_itself_or_a_group_is_accepted(tmp_path: Path) -> None:
    folder = shipped_2025(
        tmp_path, "全年新收政府信息公开申请713件，办结718件，结转下年度继续办理31件。"
    )
    assert not check_inputs(BuildOptions.for_year(2025, folder)).problems.blocking()
    # the shipped 2018 body writes of its own 50 applications while the city received 1120
    shipped = check_inputs(BuildOptions.for_year(2018, ROOT / "inputs" / "2018"))
    body = next(u for u in shipped.units if u.level == "市政府")
    assert any("共收到依申请公开事项50件" in (row.text or "") for row in body.lists["text.part1"])
    assert not shipped.problems.blocking() and body.value("apply.received") == 50


def test_counts_of_other_work_in_the_text_do_not_block_the_build(tmp_path: Path) -> None:
    sentences = (
        "全年答复人大代表建议和政协提案156件，并全部公开答复全文。"
        "12345政务服务热线全年办结群众诉求3.2万件。县政务服务中心全年受理群众办事申请12.5万件。"
    )
    folder = shipped_2025(tmp_path, sentences, cell="C49")  # （五）监督保障
    assert [
        str(p)
        for p in check_inputs(BuildOptions.for_year(2025, folder)).problems.items
        if p.severity is Severity.ERROR
    ] == []
