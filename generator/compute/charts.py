"""The 图解's charts: each bar's figure this year and, when last year has its fields, last year."""

from __future__ import annotations

from dataclasses import dataclass

from generator.compute.aggregate import Totals
from generator.compute.compare import LastYear
from generator.compute.figures import Figure
from generator.formats.spec import ChartSpec, FormatSpec


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    figure: Figure
    previous: Figure | None = None


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart: its title, the unit of its numbers, its bars, and the years they are for."""

    title: str
    unit: str
    bars: tuple[Bar, ...]
    year: str
    """How the bars of this year are named in the legend: 2025年."""
    previous_year: str | None = None
    """Last year's name when some bar has last year's figure."""


def charts(
    spec: FormatSpec,
    totals: Totals,
    year: int,
    previous: LastYear | None = None,
) -> tuple[Chart, ...]:
    """Every chart of the format, with last year's bars for fields last year's format has."""
    return tuple(_chart(c, index, totals, year, previous) for index, c in enumerate(spec.charts))


def _chart(
    chart: ChartSpec,
    index: int,
    totals: Totals,
    year: int,
    previous: LastYear | None,
) -> Chart:
    bars = []
    for number, (label, fields) in enumerate(chart.bars):
        name = f"chart.{index}.{number}"
        last = None
        if previous is not None and all(f in previous.totals.figures for f in fields):
            last = previous.totals.sum(fields, f"{name}.previous")
        bars.append(Bar(label, totals.sum(fields, name), last))
    compared = previous is not None and any(b.previous is not None for b in bars)
    last_year = f"{previous.year}年" if compared and previous else None
    return Chart(chart.title, chart.unit, tuple(bars), f"{year}年", last_year)
