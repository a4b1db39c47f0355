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
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring

from generator.base.ooxml_package import normalize_package
from generator.fillin.cells import set_text
from generator.fillin.form_sheet import form_sheet
from generator.fillin.style import (
    BOLD,
    CENTER,
    FONT,
    HEADING_FILL,
    TITLE_FONT,
    WRAP,
    height,
    label,
    protect_and_print,
)
from generator.fillin.table_sheet import table_sheet
from generator.formats.spec import FormatSpec

INSTRUCTIONS_SHEET = "填表说明"
FIXED_TIME = dt.datetime(2000, 1, 1)


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
        draw = table_sheet if sheet.tables else form_sheet
        draw(book.create_sheet(sheet.name), sheet, spec)
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
    return normalize_package(buffer.getvalue(), {"docProps/core.xml": core}, plain_text=True)


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


def _instructions(ws: Worksheet, spec: FormatSpec, notice: Mapping[str, str]) -> None:
    info = {**spec.instructions, **notice}
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 80
    ws.merge_cells("A1:B1")
    label(ws["A1"], info.get("title", spec.name), TITLE_FONT, CENTER)
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
        label(ws[f"A{row}"], heading, BOLD, WRAP, HEADING_FILL)
        row += 1
        for name, text in lines:
            label(ws[f"A{row}"], name, FONT, WRAP)
            label(ws[f"B{row}"], text, FONT, WRAP)
            ws.row_dimensions[row].height = height((name, 24), (text, 80))
            row += 1
        row += 1
    protect_and_print(ws, f"A1:B{row}", fit_height=True)
