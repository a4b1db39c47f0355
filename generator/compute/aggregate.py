"""Add up the units: totals of every numeric field, over all units, each group, and in the summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.base.problems import Location
from generator.check.units import PreviousYear
from generator.compute.figures import Figure, number
from generator.compute.summary import RowKind, Summary, SummaryRow
from generator.formats.spec import FormatSpec
from generator.read.unit import UnitData


@dataclass(frozen=True)
class Totals:
    """Every summed field over a set of units, as figures with their source cells."""

    figures: dict[str, Figure]

    def __getitem__(self, field_id: str) -> Figure:
        return self.figures[field_id]

    def sum(self, fields: Sequence[str], name: str) -> Figure:
        """The sum of these fields, as a figure called `name` with all their sources."""
        parts = [self.figures[f] for f in fields]
        value = sum((p.value for p in parts if isinstance(p.value, Decimal)), Decimal(0))
        return number(name, value, tuple(s for p in parts for s in p.sources))


def add_up(units: Sequence[UnitData], spec: FormatSpec, prefix: str) -> Totals:
    """Totals of the numeric fields over these units; a total field is the sum of its parts."""
    figures: dict[str, Figure] = {}
    for item in spec.summed:
        if item.kind.computed:
            continue
        value = Decimal(0)
        sources: list[Location] = []
        for unit in units:
            cell = unit.values.get(item.id)
            if cell is not None and cell.value is not None:
                value += Decimal(cell.value)
                sources.append(cell.location)
        figures[item.id] = number(f"{prefix}.{item.id}", value, tuple(sources))
    for field_id, parts in spec.parts.items():
        leaves = [figures[part] for part in parts]
        value = sum((leaf.value for leaf in leaves if isinstance(leaf.value, Decimal)), Decimal(0))
        sources = tuple(loc for leaf in leaves for loc in leaf.sources)
        figures[field_id] = number(f"{prefix}.{field_id}", value, sources)
    return Totals(figures)


def units_in_group(units: Sequence[UnitData], levels: Sequence[str]) -> list[UnitData]:
    """The units whose level is one of these."""
    return [u for u in units if u.level in levels]


def summarize(
    units: Sequence[UnitData], spec: FormatSpec, previous: PreviousYear | None = None
) -> Summary:
    """Every unit of each level with the level's subtotal, then each group, then the total;
    with last year's units, last year's total too (blank in the columns last year lacks)."""
    columns = spec.summed

    def row(
        kind: RowKind,
        members: Sequence[UnitData],
        name: str,
        level: str,
        number: int | None = None,
        file: str = "",
    ) -> SummaryRow:
        totals = add_up(members, spec, f"summary.{kind}")
        return SummaryRow(kind, number, file, name, level, tuple(totals[f.id] for f in columns))

    rows: list[SummaryRow] = []
    numbered = 0
    for level in spec.levels:
        members = sorted(units_in_group(units, [level]), key=lambda u: u.name)
        for unit in members:
            numbered += 1
            rows.append(row(RowKind.UNIT, [unit], unit.name, level, numbered, unit.file))
        if members:
            rows.append(row(RowKind.SUBTOTAL, members, f"小计（{level}）", level))
    for group in spec.groups:
        members = units_in_group(units, group.levels)
        rows.append(row(RowKind.GROUP, members, f"合计（{group.label}）", "、".join(group.levels)))
    rows.append(row(RowKind.TOTAL, units, "总计", "全部单位"))
    if (
        previous is not None
        and previous.units
        and any(f.id in previous.spec.fields for f in columns)
    ):
        # last year's totals, for the columns last year's format has too
        last = add_up(previous.units, previous.spec, "summary.previous").figures
        blank = Figure("", None, "")
        figures = tuple(last.get(f.id, blank) for f in columns)
        name = f"上年总计（{previous.year} 年度）"
        rows.append(SummaryRow(RowKind.PREVIOUS, None, "", name, "全部单位", figures))
    return Summary(columns, tuple(rows))
