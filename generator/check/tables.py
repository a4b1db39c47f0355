"""A report document's tables against its format: every cell a number, every total its sum,
every rule of the format (一 + 二 = （七） + 四 per column)."""

from __future__ import annotations

from collections import defaultdict

from generator.base.numbers import format_decimal
from generator.base.problems import Location, Problems
from generator.check.numbers import field_number
from generator.check.rules import check_rule
from generator.formats.spec import FormatSpec
from generator.read.documents.tables import row_place, table_title
from generator.read.unit import UnitData


def check_report_tables(unit: UnitData, spec: FormatSpec, problems: Problems) -> None:
    """Blank cells (by row), totals that are not their sums, and the format's rules."""
    table_fields = [f for f in spec.fields.values() if f.id.split(".")[0] in spec.tables]
    blanks: dict[Location, list[str]] = defaultdict(list)
    for item in table_fields:
        cell = unit.values.get(item.id)
        if item.id in unit.unreadable or cell is None or cell.value is not None:
            continue
        table_id, row_key, column_key = item.id.split(".")
        table = spec.tables[table_id]
        row = next(r for r in table.rows if r.key == row_key)
        column = next(i for i, c in enumerate(table.columns) if c.key == column_key)
        place = row_place(table_title(table, spec), row.labels[-1] if row.labels else "")
        blanks[Location(unit.file, place=place)].append(table.column_name(column))
    for where, columns in blanks.items():
        problems.error(
            "blank-cell",
            f"{'、'.join(f'“{c}”' for c in columns)}列为空白（或“/”“—”）；没有发生的应填 0，空白不能当作 0",
            where,
        )
    for item in table_fields:
        cell = unit.values.get(item.id)
        if not item.kind.computed or cell is None or cell.value is None:
            continue
        computed = field_number(unit, item.id, spec)
        if computed is not None and computed != cell.value:
            problems.error(
                "total-mismatch",
                f"“{item.label}”为 {cell.value}，但各项之和为 {format_decimal(computed)}",
                cell.location,
            )
    for rule in spec.rules:
        if not rule.across_years:
            check_rule(unit, rule, spec, problems)
