"""From units to the report document: derive the figures, fill the tables, render the template."""

from __future__ import annotations

from collections.abc import Sequence

from generator.compute.derive import derive
from generator.document.compose import compose
from generator.document.model import Document
from generator.document.tables import report_tables
from generator.formats.spec import FormatSpec
from generator.read.unit import UnitData


def report_document(
    units: Sequence[UnitData], body: UnitData, spec: FormatSpec, year: int, *, aggregate: bool
) -> Document:
    """The report on these units, with `body` as the reporting unit.

    An `aggregate` report is the office's, over every unit, with breakdowns by group.
    """
    data = derive(units, body, spec, year, aggregate=aggregate)
    return compose(
        spec.folder, spec.template, data.context, report_tables(spec, data.totals.figures)
    )
