"""Year over year (同比): the headline figures of this year and last year, and how they changed.

A headline is compared with last year's headline of the same key, whatever last year's format.
A count's change is its difference and the difference as a percentage of last year's count,
rounded half up to one decimal; when last year's count is 0 there is no percentage (only the
two counts). A rate's change is the difference of the two printed rates, in percentage points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.base.numbers import format_decimal, round_half_up
from generator.base.problems import Location
from generator.compute import figures
from generator.compute.aggregate import Totals, add_up
from generator.compute.figures import Figure
from generator.formats.spec import FormatSpec, Headline
from generator.read.unit import UnitData

RATE_DECIMALS = 1


@dataclass(frozen=True, slots=True)
class Comparison:
    """A headline figure this year and last year; `change` and `rate` are unsigned, as printed
    after 增加/减少 and 增长/下降."""

    key: str
    label: str
    unit: str
    current: Figure
    previous: Figure
    change: Figure
    rate: Figure | None
    """|change| ÷ last year × 100; None for a rate headline or when last year is 0."""
    points: bool
    """The headline is a rate: `change` is in percentage points."""
    years: tuple[str, str] = ("", "")
    """This year and last year, as the 图解 and the 汇总表 name them: 2025年, 2024年."""

    @property
    def increased(self) -> bool:
        return self._difference > 0

    @property
    def decreased(self) -> bool:
        return self._difference < 0

    @property
    def same(self) -> bool:
        return self._difference == 0

    @property
    def _difference(self) -> Decimal:
        assert isinstance(self.current.value, Decimal) and isinstance(self.previous.value, Decimal)
        return self.current.value - self.previous.value


@dataclass(frozen=True)
class LastYear:
    """Last year's totals (their sources named with last year), its format and its year."""

    spec: FormatSpec
    year: int
    totals: Totals

    @classmethod
    def of(cls, units: Sequence[UnitData], spec: FormatSpec, year: int) -> LastYear:
        totals = add_up(units, spec, "previous")
        return cls(spec, year, Totals({k: _last_years(f, year) for k, f in totals.figures.items()}))


def _last_years(figure: Figure, year: int) -> Figure:
    """The figure with its sources named as 2024年度 file, as the checks across years do."""
    sources = tuple(Location(f"{year}年度 {s.file}", s.sheet, s.cell) for s in figure.sources)
    return Figure(figure.name, figure.value, figure.text, sources)


def headline_figures(totals: Totals, spec: FormatSpec, prefix: str) -> dict[str, Figure]:
    """Each headline of the format, by key, from these totals."""
    return {h.key: _headline(totals, h, f"{prefix}.{h.key}") for h in spec.headlines}


def _headline(totals: Totals, headline: Headline, name: str) -> Figure:
    part = totals.sum(headline.sum, name)
    if not headline.is_rate:
        return part
    return figures.percent(name, part, totals.sum(headline.base, name), headline.decimals)


def compare(
    spec: FormatSpec,
    current: dict[str, Figure],
    previous: dict[str, Figure],
    year: int,
) -> dict[str, Comparison]:
    """The comparison of every headline of this year's format that last year also had."""
    result = {}
    years = (f"{year}年", f"{year - 1}年")
    for headline in spec.headlines:
        if headline.key not in previous:
            continue
        now, last = current[headline.key], previous[headline.key]
        last = _renamed(last, f"yoy.{headline.key}")
        result[headline.key] = _comparison(headline, now, last, years)
    return result


def _renamed(figure: Figure, name: str) -> Figure:
    return Figure(f"{name}.previous", figure.value, figure.text, figure.sources)


def _comparison(
    headline: Headline, now: Figure, last: Figure, years: tuple[str, str]
) -> Comparison:
    assert isinstance(now.value, Decimal) and isinstance(last.value, Decimal)
    name, sources = f"yoy.{headline.key}", now.sources + last.sources
    difference = abs(now.value - last.value)
    change = Figure(f"{name}.change", difference, format_decimal(difference), sources)
    rate = None
    if not headline.is_rate and last.value != 0:
        share = round_half_up(difference * 100 / last.value, RATE_DECIMALS)
        rate = Figure(f"{name}.rate", share, f"{share}%", sources)
    return Comparison(
        headline.key,
        headline.label,
        headline.unit,
        now,
        last,
        change,
        rate,
        headline.is_rate,
        years,
    )
