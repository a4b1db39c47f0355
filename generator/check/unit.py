"""Check one unit on its own: required cells, its level and year, totals and the format's rules."""

from __future__ import annotations

import datetime as dt

from generator.base.problems import Location, Problems
from generator.check.numbers import field_number
from generator.check.rules import cell_list, check_rule
from generator.formats.kinds import Reads
from generator.formats.spec import Field, FormatSpec, Need
from generator.read.unit import UnitData

WRONG_YEAR = "wrong-year"
ODD_DATE = "odd-date"

_NUMERIC_BLANK = "必填项为空白；没有发生的请填 0（空白不会按 0 处理）"
_TEXT_BLANK = "必填项为空白"


def validate_unit(
    unit: UnitData, spec: FormatSpec, year: int, problems: Problems, each: bool = False
) -> None:
    """Required cells, the level and year, totals and the format's rules for one unit.

    With `each`, the unit is also the body of its own report.
    """
    is_body = unit.level == spec.body_level
    for item in spec.fields.values():
        if item.id in unit.unreadable:
            continue
        _check_required(unit, item, is_body, each, problems)
    _check_level_and_year(unit, spec, year, problems)
    for item in spec.fields.values():
        if item.kind.computed:
            _check_total(unit, item, spec, problems)
    for rule in spec.rules:
        if not rule.across_years:
            check_rule(unit, rule, spec, problems)


def _check_required(
    unit: UnitData, item: Field, is_body: bool, each: bool, problems: Problems
) -> None:
    required = (
        item.need is Need.ALL
        or (item.need is Need.BODY and (is_body or each))
        or (item.need is Need.AGGREGATE and is_body)
    )
    if not required or item.kind.computed:
        return
    if item.kind.reads is Reads.LIST:
        if not unit.lists.get(item.id):
            who = "生成各单位自己的报告（--each）时，" if each and not is_body else ""
            problems.error(
                "blank",
                f"{who}“{item.label}”至少要填写一段",
                Location(unit.file, item.sheet, item.list_refs()[0][1]),
            )
        return
    cell = unit.values.get(item.id)
    if cell is None or cell.value is None:
        who = "" if item.need is Need.ALL else f"单位层级为“{unit.level}”时，"
        if item.need is Need.BODY and each and not is_body:
            who = "生成各单位自己的报告（--each）时，"
        problems.error(
            "blank",
            f"{who}“{item.label}”{_NUMERIC_BLANK if item.kind.numeric else _TEXT_BLANK}",
            Location(unit.file, item.sheet, item.ref),
        )


def _check_level_and_year(unit: UnitData, spec: FormatSpec, year: int, problems: Problems) -> None:
    level = unit.values.get("unit.level")
    if level and level.value is not None and level.value not in spec.levels:
        choices = "、".join(spec.levels)
        problems.error(
            "bad-level", f"单位层级应为{choices}之一，填的是“{level.value}”", level.location
        )
    stated = unit.values.get("unit.year")
    if stated and stated.value is not None and stated.value != year:
        problems.error(
            WRONG_YEAR,
            f"报告年度填的是 {stated.value}，本次生成的是 {year} 年度报告；请核对是否用错了工作簿",
            stated.location,
        )
    for item in spec.fields.values():
        cell = unit.values.get(item.id)
        date = cell.value if cell else None
        if isinstance(date, dt.date) and date.year not in (year, year + 1):
            problems.warning(
                ODD_DATE,
                f"“{item.label}”为 {date.year}年{date.month}月{date.day}日，"
                f"不在 {year} 年或 {year + 1} 年，请核实",
                cell.location,
            )


def _check_total(unit: UnitData, item: Field, spec: FormatSpec, problems: Problems) -> None:
    cell = unit.values.get(item.id)
    computed = field_number(unit, item.id, spec)
    if cell is None or cell.value is None or computed is None or cell.value == computed:
        return
    parts = cell_list(unit.file, [spec.field(p) for p in item.sum], cell.location)
    problems.error(
        "stale-total",
        f"“{item.label}”单元格中是 {cell.value}，但各项（{parts}）之和为 {computed}；"
        "合计单元格可能被改写，或公式结果没有更新，请核对后重新保存",
        cell.location,
    )
