"""Where each cell of a document table sits once merged cells are accounted for."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.grid import span_starts
from generator.document.model import Table, TableCell


@dataclass(frozen=True, slots=True)
class Placed:
    """A cell and the row and column of its top-left corner."""

    row: int
    col: int
    cell: TableCell


def placed_cells(table: Table) -> list[Placed]:
    """Every cell with its position; checks that the cells tile the grid exactly."""
    rows = (*table.header, *table.rows)
    starts = span_starts([[(c.row_span, c.col_span) for c in row] for row in rows], table.columns)
    return [
        Placed(r, col, cell)
        for r, (row, row_starts) in enumerate(zip(rows, starts, strict=True))
        for cell, col in zip(row, row_starts, strict=True)
    ]
