"""Check every unit against the format's rules, and the set of units against each other."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from generator.formats.spec import Field, FormatSpec, Kind, Need, Rule, Term
from generator.problems import Location, Problems, sheet_reference
from generator.read.unit import UnitData

_NUMERIC_BLANK = "必填项为空白；没有发生的请填 0（空白不会按 0 处理）"
_TEXT_BLANK = "必填项为空白"


def validate_set(
    units: Sequence[UnitData], spec: FormatSpec, year: int, previous: Sequence[UnitData] = ()
) -> Problems:
    """What no unit can check alone: one reporting body, unique names, and last year's figures.

    `previous` are last year's units (same format): rules across years compare each unit with
    last year's unit of the same name.
    """
    problems = Problems()
    last_year = {u.name: u for u in previous}
    for unit in units:
        if unit.name in last_year:
            for rule in spec.rules:
                if rule.across_years:
                    _check_rule(unit, rule, spec, problems, last_year[unit.name], year - 1)
    _check_body(units, spec, problems)
    _check_unique_names(units, problems)
    return problems


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
        if item.kind is Kind.TOTAL:
            _check_total(unit, item, spec, problems)
    for rule in spec.rules:
        if not rule.across_years:
            _check_rule(unit, rule, spec, problems, None, year - 1)


def _check_required(
    unit: UnitData, item: Field, is_body: bool, each: bool, problems: Problems
) -> None:
    required = (
        item.need is Need.ALL
        or (item.need is Need.BODY and (is_body or each))
        or (item.need is Need.AGGREGATE and is_body)
    )
    if not required or item.kind is Kind.TOTAL:
        return
    if item.kind is Kind.LIST:
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
        numeric = item.kind in (Kind.COUNT, Kind.AMOUNT, Kind.YEAR)
        who = "" if item.need is Need.ALL else f"单位层级为“{unit.level}”时，"
        if item.need is Need.BODY and each and not is_body:
            who = "生成各单位自己的报告（--each）时，"
        problems.error(
            "blank",
            f"{who}“{item.label}”{_NUMERIC_BLANK if numeric else _TEXT_BLANK}",
            Location(unit.file, item.sheet, item.ref),
        )


def _check_level_and_year(unit: UnitData, spec: FormatSpec, year: int, problems: Problems) -> None:
    level = unit.values.get("unit.level")
    if level and level.value is not None and level.value not in spec.levels:
        choices = "、".join(spec.levels)
        problems.error(
            "bad-level", f"单位层级应为 {choices} 之一，填的是“{level.value}”", level.location
        )
    stated = unit.values.get("unit.year")
    if stated and stated.value is not None and stated.value != year:
        problems.error(
            "wrong-year",
            f"报告年度填的是 {stated.value}，本次生成的是 {year} 年度报告；请核对是否用错了工作簿",
            stated.location,
        )
    for item in spec.fields.values():
        cell = unit.values.get(item.id)
        date = cell.value if cell else None
        if isinstance(date, dt.date) and date.year not in (year, year + 1):
            problems.warning(
                "odd-date",
                f"“{item.label}”为 {date.year}年{date.month}月{date.day}日，"
                f"不在 {year} 年或 {year + 1} 年，请核实",
                cell.location,
            )


def _number(unit: UnitData, field_id: str, spec: FormatSpec) -> Decimal | None:
    """A field's number; a total is the sum of its parts (None when any part is missing)."""
    item = spec.field(field_id)
    if item.kind is Kind.TOTAL:
        parts = [_number(unit, part, spec) for part in item.sum]
        return None if any(p is None for p in parts) else sum(parts, Decimal(0))
    value = unit.value(field_id)
    return Decimal(value) if isinstance(value, int | Decimal) else None


def _check_total(unit: UnitData, item: Field, spec: FormatSpec, problems: Problems) -> None:
    cell = unit.values.get(item.id)
    computed = _number(unit, item.id, spec)
    if cell is None or cell.value is None or computed is None or cell.value == computed:
        return
    parts = _cells(unit.file, [spec.field(p) for p in item.sum], cell.location)
    problems.error(
        "stale-total",
        f"“{item.label}”单元格中是 {cell.value}，但各项（{parts}）之和为 {computed}；"
        "合计单元格可能被改写，或公式结果没有更新，请核对后重新保存",
        cell.location,
    )


