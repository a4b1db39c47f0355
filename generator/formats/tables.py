"""Statistical tables of a format: header cells, row labels, data columns, and their cells.

A table is defined once (in format.toml) and laid out here, once: the fill-in workbook shows it
cell for cell as it is printed, the reader finds each value by the same positions, and the report
prints the same header and label cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.base.a1 import column_letters
from generator.base.grid import span_starts
from generator.formats.kinds import KINDS, FieldKind


@dataclass(frozen=True, slots=True)
class Span:
    """A cell of a table: where it starts (row and column within the table) and its size."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True, slots=True)
class Column:
    """A data column: its key, printed width in characters, the columns it totals, its kind and unit."""

    key: str
    width: int
    sum: tuple[str, ...] = ()
    kind: FieldKind = KINDS["count"]
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    """A data row: its key, its labels (one per label level) and the rows it totals."""

    key: str
    labels: tuple[str, ...]
    sum: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    """One statistical table placed on a sheet from row `top` (its first header row)."""

    id: str
    sheet: str
    top: int
    label_widths: tuple[int, ...]
    header: tuple[tuple[Span, ...], ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def width(self) -> int:
        return len(self.label_widths) + len(self.columns)

    @property
    def widths(self) -> tuple[int, ...]:
        return (*self.label_widths, *(c.width for c in self.columns))

    @property
    def body_top(self) -> int:
        return self.top + len(self.header)

    @property
    def bottom(self) -> int:
        return self.body_top + len(self.rows) - 1

    @cached_property
    def header_spans(self) -> list[Span]:
        """The header cells with their columns worked out."""
        sizes = [[(cell.rows, cell.cols) for cell in row] for row in self.header]
        starts = span_starts(sizes, self.width)
        return [
            Span(r, c, cell.text, cell.rows, cell.cols)
            for r, (row, cols) in enumerate(zip(self.header, starts, strict=True))
            for cell, c in zip(row, cols, strict=True)
        ]

    @cached_property
    def label_spans(self) -> list[Span]:
        """The row-label cells: a label shared by consecutive rows is one merged cell."""
        levels = len(self.label_widths)
        spans = []
        for i, row in enumerate(self.rows):
            for j, text in enumerate(row.labels):
                if j == len(row.labels) - 1:
                    spans.append(Span(i, j, text, 1, levels - j))
                    continue
                prefix = row.labels[: j + 1]
                if i and self._shares(self.rows[i - 1], prefix):
                    continue
                count = 1
                while i + count < len(self.rows) and self._shares(self.rows[i + count], prefix):
                    count += 1
                spans.append(Span(i, j, text, count, 1))
        return spans

    @staticmethod
    def _shares(row: Row, prefix: tuple[str, ...]) -> bool:
        return len(row.labels) > len(prefix) and row.labels[: len(prefix)] == prefix

    def column_letter(self, column: int) -> str:
        """The sheet column of a table column (labels first, then data)."""
        return column_letters(column + 1)

    def data_ref(self, row: int, column: int) -> str:
        return f"{self.column_letter(len(self.label_widths) + column)}{self.body_top + row}"

    def column_name(self, column: int) -> str:
        """A data column as messages name it: its header (结果维持), or where that repeats in the
        table, the path of headers above it (行政诉讼·未经复议直接起诉·结果维持)."""
        return self._column_names[column]

    def column_header(self, column: int) -> tuple[str, str, str]:
        """(cell, text) of the lowest header cell over a data column, and the column's name.

        The name is the path of header texts over the column, leaving out wide cells that span
        every data column (captions such as 申请人情况), e.g. 行政诉讼·未经复议直接起诉·结果维持.
        """
        return self._column_headers[column]

    @cached_property
    def _column_headers(self) -> tuple[tuple[str, str, str], ...]:
        headers = []
        for column in range(len(self.columns)):
            col = len(self.label_widths) + column
            covering = [s for s in self.header_spans if s.col <= col < s.col + s.cols]
            lowest = max(covering, key=lambda s: s.row)
            path = [s.text for s in covering if s.cols == 1 or s.cols < len(self.columns)]
            ref = f"{self.column_letter(lowest.col)}{self.top + lowest.row}"
            headers.append((ref, lowest.text, "·".join(path)))
        return tuple(headers)

    @cached_property
    def _column_names(self) -> tuple[str, ...]:
        texts = [text for _, text, _ in self._column_headers]
        names = []
        for _, _, path in self._column_headers:
            lowest = path.rsplit("·", 1)[-1]
            names.append(path if texts.count(lowest) > 1 else lowest)
        return tuple(names)


def table_from_data(data: dict[str, Any], sheet: str, top: int) -> TableSpec:
    """A table from its format.toml entry, placed from row `top` of the sheet."""
    header = tuple(
        tuple(
            Span(0, 0, cell["text"], int(cell.get("rows", 1)), int(cell.get("cols", 1)))
            for cell in row
        )
        for row in data["header"]
    )
    width = int(data.get("column_width", 5))
    kind, unit = data.get("kind", "count"), data.get("unit", "")
    return TableSpec(
        id=data["id"],
        sheet=sheet,
        top=top,
        label_widths=tuple(int(w) for w in data.get("label_widths", ())),
        header=header,
        columns=tuple(
            Column(
                c["key"],
                int(c.get("width", width)),
                tuple(c.get("sum", ())),
                KINDS[c.get("kind", kind)],
                c.get("unit", unit),
            )
            for c in data["columns"]
        ),
        rows=tuple(
            Row(r["key"], tuple(r.get("labels", ())), tuple(r.get("sum", ()))) for r in data["rows"]
        ),
    )
