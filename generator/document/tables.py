"""The report's statistical tables: a format's table definitions filled with the figures."""

from __future__ import annotations

from collections.abc import Mapping

from generator.compute.figures import Figure
from generator.document.model import Align, Table, TableCell
from generator.formats.spec import FormatSpec
from generator.formats.tables import TableSpec


def report_tables(spec: FormatSpec, figures: Mapping[str, Figure]) -> dict[str, Table]:
    """Every table of the format, by id, with the figures of the report's units."""
    return {table.id: _table(table, figures) for table in spec.tables.values()}


def _table(table: TableSpec, figures: Mapping[str, Figure]) -> Table:
    header = tuple(
        tuple(
            TableCell(s.text, s.rows, s.cols)
            for s in sorted((s for s in table.header_spans if s.row == r), key=lambda s: s.col)
        )
        for r in range(len(table.header))
    )
    rows = []
    for r, row in enumerate(table.rows):
        labels = sorted((s for s in table.label_spans if s.row == r), key=lambda s: s.col)
        cells = [TableCell(s.text, s.rows, s.cols, Align.LEFT) for s in labels]
        for column in table.columns:
            figure = figures[f"{table.id}.{row.key}.{column.key}"]
            cells.append(TableCell(figure.text, figure=figure))
        rows.append(tuple(cells))
    return Table(header, tuple(rows), table.widths)
