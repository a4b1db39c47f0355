"""A field's number in a unit, as the checks see it: a total is the sum of its parts."""

from __future__ import annotations

from decimal import Decimal

from generator.formats.spec import FormatSpec
from generator.read.unit import UnitData


def field_number(unit: UnitData, field_id: str, spec: FormatSpec) -> Decimal | None:
    """A field's number; a total is the sum of its parts (None when any part is missing)."""
    parts = spec.parts.get(field_id)
    if parts is None:
        value = unit.value(field_id)
        return Decimal(value) if isinstance(value, int | Decimal) else None
    values = [unit.value(part) for part in parts]
    if any(not isinstance(v, int | Decimal) for v in values):
        return None
    return sum((Decimal(v) for v in values), Decimal(0))


def printed_number(unit: UnitData, field_id: str, spec: FormatSpec) -> Decimal | None:
    """A field's number as a report document prints it (a blank total: the sum of its parts);
    for a workbook, the sum of its parts (a stale saved total is reported on its own)."""
    cell = unit.values.get(field_id)
    if (
        cell is not None
        and cell.location.place is not None
        and isinstance(cell.value, int | Decimal)
    ):
        return Decimal(cell.value)
    return field_number(unit, field_id, spec)


def parts_sum(unit: UnitData, field_id: str, spec: FormatSpec) -> Decimal | None:
    """The sum of a total's own parts as printed (one level: a total of totals adds the printed
    totals), None when any part is unknown."""
    values = [printed_number(unit, part, spec) for part in spec.field(field_id).sum]
    if any(v is None for v in values):
        return None
    return sum(values, Decimal(0))  # type: ignore[arg-type]
