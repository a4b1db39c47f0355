"""A wrong report year asked for: every workbook says it is the same other year's.

Then the year is what is wrong, not the units: one error for the office instead of one for
each unit (and a letter to each), and none of the consequences (dates outside the year).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.base.problems import Problem, Problems, Severity
from generator.check.unit import ODD_DATE, WRONG_YEAR
from generator.read.input_names import InputNames
from generator.read.unit import OTHER_FORMAT, THIS_FILE_IS, UnitData


def one_message_for_a_wrong_year(
    problems: Problems, units: Sequence[UnitData], files: int, year: int, names: InputNames
) -> None:
    """Replace the per-unit messages by one when all `files` workbooks (at least two) are the
    same other year's: another format's forms, or forms of this format stating another year."""
    if files < 2:
        return
    another = [p for p in problems if p.code == OTHER_FORMAT]
    if len(another) == files and len({p.message for p in another}) == 1:
        what = another[0].message.removeprefix(THIS_FILE_IS)
        _replace(problems, OTHER_FORMAT, (), f"{names.this_year}的 {files} 个工作簿都是 {what}")
        return
    stated = {u.value("unit.year") for u in units}
    if len(units) == files and len(stated) == 1 and (said := stated.pop()) not in (None, year):
        _replace(
            problems,
            WRONG_YEAR,
            (ODD_DATE,),
            f"{names.this_year}的 {files} 个工作簿，报告年度填的都是 {said}，本次生成的是 {year} "
            "年度报告；请核对报告年度",
        )


def _replace(problems: Problems, code: str, consequences: tuple[str, ...], message: str) -> None:
    """The problems of `code` and their consequences replaced by one, for the office."""
    problems.items = [p for p in problems if p.code != code and p.code not in consequences]
    problems.items.append(Problem(Severity.ERROR, code, message, office=True))
