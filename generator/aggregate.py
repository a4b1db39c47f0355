"""Add up the units: totals of every numeric field, over all units and over each breakdown group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.figures import Figure, number
from generator.formats.spec import SUMMED_KINDS, FormatSpec, Kind
from generator.problems import Location
from generator.read.unit import UnitData


@dataclass(frozen=True)
class Totals:
    """Every summed field over a set of units, as figures with their source cells."""

    figures: dict[str, Figure]

    def __getitem__(self, field_id: str) -> Figure:
        return self.figures[field_id]


def add_up(units: Sequence[UnitData], spec: FormatSpec, prefix: str) -> Totals:
    """Totals of the numeric fields over these units; a total field is the sum of its parts."""
    figures: dict[str, Figure] = {}
    fields = spec.fields
    for item in fields.values():
        if item.kind not in SUMMED_KINDS or item.kind is Kind.TOTAL:
            continue
        value = Decimal(0)
        sources: list[Location] = []
        for unit in units:
            cell = unit.values.get(item.id)
            if cell is not None and cell.value is not None:
                value += Decimal(cell.value)
                sources.append(cell.location)
        figures[item.id] = number(f"{prefix}.{item.id}", value, tuple(sources))
    for item in fields.values():
        if item.kind is Kind.TOTAL:
            figures[item.id] = _sum_of_parts(item.id, spec, figures, prefix)
    return Totals(figures)


def _sum_of_parts(
    field_id: str, spec: FormatSpec, figures: dict[str, Figure], prefix: str
) -> Figure:
    item = spec.field(field_id)
    parts = [
        figures[p] if p in figures else _sum_of_parts(p, spec, figures, prefix) for p in item.sum
    ]
    value = sum((p.value for p in parts if isinstance(p.value, Decimal)), Decimal(0))
    sources = tuple(loc for p in parts for loc in p.sources)
    return number(f"{prefix}.{field_id}", value, sources)


def units_in_group(units: Sequence[UnitData], levels: Sequence[str]) -> list[UnitData]:
    """The units whose level is one of these."""
    return [u for u in units if u.level in levels]
