"""Where each cell of a table sits once merged cells are accounted for (as in HTML tables)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.document.model import Cell, Table


class TableShapeError(ValueError):
    """A table's cells do not fill its grid exactly (a developer's mistake)."""


@dataclass(frozen=True, slots=True)
class Placed:
    """A cell and the row and column of its top-left corner."""

    row: int
    col: int
    cell: Cell


def place(table: Table) -> list[Placed]:
    """Every cell with its position; checks that the cells tile the grid exactly."""
    rows = (*table.header, *table.body)
    taken = [[False] * table.columns for _ in rows]
    placed: list[Placed] = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while c < table.columns and taken[r][c]:
                c += 1
            if c + cell.col_span > table.columns or r + cell.row_span > len(rows):
                raise TableShapeError(f"cell {cell.text!r} at row {r} overflows the table")
            for rr in range(r, r + cell.row_span):
                for cc in range(c, c + cell.col_span):
                    if taken[rr][cc]:
                        raise TableShapeError(f"cell {cell.text!r} overlaps another at row {rr}")
                    taken[rr][cc] = True
            placed.append(Placed(r, c, cell))
            c += cell.col_span
    if not all(all(row) for row in taken):
        raise TableShapeError("the cells leave part of the table empty")
    return placed
