"""The look of the workbooks the tool writes: fills, fonts, locking, validation, printing."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.base.textwidth import display_width
from generator.fillin.cells import set_text, sum_formula
from generator.formats.kinds import FieldKind
from generator.formats.spec import Field, FormatSpec

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
LINE_HEIGHT = 15  # points per line of 11-point text


def input_cell(cell: Cell, kind: FieldKind) -> None:
    cell.fill, cell.border, cell.font, cell.protection = INPUT_FILL, BORDER, FONT, UNLOCKED
    cell.number_format = kind.excel_format
    cell.alignment = CENTER if kind.numeric else WRAP


def label(
    cell: Cell, text: str, font: Font, alignment: Alignment, fill: PatternFill | None = None
) -> None:
    set_text(cell, text) if text else None
    cell.font, cell.alignment, cell.border = font, alignment, BORDER
    if fill is not None:
        cell.fill = fill


def validation_for(
    validations: dict[object, DataValidation], kind: FieldKind, spec: FormatSpec
) -> DataValidation:
    """One validation object per kind of input on a sheet (kinds that validate alike share it)."""
    assert kind.validation is not None, f"{kind.name} cells are not filled in"
    key = (kind.validation, kind.prompt)
    if key in validations:
        return validations[key]
    rule = kind.validation
    title, prompt = kind.prompt
    if rule.type == "list":
        validation = DataValidation(type="list", formula1='"' + ",".join(spec.levels) + '"')
        prompt = prompt.format(levels="、".join(spec.levels))
    else:
        validation = DataValidation(
            type=rule.type, operator=rule.operator, formula1=rule.low, formula2=rule.high
        )
    validation.allow_blank = True
    validation.showInputMessage = True
    validation.showErrorMessage = True
    validation.promptTitle, validation.prompt = title, prompt
    validation.errorTitle, validation.error = "填写有误", prompt
    validation.errorStyle = "stop"
    validations[key] = validation
    return validation


def height(*texts: tuple[str, int]) -> float:
    """A row height that shows wrapped texts whole (each with its column width in characters)."""
    lines = max([1, *(-(-display_width(text) // max(1, width - 2)) for text, width in texts)])
    return lines * LINE_HEIGHT + 3


def total_cell(cell: Cell, item: Field, spec: FormatSpec) -> None:
    """A locked, shaded total: a SUM formula people see change while they type."""
    cell.value = sum_formula(item, spec)
    cell.number_format = "0"
    cell.fill, cell.border, cell.font, cell.alignment = TOTAL_FILL, BORDER, BOLD, CENTER


def protect_and_print(
    ws: Worksheet, area: str, fit_height: bool, landscape: bool = False, title_rows: str = "1:2"
) -> None:
    """Protect the sheet (no password) and fit it to A4 for printing."""
    protection = ws.protection
    protection.sheet = True
    protection.formatColumns = False
    protection.formatRows = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if fit_height else 0
    ws.print_area = area
    ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
