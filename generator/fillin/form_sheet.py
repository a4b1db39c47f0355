"""A form sheet of the fill-in workbook: one item per row, label to the left of its input."""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.base.a1 import column_index, column_letters
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
from generator.formats.kinds import Reads
from generator.formats.spec import LABEL_COLUMN, Field, FormatSpec, SheetSpec

LABEL_WIDTH, VALUE_WIDTH, TEXT_WIDTH, UNIT_WIDTH, HELP_WIDTH, HEADING_WIDTH = 40, 16, 60, 6, 36, 28


def _columns(sheet: SheetSpec) -> tuple[str, str | None, str]:
    """(value, unit or None, help) columns of a form sheet."""
    value = column_index(sheet.value_column)
    has_units = any(item.unit for item in sheet.items)
    unit = column_letters(value + 1) if has_units else None
    help_column = column_letters(value + (2 if has_units else 1))
    return sheet.value_column, unit, help_column


def form_sheet(ws: Worksheet, sheet: SheetSpec, spec: FormatSpec) -> None:
    """Title, column heads, then one row per item: label, input, unit, help."""
    value_col, unit_col, help_col = _columns(sheet)
    last_col = help_col
    ws.merge_cells(f"A1:{last_col}1")
    label(ws["A1"], sheet.title, TITLE_FONT, CENTER)
    ws.row_dimensions[1].height = 30
    heads = {LABEL_COLUMN: "项目", value_col: "填写内容", help_col: "填写说明"}
    if unit_col:
        heads[unit_col] = "单位"
    for item in sheet.items:
        if item.heading_column:
            heads[item.heading_column] = "小标题（列表行）"
    for col in range(1, column_index(last_col) + 1):
        letter = column_letters(col)
        label(ws[f"{letter}2"], heads.get(letter, ""), BOLD, CENTER, HEADING_FILL)
    validations: dict[object, DataValidation] = {}
    for item in sheet.items:
        _item_rows(ws, item, spec, value_col, unit_col, help_col, validations)
    for rule in validations.values():
        ws.add_data_validation(rule)
    widths = {
        LABEL_COLUMN: LABEL_WIDTH,
        value_col: TEXT_WIDTH if sheet.value_column != "B" else VALUE_WIDTH,
        help_col: HELP_WIDTH,
    }
    if unit_col:
        widths[unit_col] = UNIT_WIDTH
    for col in range(2, column_index(value_col)):
        widths[column_letters(col)] = HEADING_WIDTH
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A3"
    protect_and_print(ws, f"A1:{last_col}{sheet.last_row}", fit_height=sheet.value_column == "B")


def _item_rows(
    ws: Worksheet,
    item: Field,
    spec: FormatSpec,
    value_col: str,
    unit_col: str | None,
    help_col: str,
    validations: dict[object, DataValidation],
) -> None:
    row = item.row
    if not item.kind.has_value:
        ws.merge_cells(f"A{row}:{help_col}{row}")
        label(ws[f"A{row}"], item.label, BOLD, WRAP, HEADING_FILL)
        return
    label(ws[f"A{row}"], item.label, BOLD if item.kind.reads is Reads.LIST else FONT, WRAP)
    ws.row_dimensions[row].height = height((item.label, LABEL_WIDTH), (item.help, HELP_WIDTH))
    if unit_col:
        label(ws[f"{unit_col}{row}"], item.unit, FONT, CENTER)
    label(ws[f"{help_col}{row}"], item.help, FONT, WRAP)
    if item.kind.reads is Reads.LIST:
        for col in range(2, column_index(help_col) + 1):
            letter = column_letters(col)
            if letter not in (unit_col, help_col):
                label(ws[f"{letter}{row}"], "", FONT, WRAP, HEADING_FILL)
        for number, (heading_ref, text_ref) in enumerate(item.list_refs(), start=1):
            r = item.row + number
            label(ws[f"A{r}"], f"第{number}段", FONT, CENTER)
            for ref in (heading_ref, text_ref):
                if ref:
                    input_cell(ws[ref], item.kind)
                    validation_for(validations, item.kind, spec).add(ref)
            if unit_col:
                label(ws[f"{unit_col}{r}"], "", FONT, CENTER)
            label(ws[f"{help_col}{r}"], "", FONT, WRAP)
        return
    for col in range(2, column_index(value_col)):
        label(ws[f"{column_letters(col)}{row}"], "", FONT, WRAP)
    cell = ws[item.ref]
    if item.kind.computed:
        total_cell(cell, item, spec)
        return
    input_cell(cell, item.kind)
    validation_for(validations, item.kind, spec).add(item.ref)
