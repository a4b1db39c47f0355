"""Last year's workbooks, checked for what they claim to be before any comparison is made."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.base.problems import Location, Problem, Severity
from generator.read.unit import UnitData


def screen_previous_year(
    units: Sequence[UnitData],
    last_units: Sequence[UnitData],
    year: int,
    folder: Path,
    checks: str,
) -> tuple[list[UnitData], list[Problem]]:
    """Last year's units fit to compare with (those that say they are last year's), and warnings
    naming the files: a wrong 报告年度, a unit in one year's folder but not the other's."""
    problems: list[Problem] = []
    kept: list[UnitData] = []
    for unit in last_units:
        stated = unit.values.get("unit.year")
        if stated is not None and stated.value == year - 1:
            kept.append(unit)
            continue
        said = f"填的是 {stated.value}" if stated and stated.value is not None else "没有填写"
        where = stated.location if stated else Location(unit.file)
        problems.append(
            Problem(
                Severity.WARNING,
                "previous-year-mismatch",
                f"上年（{year - 1} 年度）文件夹中的这个工作簿，报告年度{said}，不是 {year - 1}；"
                f"可能放错了文件夹，未用它与上年核对{checks}",
                Location(str(folder / unit.file), where.sheet, where.cell),
            )
        )
    this_year = {u.name for u in units}
    last_year = {u.name for u in kept}
    for unit in units:
        if unit.name not in last_year:
            problems.append(
                Problem(
                    Severity.WARNING,
                    "previous-year-missing",
                    f"上年（{year - 1} 年度）文件夹 {folder.name} 中没有单位“{unit.name}”的工作簿，"
                    f"未与上年核对{checks}",
                    Location(unit.file),
                )
            )
    for unit in kept:
        if unit.name not in this_year:
            problems.append(
                Problem(
                    Severity.WARNING,
                    "previous-year-extra",
                    f"上年有单位“{unit.name}”的工作簿，本年度的输入文件夹中却没有；"
                    "请核对是否漏报，或单位名称是否有变化",
                    Location(str(folder / unit.file)),
                )
            )
    return kept, problems
