"""Derive what the report prints: totals, breakdowns, shares, the reporting body's own values.

The result is the one context the templates see. Every figure in it is computed and formatted
here, the comparisons with last year (同比) included; templates only choose wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.base.problems import Location
from generator.compute import figures
from generator.compute.aggregate import Totals, add_up, units_in_group
from generator.compute.charts import Chart, charts
from generator.compute.compare import Comparison, LastYear, compare, headline_figures
from generator.compute.figures import Figure
from generator.compute.namespace import Namespace
from generator.formats.kinds import Reads
from generator.formats.spec import FormatSpec
from generator.read.unit import UnitData


@dataclass(frozen=True, slots=True)
class ParagraphItem:
    """One paragraph of a narrative list: an optional run-in heading, then text."""

    heading: Figure | None
    text: Figure | None


@dataclass(frozen=True)
class ReportData:
    """What one report is made from: the totals (for its tables), the template context, the
    comparisons with last year and the charts."""

    totals: Totals
    context: dict[str, Any]
    comparisons: tuple[Comparison, ...] = ()
    charts: tuple[Chart, ...] = ()


def derive(
    units: Sequence[UnitData],
    body: UnitData,
    spec: FormatSpec,
    year: int,
    *,
    aggregate: bool,
    last_year: LastYear | None = None,
) -> ReportData:
    """The context for a report on these units, with `body` as the reporting unit.

    An `aggregate` report (the office's, over every unit) also has the breakdowns by group.
    With `last_year` (the same units' totals last year), the headlines are compared (同比).
    """
    totals = add_up(units, spec, "total")
    headlines = headline_figures(totals, spec, "headline")
    comparisons = (
        compare(
            spec,
            headlines,
            headline_figures(last_year.totals, last_year.spec, "previous"),
            year,
        )
        if last_year is not None
        else {}
    )
    groups = (
        {
            group.key: Namespace.from_dotted(
                add_up(units_in_group(units, group.levels), spec, f"group.{group.key}").figures
            )
            for group in spec.groups
        }
        if aggregate
        else {}
    )
    year_cell = body.values.get("unit.year")
    context = {
        "year": figures.number("year", Decimal(year), (year_cell.location,) if year_cell else ()),
        "aggregate": aggregate,
        "total": Namespace.from_dotted(totals.figures),
        "group": Namespace(groups),
        "share": Namespace.from_dotted(_shares(totals, spec)),
        "body": Namespace.from_dotted(_body_figures(body, spec)),
        "headline": Namespace(headlines),
        "yoy": Namespace({h.key: comparisons.get(h.key) for h in spec.headlines}),
    }
    return ReportData(
        totals, context, tuple(comparisons.values()), charts(spec, totals, year, last_year)
    )


def _shares(totals: Totals, spec: FormatSpec) -> dict[str, Figure]:
    result: dict[str, Figure] = {}
    for shares in spec.shares:
        base = totals[shares.base]
        for part in shares.parts:
            result[part] = figures.percent(f"share.{part}", totals[part], base, shares.decimals)
    return result


def _body_figures(unit: UnitData, spec: FormatSpec) -> dict[str, Any]:
    result: dict[str, Any] = {}
    own = add_up([unit], spec, "body")
    for item in spec.fields.values():
        name = f"body.{item.id}"
        if item.kind.reads is Reads.LIST:
            result[item.id] = _paragraphs(name, unit.lists.get(item.id, []))
            continue
        cell = unit.values.get(item.id)
        sources = (cell.location,) if cell else ()
        value = cell.value if cell else None
        if item.kind.computed:
            result[item.id] = own[item.id]
        elif isinstance(value, int | Decimal):
            result[item.id] = figures.number(name, Decimal(value), sources)
        elif item.kind.multiline:
            result[item.id] = [figures.text(name, line, sources) for line in _lines(value)]
        else:
            result[item.id] = figures.text(name, value, sources)
    return result


def _lines(value: object) -> list[str]:
    return [line for line in str(value).split("\n") if line] if value else []


def _paragraphs(name: str, rows: Sequence[Any]) -> list[ParagraphItem]:
    """Each row is a paragraph; a line break inside a cell starts another paragraph."""
    items: list[ParagraphItem] = []
    for row in rows:
        sources: tuple[Location, ...] = (row.location,)
        heading = figures.text(name, row.heading, sources) if row.heading else None
        lines = _lines(row.text) or [None]
        for index, line in enumerate(lines):
            body = figures.text(name, line, sources) if line else None
            items.append(ParagraphItem(heading if index == 0 else None, body))
    return items
