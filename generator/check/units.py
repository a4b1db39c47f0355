"""What no unit can check alone: one reporting body, unique names, and last year's figures."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.base.problems import Problems
from generator.check.rules import LastYearUnit, check_rule
from generator.formats.spec import FormatSpec, Rule
from generator.read.unit import UnitData


@dataclass(frozen=True)
class PreviousYear:
    """Last year's units, read with last year's format (which may differ from this year's)."""

    spec: FormatSpec
    year: int
    units: tuple[UnitData, ...]


def validate_set(
    units: Sequence[UnitData],
    spec: FormatSpec,
    previous: PreviousYear | None = None,
) -> Problems:
    """Checks across the units, and across years when last year's units are given.

    Rules across years compare each unit with last year's unit of the same name; a rule whose
    fields last year's format does not have is skipped, with one notice saying so.
    """
    problems = Problems()
    if previous is not None:
        _check_previous_year(units, spec, previous, problems)
    _check_body(units, spec, problems)
    _check_unique_names(units, problems)
    return problems


def _check_previous_year(
    units: Sequence[UnitData], spec: FormatSpec, previous: PreviousYear, problems: Problems
) -> None:
    rules = comparable_rules(spec, previous.spec, previous.year, problems)
    last_year = {u.name: u for u in previous.units}
    for unit in units:
        if unit.name in last_year:
            last = LastYearUnit(last_year[unit.name], previous.spec, previous.year)
            for rule in rules:
                check_rule(unit, rule, spec, problems, last)


def comparable_rules(
    spec: FormatSpec, last_spec: FormatSpec, last_year: int, problems: Problems
) -> list[Rule]:
    """The rules across years whose fields last year's format has; one notice for each of the
    others, saying what could not be compared."""
    rules = [rule for rule in spec.rules if rule.across_years]
    comparable = [
        rule for rule in rules if all(t.field in last_spec.fields for t in rule.terms if t.previous)
    ]
    for label in dict.fromkeys(rule.label for rule in rules if rule not in comparable):
        problems.notice(
            "previous-year-format",
            f"{last_year} 年度使用{last_spec.name}，其中没有与“{label}”对应的栏目，"
            f"未与上年核对{label}",
        )
    return comparable


def _check_body(units: Sequence[UnitData], spec: FormatSpec, problems: Problems) -> None:
    bodies = [u for u in units if u.level == spec.body_level]
    if len(bodies) == 1 or not units:
        return
    if not bodies:
        problems.error(
            "no-body",
            f"没有单位层级为“{spec.body_level}”的工作簿；报告的署名、联系方式和文字材料取自该单位，"
            f"请提交该单位的工作簿，或在其“基本信息”中把单位层级选为“{spec.body_level}”",
        )
        return
    names = "、".join(f"{u.file}（{u.name}）" for u in bodies)
    for unit in bodies:
        cell = unit.values["unit.level"]
        problems.error(
            "several-bodies",
            f"单位层级为“{spec.body_level}”的工作簿只能有一个，现在有 {len(bodies)} 个：{names}",
            cell.location,
        )


def _check_unique_names(units: Sequence[UnitData], problems: Problems) -> None:
    by_name: dict[str, list[UnitData]] = defaultdict(list)
    for unit in units:
        if unit.value("unit.name"):
            by_name[unit.name].append(unit)
    for name, same in by_name.items():
        if len(same) < 2:
            continue
        files = "、".join(u.file for u in same)
        for unit in same:
            problems.error(
                "duplicate-name",
                f"单位名称“{name}”在多个工作簿中重复出现（{files}），同一单位只能提交一份",
                unit.values["unit.name"].location,
            )
