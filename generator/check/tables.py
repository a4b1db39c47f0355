"""A report document's tables against its format: every cell a number, every total its sum,
every rule of the format (一 + 二 = （七） + 四 per column)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from generator.base.numbers import format_decimal
from generator.base.problems import Location, Problems
from generator.check.numbers import parts_sum
from generator.check.rules import check_rule
from generator.formats.spec import Field, FormatSpec
from generator.formats.tables import Column, TableSpec
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
    _check_totals(unit, spec, table_fields, problems)
    for rule in spec.rules:
        if not rule.across_years:
            check_rule(unit, rule, spec, problems)


def _check_totals(
    unit: UnitData, spec: FormatSpec, fields: list[Field], problems: Problems
) -> None:
    """Printed totals against their parts. When a row's total and a column's total are both off
    by the same amount, the cell where they cross is named instead: it is the one mistyped."""
    off: dict[str, Decimal] = {}
    for item in fields:
        cell = unit.values.get(item.id)
        if not item.kind.computed or cell is None or cell.value is None:
            continue
        computed = parts_sum(unit, item.id, spec)
        if computed is not None and computed != cell.value:
            off[item.id] = computed - Decimal(cell.value)
    explained: set[str] = set()
    for table in spec.tables.values():
        row_total = next((c for c in table.columns if c.sum), None)
        column_total = next((r for r in table.rows if r.sum), None)
        if row_total is None or column_total is None:
            continue
        for row in table.rows:
            for column in table.columns:
                across = f"{table.id}.{row.key}.{row_total.key}"
                down = f"{table.id}.{column_total.key}.{column.key}"
                leaf = f"{table.id}.{row.key}.{column.key}"
                if row.sum or column.sum or across not in off or down not in off:
                    continue
                if off[across] != off[down] or across in explained or down in explained:
                    continue
                explained |= {across, down}
                item = spec.field(leaf)
                problems.error(
                    "cell-mistyped",
                    f"“{item.label}”为 {unit.value(leaf)}，可能填错：所在行的“{row_total_label(table, row_total)}”"
                    f"和所在列的“{column_total.labels[-1]}”都与各项之和相差 {format_decimal(abs(off[across]))}",
                    unit.values[leaf].location,
                )
    for item_id, difference in off.items():
        if item_id in explained:
            continue
        cell = unit.values[item_id]
        problems.error(
            "total-mismatch",
            f"“{spec.field(item_id).label}”为 {cell.value}，但各项之和为 {format_decimal(Decimal(cell.value) + difference)}",
            cell.location,
        )


def row_total_label(table: TableSpec, column: Column) -> str:
    return table.column_name(table.columns.index(column))
