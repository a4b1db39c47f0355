"""From units to the report document: derive the figures, fill the tables, render the template."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from generator.check.units import PreviousYear
from generator.compute.compare import LastYear
from generator.compute.derive import derive
from generator.document.compose import compose
from generator.document.model import Document
from generator.document.tables import report_tables
from generator.formats.spec import FormatSpec
from generator.read.unit import UnitData


def report_document(
    units: Sequence[UnitData],
    body: UnitData,
    spec: FormatSpec,
    year: int,
    *,
    aggregate: bool,
    previous: PreviousYear | None = None,
) -> Document:
    """The report on these units, with `body` as the reporting unit.

    An `aggregate` report is the office's, over every unit, with breakdowns by group. With
    `previous` (last year's same units), the headlines are compared with last year's.
    """
    last_year = (
        LastYear.of(previous.units, previous.spec, previous.year)
        if previous is not None and previous.units
        else None
    )
    data = derive(units, body, spec, year, aggregate=aggregate, last_year=last_year)
    document = compose(
        spec.folder, spec.template, data.context, report_tables(spec, data.totals.figures)
    )
    return dataclasses.replace(document, charts=data.charts, comparisons=data.comparisons)
