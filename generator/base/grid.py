"""Placing merged cells on a grid, row by row, as HTML tables do."""

from __future__ import annotations

from collections.abc import Sequence


class GridError(ValueError):
    """Cells do not tile the grid exactly (a developer's mistake in a table definition)."""


def span_starts(rows: Sequence[Sequence[tuple[int, int]]], columns: int) -> list[list[int]]:
    """The starting column of each cell, given each cell's (row span, column span).

    A cell takes the first free column of its row; positions covered by cells from earlier rows
    are skipped. Every position must be covered exactly once.
    """
    taken = [[False] * columns for _ in rows]
    starts: list[list[int]] = []
    for r, row in enumerate(rows):
        c = 0
        row_starts = []
        for row_span, col_span in row:
            while c < columns and taken[r][c]:
                c += 1
            if c + col_span > columns or r + row_span > len(rows):
                raise GridError(f"a cell of row {r} overflows the grid")
            for rr in range(r, r + row_span):
                for cc in range(c, c + col_span):
                    if taken[rr][cc]:
                        raise GridError(f"a cell of row {r} overlaps another at row {rr}")
                    taken[rr][cc] = True
            row_starts.append(c)
            c += col_span
        starts.append(row_starts)
    if not all(all(row) for row in taken):
        raise GridError("the cells leave part of the grid empty")
    return starts
