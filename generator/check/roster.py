"""Who has sent a workbook: the units on the unit list against the workbooks in the folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.base.problems import Location, Problem, Severity
from generator.read.input_names import InputNames
from generator.read.names import normalized
from generator.read.roster import ListedUnit
from generator.read.unit import UnitData

NOT_SUBMITTED = "not-submitted"
NOT_LISTED = "not-listed"


def check_roster(
    listed: Sequence[ListedUnit],
    units: Sequence[UnitData],
    files: Sequence[Path],
    list_file: str,
    names: InputNames,
) -> list[Problem]:
    """Units on the list with no workbook (a reminder for each), and workbooks of units not on
    the list (warnings; the list is the office's, so these are not in the unit's letter).

    A unit counts as sent when a workbook names it or a file is named after it (so a damaged
    workbook, already reported, is not also called missing)."""
    sent = {normalized(u.name) for u in units} | {normalized(f.stem) for f in files}
    on_list = {normalized(entry.name) for entry in listed}
    problems = [
        Problem(
            Severity.WARNING,
            NOT_SUBMITTED,
            f"第 {entry.line} 行的“{entry.name}”还没有提交工作簿（{names.this_year}没有该单位的工作簿）",
            Location(list_file),
            unit=entry.name,
        )
        for entry in listed
        if normalized(entry.name) not in sent
    ]
    problems += [
        Problem(
            Severity.WARNING,
            NOT_LISTED,
            f"单位“{unit.name}”不在{names.unit_list}；请核对单位名称是否写对，或把该单位加入清单",
            Location(unit.file),
            office=True,
        )
        for unit in units
        if normalized(unit.name) not in on_list and normalized(Path(unit.file).stem) not in on_list
    ]
    return problems
