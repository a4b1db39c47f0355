"""核查汇总.xlsx: one row per report checked, for the office reviewing its departments; and what
was not checked (files skipped, last year's reports that could not be used), when anything was."""

from __future__ import annotations

from collections.abc import Sequence

from generator.base.problems import Problem, Severity
from generator.document.audit import AuditReport
from generator.write.xlsx_lean import CellStyle, Workbook

HEADS = (
    ("序号", 6),
    ("文件", 36),
    ("报告标题", 44),
    ("年度", 8),
    ("错误", 8),
    ("警告", 8),
    ("提示", 8),
    ("主要问题", 100),
)
SHOWN = 3
"""How many of a report's errors the 主要问题 column quotes."""
OTHER_HEADS = (("级别", 8), ("文件", 50), ("说明", 100))


def render(reports: Sequence[AuditReport], others: Sequence[Problem] = ()) -> bytes:
    """The summary: 核查汇总 (a row per report), and 其他问题 when `others` (problems with the
    request rather than with a report) has any."""
    book = Workbook()
    sheet = book.add("核查汇总")
    for column, (head, width) in enumerate(HEADS, start=1):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    for row, report in enumerate(reports, start=2):
        worst = [p for p in report.problems if p.severity is Severity.ERROR] or [
            p for p in report.problems if p.severity is Severity.WARNING
        ]
        main = "；".join(p.message for p in worst[:SHOWN]) + ("……" if len(worst) > SHOWN else "")
        values = (
            row - 1,
            report.file,
            report.title,
            report.year or "",
            report.count(Severity.ERROR),
            report.count(Severity.WARNING),
            report.count(Severity.NOTICE),
            main or "未发现问题",
        )
        for column, value in enumerate(values, start=1):
            sheet.put(
                row, column, value, CellStyle.NUMBER if isinstance(value, int) else CellStyle.TEXT
            )
    sheet.freeze = "C2"
    sheet.filter = f"A1:H{max(2, len(reports) + 1)}"
    sheet.landscape = True
    if others:
        _other_problems(book, others)
    return book.save()


def _other_problems(book: Workbook, problems: Sequence[Problem]) -> None:
    sheet = book.add("其他问题")
    for column, (head, width) in enumerate(OTHER_HEADS, start=1):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    for row, problem in enumerate(problems, start=2):
        file = problem.location.file if problem.location else ""
        for column, value in enumerate((problem.severity.label, file, problem.message), start=1):
            sheet.put(row, column, value)
    sheet.freeze = "A2"
    sheet.filter = f"A1:C{len(problems) + 1}"
