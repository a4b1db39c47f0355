"""Last year's workbooks, checked for what they claim to be before any comparison is made."""

from __future__ import annotations

from collections.abc import Sequence

from generator.base.problems import Location, Problem, Severity
from generator.read.input_names import InputNames
from generator.read.unit import UnitData


def screen_previous_year(
    units: Sequence[UnitData],
    last_units: Sequence[UnitData],
    year: int,
    names: InputNames,
    checks: str,
) -> tuple[list[UnitData], list[Problem]]:
    """Last year's units fit to compare with (those that say they are last year's), and warnings
    naming the files: a wrong 报告年度, a unit in one year's workbooks but not the other's. They
    are the office's own business (how it gathered the two years), never in a unit's letter."""
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
                f"{names.last_year}的这个工作簿，报告年度{said}，不是 {year - 1}；"
                f"可能不是上年（{year - 1} 年度）的工作簿，未用它与上年核对{checks}",
                Location(names.last_year_file(unit.file), where.sheet, where.cell),
                office=True,
            )
        )
    if not kept:  # none is last year's: that each unit is missing there says nothing more
        return kept, problems
    this_year = {u.name for u in units}
    last_year = {u.name for u in kept}
    for unit in units:
        if unit.name not in last_year:
            problems.append(
                Problem(
                    Severity.WARNING,
                    "previous-year-missing",
                    f"{names.last_year}没有单位“{unit.name}”的工作簿，未与上年核对{checks}",
                    Location(unit.file),
                    office=True,
                )
            )
    for unit in kept:
        if unit.name not in this_year:
            problems.append(
                Problem(
                    Severity.WARNING,
                    "previous-year-extra",
                    f"上年有单位“{unit.name}”的工作簿，{names.this_year}却没有；"
                    "请核对是否漏报，或单位名称是否有变化",
                    Location(names.last_year_file(unit.file)),
                    office=True,
                )
            )
    return kept, problems
