"""The 核查报告 of one report: the problems with their locations, then the tables as read."""

from __future__ import annotations

from generator.base.problems import Severity
from generator.document.audit import AuditReport
from generator.write.text_table import render_table
from generator.write.xlsx_lean import CellStyle, Workbook


def summary_line(report: AuditReport) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    notices = report.count(Severity.NOTICE)
    if not errors and not warnings:
        return "未发现错误和警告。" + (f"（另有 {notices} 条提示）" if notices else "")
    return f"发现 {errors} 个错误、{warnings} 个警告、{notices} 条提示。"


def render_text(report: AuditReport) -> bytes:
    """The 核查报告 as a text file (UTF-8 with BOM, CRLF, as the report's .txt)."""
    lines = [f"核查报告：{report.file}", ""]
    if report.title:
        lines.append(f"报告：{report.title}")
    if report.year:
        lines.append(f"年度：{report.year} 年度（{report.format_name or '没有可用的报告格式'}）")
    if report.last_year:
        lines.append(f"上年报告：{report.last_year}（用于核对上年结转、同比和与上年的重复率）")
    lines += [f"结论：{summary_line(report)}", "", "一、发现的问题", ""]
    lines += [str(p) for p in report.problems] or ["无。"]
    if report.tables:
        lines += ["", "二、从报告中读到的表格（“空白”为报告中空着或填“/”“—”的单元格）", ""]
        for table in report.tables:
            lines += [render_table(table), ""]
    text = "\n".join(lines).rstrip() + "\n"
    return text.replace("\n", "\r\n").encode("utf-8-sig")


def render_xlsx(report: AuditReport) -> bytes:
    """The 核查报告 as a workbook: 问题 (filterable) and 读到的数字 (each number by its table,
    row and column)."""
    book = Workbook()
    sheet = book.add("问题")
    heads = (("级别", 8), ("文件", 30), ("位置", 50), ("说明", 100))
    for column, (head, width) in enumerate(heads, start=1):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    for row, problem in enumerate(report.problems, start=2):
        where = problem.location
        place = ""
        if where is not None:
            place = where.place or (f"{where.sheet}!{where.cell}" if where.sheet else "")
        values = (
            problem.severity.label,
            where.file if where else report.file,
            place,
            problem.message,
        )
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value)
    if not report.problems:
        sheet.put(2, 1, "无")
        sheet.put(2, 4, "未发现问题")
    sheet.freeze = "A2"
    sheet.filter = f"A1:D{max(2, len(report.problems) + 1)}"
    numbers = book.add("读到的数字")
    heads = (("表格", 30), ("行", 50), ("列", 36), ("报告中的数字", 14))
    for column, (head, width) in enumerate(heads, start=1):
        numbers.put(1, column, head, CellStyle.HEAD)
        numbers.widths[column] = width
    for row, number in enumerate(report.numbers, start=2):
        figure = number.figure
        numbers.put(row, 1, number.table)
        numbers.put(row, 2, number.row)
        numbers.put(row, 3, number.column)
        value = figure.value if figure.value is not None else figure.text
        numbers.put(row, 4, value, CellStyle.NUMBER)
    numbers.freeze = "A2"
    return book.save()
