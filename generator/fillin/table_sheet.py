"""A table sheet of the fill-in workbook: the statistical tables laid out as they are printed."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.base.a1 import column_letters
from generator.fillin.style import (
    BOLD,
    CENTER,
    FONT,
    HEADING_FILL,
    TITLE_FONT,
    WRAP,
    height,
    input_cell,
    label,
    protect_and_print,
    total_cell,
    validation_for,
)
from generator.formats.spec import FormatSpec, SheetSpec

EXCEL_UNITS_PER_CHARACTER = 2.2
"""Excel column width units per printed character of a table (a Chinese character is ~2)."""

PORTRAIT_COLUMNS = 8
"""Sheets with more columns than this print in landscape."""


def table_sheet(ws: Worksheet, sheet: SheetSpec, spec: FormatSpec) -> None:
    """The sheet's title, then each table: header cells, row labels, inputs and totals."""
    width = max(t.width for t in sheet.tables)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    label(ws.cell(1, 1), sheet.title, TITLE_FONT, CENTER)
    ws.row_dimensions[1].height = 30
    fields = {f.id: f for f in sheet.fields}
    validations: dict[object, DataValidation] = {}
    widths = [0.0] * width
    for table in sheet.tables:
        for index, characters in enumerate(table.widths):
            widths[index] = max(widths[index], characters * EXCEL_UNITS_PER_CHARACTER)
        for span in table.header_spans:
            _merged(ws, table.top + span.row, span, BOLD, CENTER, HEADING_FILL)
        for index in range(len(table.header)):
            ws.row_dimensions[table.top + index].height = height(
                *(
                    (
                        s.text,
                        round(
                            sum(table.widths[s.col : s.col + s.cols]) * EXCEL_UNITS_PER_CHARACTER
                        ),
                    )
                    for s in table.header_spans
                    if s.row == index and s.rows == 1
                ),
            )
        for span in table.label_spans:
            _merged(ws, table.body_top + span.row, span, FONT, WRAP, None)
        for r, row in enumerate(table.rows):
            for column in table.columns:
                item = fields[f"{table.id}.{row.key}.{column.key}"]
                if item.kind.computed:
                    total_cell(ws[item.ref], item, spec)
                else:
                    input_cell(ws[item.ref], item.kind)
                    validation_for(validations, item.kind, spec).add(item.ref)
            leaf = row.labels[-1] if row.labels else ""
            span_width = sum(table.label_widths[len(row.labels) - 1 :]) if row.labels else 1
            ws.row_dimensions[table.body_top + r].height = height(
                (leaf, round(span_width * EXCEL_UNITS_PER_CHARACTER))
            )
    for rule in validations.values():
        ws.add_data_validation(rule)
    for index, units in enumerate(widths, start=1):
        ws.column_dimensions[column_letters(index)].width = max(units, 8)
    protect_and_print(
        ws,
        f"A1:{column_letters(width)}{sheet.last_row}",
        fit_height=True,
        landscape=width > PORTRAIT_COLUMNS,
        title_rows="1:1",
    )


def _merged(
    ws: Worksheet, top: int, span, font: Font, alignment: Alignment, fill: PatternFill | None
) -> None:
    """A label cell over its span (every cell of the span gets the border)."""
    first_col = span.col + 1
    if span.rows > 1 or span.cols > 1:
        ws.merge_cells(
            start_row=top,
            start_column=first_col,
            end_row=top + span.rows - 1,
            end_column=first_col + span.cols - 1,
        )
    for r in range(top, top + span.rows):
        for c in range(first_col, first_col + span.cols):
            label(
                ws.cell(r, c),
                span.text if (r, c) == (top, first_col) else "",
                font,
                alignment,
                fill,
            )
