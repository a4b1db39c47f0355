"""Write blank fill-in workbooks into an inputs folder (never overwriting one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.base.filenames import safe_filename
from generator.fillin.workbook import new_form, write_new
from generator.formats.registry import format_for_year
from generator.read.roster import UnitListError, read_unit_list


@dataclass
class InitResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def blank_form_name(year: int) -> str:
    return f"{year}年度政府信息公开工作情况填报表.xlsx"


def unit_pairs(
    names: list[str], levels: list[str], list_file: Path | None
) -> list[tuple[str, str]]:
    """(name, level) of every unit: those of the list file, then --unit/--level given one by one.

    One level given for several names applies to all of them.
    """
    pairs = [(e.name, e.level) for e in read_unit_list(list_file)] if list_file is not None else []
    if len(levels) == 1 and len(names) > 1:
        levels = levels * len(names)
    if len(names) != len(levels):
        raise UnitListError("每个 --unit 都要有对应的 --level（单位层级），两者个数应相同")
    pairs.extend(zip(names, levels, strict=True))
    return pairs


def init_forms(
    year: int, folder: Path, units: list[tuple[str, str]], notice: dict[str, str] | None = None
) -> InitResult:
    """One workbook per unit (name and level filled in), or one blank form when no units.

    `notice` may give the office's own "deadline" and "contact" lines for the instructions sheet.
    """
    spec = format_for_year(year)
    for name, level in units:
        if level not in spec.levels:
            raise UnitListError(
                f"单位“{name}”的层级“{level}”无效，应为{'、'.join(spec.levels)}之一"
            )
    folder.mkdir(parents=True, exist_ok=True)
    result = InitResult()
    jobs = [(safe_filename(name) + ".xlsx", name, level) for name, level in units] or [
        (blank_form_name(year), None, None)
    ]
    for file_name, name, level in jobs:
        target = folder / file_name
        if write_new(target, new_form(spec, name, level, year, notice)):
            result.written.append(target)
        else:
            result.skipped.append(target)
    return result
