"""The fill-in workbook office staff receive: labels locked, inputs highlighted and validated.

Positions come from the format spec, the same objects the reader uses, so a workbook written
here is always read back cell for cell.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from generator import limits
from generator.document.layout import display_width
from generator.formats.spec import LABEL_COLUMN, Field, FormatSpec, Kind, Sheet
from generator.forms.cells import set_text
from generator.read.xlsx import column_index, column_letters
from generator.writers.package import normalize_package

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
TOTAL_FILL = PatternFill("solid", fgColor="E2EFDA")
HEADING_FILL = PatternFill("solid", fgColor="D9E1F2")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=11)
BOLD = Font(name="宋体", size=11, bold=True)
TITLE_FONT = Font(name="黑体", size=14, bold=True)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
UNLOCKED = Protection(locked=False)
INSTRUCTIONS_SHEET = "填表说明"
LABEL_WIDTH, VALUE_WIDTH, TEXT_WIDTH, UNIT_WIDTH, HELP_WIDTH, HEADING_WIDTH = 40, 16, 60, 6, 36, 28
LINE_HEIGHT = 15  # points per line of 11-point text
FIXED_TIME = dt.datetime(2000, 1, 1)

_NUMBER_FORMATS = {Kind.COUNT: "0", Kind.TOTAL: "0", Kind.YEAR: "0", Kind.AMOUNT: "General"}
_PROMPTS = {
    Kind.COUNT: ("填写整数", "请填写不小于 0 的整数；没有发生的填 0，不要留空。"),
    Kind.AMOUNT: ("填写金额", "请填写不小于 0 的数，可以有小数；没有的填 0。"),
    Kind.YEAR: ("填写年份", "请填写四位年份，如 2018。"),
    Kind.DATE: ("填写日期", "请填写日期，如 2019年3月20日。"),
}


def new_form(
    spec: FormatSpec,
    unit: str | None = None,
    level: str | None = None,
    year: int | None = None,
    notice: Mapping[str, str] | None = None,
) -> bytes:
    """A blank fill-in workbook, optionally with the unit's name, level and year filled in.

    `notice` may replace the instructions' "deadline" and "contact" lines with the office's own.
    """
    book = Workbook()
    book.remove(book.active)
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET), spec, notice or {})
    for sheet in spec.sheets:
        _data_sheet(book.create_sheet(sheet.name), sheet, spec)
    prefill = {"unit.name": unit, "unit.level": level, "unit.year": year}
    _fill(book, spec, {k: v for k, v in prefill.items() if v is not None}, {})
    return save(book)


def fill_form(
    data: bytes,
    spec: FormatSpec,
    values: Mapping[str, object],
    lists: Mapping[str, Sequence[tuple[str | None, str | None]]] | None = None,
) -> bytes:
    """A copy of a fill-in workbook with input cells set, as a person would type them."""
    book = load_workbook(io.BytesIO(data))
    _fill(book, spec, values, lists or {})
    return save(book)


def save(book: Workbook) -> bytes:
    """The workbook as deterministic bytes (fixed properties and zip metadata)."""
    book.properties.creator = "gen-report"
    book.properties.lastModifiedBy = "gen-report"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)  # stamps properties.modified with the current time
    book.properties.modified = FIXED_TIME
    core = tostring(book.properties.to_tree())
    return normalize_package(buffer.getvalue(), {"docProps/core.xml": core})


def write_new(path: Path, data: bytes) -> bool:
    """Write a new file; never overwrite one that exists (returns False then)."""
    try:
        with path.open("xb") as handle:
            handle.write(data)
    except FileExistsError:
        return False
    return True


def _fill(
    book: Workbook,
    spec: FormatSpec,
    values: Mapping[str, object],
    lists: Mapping[str, Sequence[tuple[str | None, str | None]]],
) -> None:
    fields = spec.fields
    for field_id, value in values.items():
        item = fields[field_id]
        _set(book[item.sheet][item.ref], value)
    for field_id, rows in lists.items():
        item = fields[field_id]
        sheet = book[item.sheet]
        refs = item.list_refs()
        if len(rows) > len(refs):
            raise ValueError(f"{field_id}: {len(rows)} rows, the form has {len(refs)}")
        for (heading_ref, text_ref), (heading, text) in zip(refs, rows, strict=False):
            if heading_ref:
                _set(sheet[heading_ref], heading)
            _set(sheet[text_ref], text)


def _set(cell: Cell, value: object) -> None:
    if value is None:
        cell.value = None
    elif isinstance(value, str):
        set_text(cell, value)
    elif isinstance(value, Decimal):
        cell.value = int(value) if value == value.to_integral_value() else float(value)
    else:
        cell.value = value


def _columns(sheet: Sheet) -> tuple[str, str | None, str]:
    """(value, unit or None, help) columns of a form sheet."""
    value = column_index(sheet.value_column)
    has_units = any(item.unit for item in sheet.items)
    unit = column_letters(value + 1) if has_units else None
    help_column = column_letters(value + (2 if has_units else 1))
    return sheet.value_column, unit, help_column


def _data_sheet(ws: Worksheet, sheet: Sheet, spec: FormatSpec) -> None:
    value_col, unit_col, help_col = _columns(sheet)
    last_col = help_col
    ws.merge_cells(f"A1:{last_col}1")
    _label(ws["A1"], sheet.title, TITLE_FONT, CENTER)
    ws.row_dimensions[1].height = 30
    heads = {LABEL_COLUMN: "项目", value_col: "填写内容", help_col: "填写说明"}
    if unit_col:
        heads[unit_col] = "单位"
    for item in sheet.items:
        if item.heading_column:
            heads[item.heading_column] = "小标题（列表行）"
    for col in range(1, column_index(last_col) + 1):
        letter = column_letters(col)
        _label(ws[f"{letter}2"], heads.get(letter, ""), BOLD, CENTER, HEADING_FILL)
    validations: dict[str, DataValidation] = {}
    for item in sheet.items:
        _item_rows(ws, item, spec, value_col, unit_col, help_col, validations)
    for validation in validations.values():
        ws.add_data_validation(validation)
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
    _protect_and_print(ws, f"A1:{last_col}{sheet.last_row}", fit_height=sheet.value_column == "B")


def _item_rows(
    ws: Worksheet,
    item: Field,
    spec: FormatSpec,
    value_col: str,
    unit_col: str | None,
    help_col: str,
    validations: dict[str, DataValidation],
) -> None:
    row = item.row
    if item.kind is Kind.HEADING:
        ws.merge_cells(f"A{row}:{help_col}{row}")
        _label(ws[f"A{row}"], item.label, BOLD, WRAP, HEADING_FILL)
        return
    _label(ws[f"A{row}"], item.label, BOLD if item.kind is Kind.LIST else FONT, WRAP)
    ws.row_dimensions[row].height = _height((item.label, LABEL_WIDTH), (item.help, HELP_WIDTH))
    if unit_col:
        _label(ws[f"{unit_col}{row}"], item.unit, FONT, CENTER)
    _label(ws[f"{help_col}{row}"], item.help, FONT, WRAP)
    if item.kind is Kind.LIST:
        for col in range(2, column_index(help_col) + 1):
            letter = column_letters(col)
            if letter not in (unit_col, help_col):
                _label(ws[f"{letter}{row}"], "", FONT, WRAP, HEADING_FILL)
        for number, (heading_ref, text_ref) in enumerate(item.list_refs(), start=1):
            r = item.row + number
            _label(ws[f"A{r}"], f"第{number}段", FONT, CENTER)
            for ref in (heading_ref, text_ref):
                if ref:
                    _input(ws[ref], Kind.TEXT)
                    _validation(validations, Kind.PARAGRAPH, spec).add(ref)
            if unit_col:
                _label(ws[f"{unit_col}{r}"], "", FONT, CENTER)
            _label(ws[f"{help_col}{r}"], "", FONT, WRAP)
        return
    for col in range(2, column_index(value_col)):
        _label(ws[f"{column_letters(col)}{row}"], "", FONT, WRAP)
    cell = ws[item.ref]
    if item.kind is Kind.TOTAL:
        cell.value = "=" + _sum_formula(item, spec)
        cell.number_format = "0"
        cell.fill, cell.border, cell.font, cell.alignment = TOTAL_FILL, BORDER, BOLD, CENTER
        return
    _input(cell, item.kind)
    _validation(validations, item.kind, spec).add(item.ref)


def _sum_formula(item: Field, spec: FormatSpec) -> str:
    fields = spec.fields
    refs = [
        fields[p].ref if fields[p].sheet == item.sheet else f"'{fields[p].sheet}'!{fields[p].ref}"
        for p in item.sum
    ]
    return f"SUM({','.join(refs)})"


def _input(cell: Cell, kind: Kind) -> None:
    cell.fill, cell.border, cell.font, cell.protection = INPUT_FILL, BORDER, FONT, UNLOCKED
    numeric = kind in _NUMBER_FORMATS
    cell.number_format = _NUMBER_FORMATS.get(kind, "@" if kind is not Kind.DATE else "yyyy年m月d日")
    cell.alignment = CENTER if numeric else WRAP


def _label(
    cell: Cell, text: str, font: Font, alignment: Alignment, fill: PatternFill | None = None
) -> None:
    set_text(cell, text) if text else None
    cell.font, cell.alignment, cell.border = font, alignment, BORDER
    if fill is not None:
        cell.fill = fill


def _validation(
    validations: dict[str, DataValidation], kind: Kind, spec: FormatSpec
) -> DataValidation:
    """One validation object per kind of input on a sheet."""
    key = kind.value
    if key in validations:
        return validations[key]
    if kind is Kind.LEVEL:
        validation = DataValidation(type="list", formula1='"' + ",".join(spec.levels) + '"')
        title, prompt = "选择单位层级", "请从下拉列表中选择：" + "、".join(spec.levels)
    elif kind in (Kind.COUNT, Kind.YEAR):
        low, high = ("2000", "2100") if kind is Kind.YEAR else ("0", str(limits.MAX_COUNT * 10))
        validation = DataValidation(type="whole", operator="between", formula1=low, formula2=high)
        title, prompt = _PROMPTS[kind]
    elif kind is Kind.AMOUNT:
        validation = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        title, prompt = _PROMPTS[kind]
    elif kind is Kind.DATE:
        validation = DataValidation(type="date", operator="greaterThan", formula1="36526")
        title, prompt = _PROMPTS[kind]
    else:
        limit = limits.MAX_TEXT_CHARS if kind is Kind.PARAGRAPH else limits.MAX_SHORT_TEXT_CHARS
        validation = DataValidation(
            type="textLength", operator="lessThanOrEqual", formula1=str(limit)
        )
        title, prompt = "填写文字", f"请填写文字，不超过 {limit} 个字；每个单元格一段。"
    validation.allow_blank = True
    validation.showInputMessage = True
    validation.showErrorMessage = True
    validation.promptTitle, validation.prompt = title, prompt
    validation.errorTitle, validation.error = "填写有误", prompt
    validation.errorStyle = "stop"
    validations[key] = validation
    return validation


def _height(*texts: tuple[str, int]) -> float:
    """A row height that shows wrapped texts whole (each with its column width in characters)."""
    lines = max(1, *(-(-display_width(text) // max(1, width - 2)) for text, width in texts))
    return lines * LINE_HEIGHT + 3


def _protect_and_print(ws: Worksheet, area: str, fit_height: bool) -> None:
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.print_area = area
    ws.print_title_rows = "1:2"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True


def _instructions(ws: Worksheet, spec: FormatSpec, notice: Mapping[str, str]) -> None:
    info = {**spec.instructions, **notice}
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 80
    ws.merge_cells("A1:B1")
    _label(ws["A1"], info.get("title", spec.name), TITLE_FONT, CENTER)
    ws.row_dimensions[1].height = 30
    row = 3
    sections = [
        ("填写要求", [[str(n), line] for n, line in enumerate(info.get("purpose", []), start=1)]),
        ("各工作表", info.get("sheets_help", [])),
        ("统计口径", info.get("definitions", [])),
        ("报送", [["报送时间", info.get("deadline", "")], ["联系", info.get("contact", "")]]),
    ]
    for heading, lines in sections:
        ws.merge_cells(f"A{row}:B{row}")
        _label(ws[f"A{row}"], heading, BOLD, WRAP, HEADING_FILL)
        row += 1
        for name, text in lines:
            _label(ws[f"A{row}"], name, FONT, WRAP)
            _label(ws[f"B{row}"], text, FONT, WRAP)
            ws.row_dimensions[row].height = _height((name, 24), (text, 80))
            row += 1
        row += 1
    _protect_and_print(ws, f"A1:B{row}", fit_height=True)
