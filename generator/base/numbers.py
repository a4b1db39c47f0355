"""Decimal numbers as people write them: rounding half up, no exponent, no trailing zeros."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """Round as people do (四舍五入): 6.25 → 6.3, 0.25 → 0.3."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_decimal(value: Decimal) -> str:
    """A number without exponent or trailing zeros: 781.0 → 781, 4068.2080 → 4068.208."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")
