"""Figures: values printed in the report, already formatted, each with the cells it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.base.numbers import format_decimal, round_half_up
from generator.base.problems import Location

WAN = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class Figure:
    """A printed value: its name, the value, the text printed, and its source cells."""

    name: str
    value: Decimal | str | dt.date | None
    text: str
    sources: tuple[Location, ...] = ()

    def __str__(self) -> str:
        return self.text

    @property
    def is_zero(self) -> bool:
        """True for a number equal to 0 (templates choose wording with it)."""
        return isinstance(self.value, Decimal) and self.value == 0

    @property
    def wan(self) -> Figure:
        """The count in 万, one decimal rounded half up (27,724 → 2.8万); below 10,000 unchanged."""
        if not isinstance(self.value, Decimal) or abs(self.value) < WAN:
            return self
        text = format_decimal(round_half_up(self.value / WAN, 1)) + "万"
        return replace(self, text=text)


def number(name: str, value: Decimal, sources: tuple[Location, ...]) -> Figure:
    """A count or amount, printed in full."""
    return Figure(name, value, format_decimal(value), sources)


def percent(name: str, part: Figure, base: Figure, decimals: int = 1) -> Figure:
    """part ÷ base as a percentage, rounded half up to the given decimals (0 when base is 0)."""
    assert isinstance(part.value, Decimal) and isinstance(base.value, Decimal)
    share = Decimal(0) if base.value == 0 else part.value * 100 / base.value
    rounded = round_half_up(share, decimals)
    return Figure(name, rounded, f"{rounded}%", part.sources + base.sources)


def text(name: str, value: str | dt.date | None, sources: tuple[Location, ...]) -> Figure:
    """A text or date from a workbook, printed as written (dates as 2019年3月20日)."""
    if isinstance(value, dt.date):
        return Figure(name, value, f"{value.year}年{value.month}月{value.day}日", sources)
    return Figure(name, value, value or "", sources)