def _check_rule(
    unit: UnitData,
    rule: Rule,
    spec: FormatSpec,
    problems: Problems,
    previous: UnitData | None,
    previous_year: int,
) -> None:
    if rule.across_years and previous is None:
        return

    def value(term: Term) -> Decimal | None:
        number = _number(previous if term.previous else unit, term.field, spec)
        return None if number is None else number * term.sign

    left, right = [value(t) for t in rule.left], [value(t) for t in rule.right]
    if any(v is None for v in (*left, *right)):
        return
    left_sum, right_sum = sum(left, Decimal(0)), sum(right, Decimal(0))
    if left_sum == right_sum if rule.op == "=" else left_sum <= right_sum:
        return
    single = len(rule.right) == 1 and not rule.right[0].previous
    anchor = spec.field(
        (rule.right[0] if single else next(t for t in rule.terms if not t.previous)).field
    )
    location = Location(unit.file, anchor.sheet, anchor.ref)
    sides = [
        _describe(terms, total, spec, location, verb, (previous, previous_year))
        for terms, total, verb in ((rule.left, left_sum, "为"), (rule.right, right_sum, "的"))
    ]
    relation = "应等于" if rule.op == "=" else "不应大于"
    if rule.warning:
        problems.warning(
            "previous-year" if rule.across_years else "rule",
            f"{sides[0]}，{relation}{sides[1]}",
            location,
        )
    else:
        problems.error("rule", f"{sides[0]}，{relation}{sides[1]}", location)


def _describe(
    terms: tuple[Term, ...],
    total: Decimal,
    spec: FormatSpec,
    near: Location,
    verb: str,
    last: tuple[UnitData | None, int],
) -> str:
    """How a side of a rule reads: “甲”“乙”之和（B5:B6）为 12, or “甲”（B5）加上年“乙”（…）减“丙”（B7）."""
    fields = [spec.field(t.field) for t in terms]
    if all(t.sign > 0 and not t.previous for t in terms):
        labels = "".join(f"“{f.label}”" for f in fields)
        which = "之和" if len(fields) > 1 else ""
        return f"{labels}{which}（{_cells(near.file, fields, near)}）{verb} {total}"
    previous, previous_year = last
    pieces = []
    for index, (term, item) in enumerate(zip(terms, fields, strict=True)):
        sign = "减" if term.sign < 0 else ("加" if index else "")
        if term.previous and previous is not None:
            where = f"{previous_year}年度 {Location(previous.file, item.sheet, item.ref)}"
            pieces.append(f"{sign}上年“{item.label}”（{where}）")
        else:
            pieces.append(f"{sign}“{item.label}”（{_cells(near.file, [item], near)}）")
    return f"{''.join(pieces)}{'为' if verb == '为' else '即'} {total}"


def _cells(file: str, fields: list[Field], near: Location) -> str:
    """The cells of some fields, written as briefly as Excel would (B5:B8, or 依申请公开!B5)."""
    by_sheet: dict[str, list[Field]] = defaultdict(list)
    for f in fields:
        by_sheet[f.sheet].append(f)
    parts = []
    for sheet, items in by_sheet.items():
        refs = _ranges(items)
        parts.append(refs if sheet == near.sheet else f"{sheet_reference(sheet)}!{refs}")
    return "、".join(parts)


def _ranges(items: list[Field]) -> str:
    """Consecutive rows of one column become a range."""
    rows = sorted({(f.column, f.row) for f in items})
    runs: list[list[tuple[str, int]]] = []
    for column, row in rows:
        if runs and runs[-1][-1][0] == column and runs[-1][-1][1] == row - 1:
            runs[-1].append((column, row))
        else:
            runs.append([(column, row)])
    return "、".join(
        f"{run[0][0]}{run[0][1]}" + (f":{run[-1][0]}{run[-1][1]}" if len(run) > 1 else "")
        for run in runs
    )


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
