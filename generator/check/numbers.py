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
