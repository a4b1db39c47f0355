"""Problem lists to send back: 问题清单.xlsx (one row per problem, filterable) and one letter per
unit (问题清单/<单位>.txt) that office staff can forward as it is."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from generator.base.problems import Problem, Severity
from generator.check.roster import NOT_SUBMITTED
from generator.formats.spec import FormatSpec
from generator.write.xlsx_lean import CellStyle, Workbook

BOOK = "问题清单.xlsx"
FOLDER = "问题清单"
COLUMNS = (
    ("单位", 26),
    ("文件", 28),
    ("工作表", 14),
    ("单元格", 8),
    ("标签", 28),
    ("说明", 90),
    ("级别", 8),
)
_PARTS = (
    (Severity.ERROR, "必须改正的错误（共 {} 项）"),
    (Severity.WARNING, "请核实的警告（共 {} 项；如确实无误，可不修改）"),
)


class Row(NamedTuple):
    """One problem as the list shows it."""

    unit: str
    file: str
    sheet: str
    cell: str
    label: str
    problem: Problem


def field_labels(spec: FormatSpec) -> dict[tuple[str, str], str]:
    """(sheet, cell) → the label of the field whose value or label is in that cell."""
    labels: dict[tuple[str, str], str] = {}
    for item in spec.fields.values():
        for ref in (*item.value_refs, item.ref, *(ref for ref, _ in item.labels)):
            labels.setdefault((item.sheet, ref), item.label)
    return labels


def rows(
    problems: Iterable[Problem], unit_of_file: Mapping[str, str], spec: FormatSpec
) -> list[Row]:
    """Every problem with its unit (named in the workbook; for a file not read, the file's name,
    so that each such file gets a letter of its own) and label."""
    labels = field_labels(spec)
    result = []
    for problem in problems:
        where = problem.location
        file = where.file if where else ""
        unit = problem.unit or unit_of_file.get(file) or file
        sheet, cell = (where.sheet or "", where.cell or "") if where else ("", "")
        result.append(Row(unit, file, sheet, cell, labels.get((sheet, cell), ""), problem))
    return result


def render_book(listed: Sequence[Row]) -> bytes:
    """问题清单.xlsx: a header row, then one row per problem, with a filter on every column."""
    book = Workbook()
    sheet = book.add("问题清单")
    for column, (head, width) in enumerate(COLUMNS, start=1):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    for number, row in enumerate(listed, start=2):
        values = (*row[:5], row.problem.message, row.problem.severity.label)
        for column, value in enumerate(values, start=1):
            sheet.put(number, column, value)
    sheet.freeze = "A2"
    sheet.filter = f"A1:G{max(2, len(listed) + 1)}"
    sheet.landscape = True
    return book.save()


def letters(listed: Sequence[Row], year: int) -> dict[str, bytes]:
    """Unit → the letter listing its errors and warnings (units with neither get none)."""
    by_unit: dict[str, list[Row]] = {}
    for row in listed:
        if row.unit and row.problem.severity >= Severity.WARNING and not row.problem.office:
            by_unit.setdefault(row.unit, []).append(row)
    return {unit: _letter(unit, found, year) for unit, found in by_unit.items()}


def _letter(unit: str, found: list[Row], year: int) -> bytes:
    form = f"{year}年度政府信息公开工作情况填报表"
    sent = list(dict.fromkeys(r.file for r in found if r.problem.code != NOT_SUBMITTED))
    files = "、".join(sent)
    lines = [f"{unit}：", ""]
    if not files:
        lines.append(f"\u3000\u3000本办尚未收到你单位的{form}，请尽快填写报送。")
    else:
        lines.append(
            f"\u3000\u3000经检查，你单位报送的{form}（{files}）有以下问题，"
            "请按说明修改后重新报送。单元格位置按 Excel 的写法，如 B10 指 B 列第 10 行。"
        )
        numbers = iter("一二")
        for severity, heading in _PARTS:
            items = [r for r in found if r.problem.severity is severity]
            if not items:
                continue
            lines += ["", f"{next(numbers)}、{heading.format(len(items))}"]
            lines += [
                f"{n}. {_where(r, len(sent) > 1)}{r.problem.message}"
                for n, r in enumerate(items, 1)
            ]
    text = "\n".join(lines) + "\n"
    return text.replace("\n", "\r\n").encode("utf-8-sig")


def _where(row: Row, with_file: bool) -> str:
    """Where in the workbook (its file too, when the letter covers several)."""
    file = f"{row.file} " if with_file and row.file else ""
    if not row.sheet:
        return f"{file.rstrip()}：" if file else ""
    label = f"（{row.label}）" if row.label else ""
    cell = f"{row.cell} 单元格{label}" if row.cell else ""
    return f"{file}工作表“{row.sheet}”{cell}："
