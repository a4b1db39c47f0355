"""The office's summary workbook: every unit's figures side by side, the problems, the sources.

Sheets: 汇总 (one row per unit, subtotals by level, breakdowns and the total), 问题清单 (every
problem with its location) and 数据来源 (every figure the report prints and the cells it came from).
Text is always stored as text: a unit called “=1+1” stays “=1+1”.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.aggregate import add_up, units_in_group
from generator.document.model import Document
from generator.formats.spec import SUMMED_KINDS, Field, FormatSpec
from generator.forms.cells import set_text
from generator.forms.style import BOLD, BORDER, CENTER, FONT, HEADING_FILL, TITLE_FONT
from generator.forms.workbook import save
from generator.problems import Problem
from generator.read.unit import UnitData

SUBTOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = PatternFill("solid", fgColor="E2EFDA")
MAX_CELL_TEXT = 32_000
FIXED_COLUMNS = ("序号", "文件", "单位名称", "单位层级")


def render_summary(
    spec: FormatSpec, units: Sequence[UnitData], problems: Sequence[Problem], document: Document
) -> bytes:
    """The summary workbook's bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总"
    _summary_sheet(sheet, spec, units, document.title)
    _problems_sheet(book.create_sheet("问题清单"), problems)
    _sources_sheet(book.create_sheet("数据来源"), document)
    return save(book)


def _numeric_fields(spec: FormatSpec) -> list[Field]:
    return [f for f in spec.fields.values() if f.kind in SUMMED_KINDS]


def _summary_sheet(ws: Worksheet, spec: FormatSpec, units: Sequence[UnitData], title: str) -> None:
    fields = _numeric_fields(spec)
    last = get_column_letter(len(FIXED_COLUMNS) + len(fields))
    ws.merge_cells(f"A1:{last}1")
    _text(ws.cell(1, 1), f"{title}汇总表", TITLE_FONT)
    for column, name in enumerate(FIXED_COLUMNS, start=1):
        ws.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
        _text(ws.cell(2, column), name, BOLD, HEADING_FILL)
    column = len(FIXED_COLUMNS) + 1
    for sheet_name in dict.fromkeys(f.sheet for f in fields):
        group = [f for f in fields if f.sheet == sheet_name]
        ws.merge_cells(
            start_row=2, start_column=column, end_row=2, end_column=column + len(group) - 1
        )
        _text(ws.cell(2, column), sheet_name, BOLD, HEADING_FILL)
        for item in group:
            label = f"{item.label}（{item.unit}）" if item.unit else item.label
            _text(ws.cell(3, column), label, BOLD, HEADING_FILL)
            ws.column_dimensions[get_column_letter(column)].width = 12
            column += 1
    row = 4
    number = 0
    for level in spec.levels:
        members = sorted(units_in_group(units, [level]), key=lambda u: u.name)
        for unit in members:
            number += 1
            _row(ws, row, [str(number), unit.file, unit.name, level], _values(unit, spec, fields))
            row += 1
        if members:
            totals = add_up(members, spec, "level").figures
            _row(
                ws,
                row,
                ["", "", f"小计（{level}）", level],
                [totals[f.id].value for f in fields],
                SUBTOTAL_FILL,
            )
            row += 1
    for group in spec.groups:
        totals = add_up(units_in_group(units, group.levels), spec, "group").figures
        levels = "、".join(group.levels)
        _row(
            ws,
            row,
            ["", "", f"合计（{group.label}）", levels],
            [totals[f.id].value for f in fields],
            SUBTOTAL_FILL,
        )
        row += 1
    totals = add_up(units, spec, "total").figures
    _row(ws, row, ["", "", "总计", "全部单位"], [totals[f.id].value for f in fields], TOTAL_FILL)
    for letter, width in zip("ABCD", (6, 28, 28, 16), strict=True):
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[3].height = 60
    ws.freeze_panes = "E4"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "2:3"


def _values(unit: UnitData, spec: FormatSpec, fields: list[Field]) -> list[Decimal | None]:
    own = add_up([unit], spec, "unit").figures
    return [own[f.id].value for f in fields]


def _row(
    ws: Worksheet, row: int, texts: list[str], numbers: list, fill: PatternFill | None = None
) -> None:
    for column, text in enumerate(texts, start=1):
        _text(ws.cell(row, column), text, BOLD if fill else FONT, fill)
    for column, value in enumerate(numbers, start=len(texts) + 1):
        cell = ws.cell(row, column)
        cell.value = int(value) if value == value.to_integral_value() else float(value)
        cell.font, cell.border, cell.alignment = (BOLD if fill else FONT), BORDER, CENTER
        if fill is not None:
            cell.fill = fill


def _text(cell, text: str, font: Font, fill: PatternFill | None = None) -> None:
    set_text(cell, text[:MAX_CELL_TEXT])
    cell.font, cell.border = font, BORDER
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    if fill is not None:
        cell.fill = fill


def _problems_sheet(ws: Worksheet, problems: Sequence[Problem]) -> None:
    heads = ("级别", "文件", "工作表", "单元格", "说明")
    for column, (head, width) in enumerate(zip(heads, (8, 30, 16, 10, 90), strict=True), start=1):
        _text(ws.cell(1, column), head, BOLD, HEADING_FILL)
        ws.column_dimensions[get_column_letter(column)].width = width
    if not problems:
        _text(ws.cell(2, 1), "无", FONT)
        _text(ws.cell(2, 5), "未发现问题", FONT)
    for row, problem in enumerate(problems, start=2):
        where = problem.location
        values = (
            problem.severity.label,
            where.file if where else "",
            (where.sheet or "") if where else "",
            (where.cell or "") if where else "",
            problem.message,
        )
        for column, value in enumerate(values, start=1):
            _text(ws.cell(row, column), value, FONT)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{max(2, len(problems) + 1)}"


def _sources_sheet(ws: Worksheet, document: Document) -> None:
    heads = ("序号", "报告中的数字或文字", "项目", "来源单元格个数", "来源单元格")
    for column, (head, width) in enumerate(zip(heads, (6, 24, 36, 10, 100), strict=True), start=1):
        _text(ws.cell(1, column), head, BOLD, HEADING_FILL)
        ws.column_dimensions[get_column_letter(column)].width = width
    row = 2
    for _, figure in document.figures():
        sources = "；".join(str(s) for s in figure.sources)
        if len(sources) > MAX_CELL_TEXT:
            sources = sources[: MAX_CELL_TEXT - 20] + f"……等 {len(figure.sources)} 个单元格"
        values = (str(row - 1), figure.text[:200], figure.name, str(len(figure.sources)), sources)
        for column, value in enumerate(values, start=1):
            _text(ws.cell(row, column), value, FONT)
        row += 1
    ws.freeze_panes = "A2"
