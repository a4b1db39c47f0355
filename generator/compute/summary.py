"""The office's summary: every unit's figures side by side, subtotals by level, groups, total.

Computed in the pipeline (compute.aggregate.summarize); the 汇总表 writer only lays it out.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from generator.compute.figures import Figure
from generator.formats.spec import Field


class RowKind(enum.StrEnum):
    UNIT = "unit"
    SUBTOTAL = "subtotal"  # the units of one level
    GROUP = "group"  # a breakdown of the format (市本级 …)
    TOTAL = "total"  # every unit
    PREVIOUS = "previous"  # every unit last year


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One row: who it covers and a figure for each column."""

    kind: RowKind
    number: int | None  # 序号, for unit rows
    file: str
    name: str
    level: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class Summary:
    """The summed fields as columns, and the rows: units by level, subtotals, groups, total."""

    columns: tuple[Field, ...]
    rows: tuple[SummaryRow, ...]
