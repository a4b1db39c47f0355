"""A wrong report year asked for is one error for the office, not one per unit."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from generator.pipeline.build import check
from generator.pipeline.options import BuildOptions
from tests.conftest import ROOT

SHIPPED_2025 = ROOT / "inputs" / "2025"


def serious(built: object) -> list:
    return [p for p in built.problems if p.severity > 0]  # type: ignore[attr-defined]


def test_forms_of_this_format_all_stating_another_year(tmp_path: Path) -> None:
    built = check(BuildOptions.for_year(2024, SHIPPED_2025, tmp_path / "out"))
    [problem] = serious(built)
    assert (problem.code, problem.location, problem.office) == ("wrong-year", None, True)
    assert problem.message == (
        "本年度的输入文件夹中的 6 个工作簿，报告年度填的都是 2025，本次生成的是 2024 年度报告；请核对报告年度"
    )
    assert built.letters == {}


def test_one_unit_stating_another_year_is_told_in_its_own_letter(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    shutil.copytree(SHIPPED_2025, folder)
    path = next(folder.glob("*.xlsx"))
    book = load_workbook(path)
    sheet = book["基本信息"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == 2025)
    cell.value = 2024
    book.save(path)
    built = check(BuildOptions.for_year(2025, folder, tmp_path / "out"))
    wrong = [p for p in serious(built) if p.code == "wrong-year"]
    assert [(str(p.location), p.office) for p in wrong] == [
        (f"{path.name} 基本信息!{cell.coordinate}", False)
    ]
    assert len(built.letters) == 1
