"""Check a format's rules on a unit (and last year's unit), and say in Excel's terms what broke."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from generator.base.problems import Location, Problems, sheet_reference
from generator.check.numbers import printed_number
from generator.formats.spec import Field, FormatSpec, Rule, Term
from generator.read.unit import UnitData


@dataclass(frozen=True)
class LastYearUnit:
    """Last year's values of the same unit (its workbook, or its report's tables), read with last
    year's format."""

    unit: UnitData
    spec: FormatSpec
    year: int


def check_rule(
    unit: UnitData,
    rule: Rule,
    spec: FormatSpec,
    problems: Problems,
    last: LastYearUnit | None = None,
) -> None:
    """Add a problem when the unit breaks the rule (rules across years need `last`)."""
    if rule.across_years and last is None:
        return

    def value(term: Term) -> Decimal | None:
        if term.previous:
            assert last is not None
            number = printed_number(last.unit, term.field, last.spec)
        else:
            number = printed_number(unit, term.field, spec)
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
    location = field_location(unit, anchor)
    sides = [
        _describe(terms, total, spec, location, verb, last)
        for terms, total, verb in ((rule.left, left_sum, "为"), (rule.right, right_sum, "的"))
    ]
    relation = "应等于" if rule.op == "=" else "不应大于"
    code = "previous-year" if rule.across_years else "rule"
    problems.add(rule.severity, code, f"{sides[0]}，{relation}{sides[1]}", location)


def field_location(unit: UnitData, item: Field) -> Location:
    """Where a field is: the cell it was read from in a report document, else its workbook cell."""
    cell = unit.values.get(item.id)
    if cell is not None and cell.location.place is not None:
        return cell.location
    return Location(unit.file, item.sheet, item.ref)


def _describe(
    terms: tuple[Term, ...],
    total: Decimal,
    spec: FormatSpec,
    near: Location,
    verb: str,
    last: LastYearUnit | None,
) -> str:
    """How a side of a rule reads: “甲”“乙”之和（B5:B6）为 12, or “甲”（B5）加上年“乙”（…）减“丙”（B7).

    Cells are cited for workbooks only: a report document's cells are named by their labels."""
    cite = near.place is None
    if all(t.sign > 0 and not t.previous for t in terms):
        fields = [spec.field(t.field) for t in terms]
        labels = "".join(f"“{f.label}”" for f in fields)
        which = "之和" if len(fields) > 1 else ""
        cells = f"（{cell_list(near.file, fields, near)}）" if cite else ""
        return f"{labels}{which}{cells}{verb} {total}"
    pieces = []
    for index, term in enumerate(terms):
        sign = "减" if term.sign < 0 else ("加" if index else "")
        if term.previous and last is not None:
            item = last.spec.field(term.field)
            where = f"{last.year}年度 {field_location(last.unit, item)}"
            pieces.append(f"{sign}上年“{item.label}”（{where}）")
        else:
            item = spec.field(term.field)
            cells = f"（{cell_list(near.file, [item], near)}）" if cite else ""
            pieces.append(f"{sign}“{item.label}”{cells}")
    return f"{''.join(pieces)}{'为' if verb == '为' else '即'} {total}"


def cell_list(file: str, fields: list[Field], near: Location) -> str:
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
