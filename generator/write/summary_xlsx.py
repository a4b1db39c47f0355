"""The office's summary workbook: every unit's figures side by side, the problems, the sources.

Sheets: 汇总 (one row per unit, subtotals by level, breakdowns and the total, and last year's
total when last year's inputs are present), 问题清单 (every problem with its location), 数据来源
(every figure the report prints and the cells it came from), and with last year 同比 (the
headline figures of both years).
Text is always stored as text: a unit called “=1+1” stays “=1+1”.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.base.problems import Problem
from generator.compute.compare import Comparison
from generator.compute.summary import RowKind, Summary
from generator.document.model import Document
from generator.write.comparison_words import change_words, rate_words
from generator.write.publication import Publication
from generator.write.xlsx_lean import CellStyle, Sheet, Workbook

FIXED_COLUMNS = (("序号", 6), ("文件", 28), ("单位名称", 28), ("单位层级", 16))
_ROW_STYLES = {
    RowKind.UNIT: (CellStyle.TEXT, CellStyle.NUMBER),
    RowKind.SUBTOTAL: (CellStyle.SUBTOTAL_TEXT, CellStyle.SUBTOTAL_NUMBER),
    RowKind.GROUP: (CellStyle.SUBTOTAL_TEXT, CellStyle.SUBTOTAL_NUMBER),
    RowKind.TOTAL: (CellStyle.TOTAL_TEXT, CellStyle.TOTAL_NUMBER),
    RowKind.PREVIOUS: (CellStyle.SUBTOTAL_TEXT, CellStyle.SUBTOTAL_NUMBER),
}


def render(publication: Publication) -> bytes:
    """The summary workbook's bytes (for the office's report, which has a summary)."""
    assert publication.summary is not None, "the summary workbook needs the summary"
    book = Workbook()
    _summary_sheet(book.add("汇总"), publication.summary, publication.document.title)
    _problems_sheet(book.add("问题清单"), publication.problems)
    _sources_sheet(book.add("数据来源"), publication.document)
    if publication.document.comparisons:
        _comparison_sheet(book.add("同比"), publication.document.comparisons)
    return book.save()


def _summary_sheet(sheet: Sheet, summary: Summary, title: str) -> None:
    fields = summary.columns
    width = len(FIXED_COLUMNS) + len(fields)
    sheet.put(1, 1, f"{title}汇总表", CellStyle.TITLE)
    sheet.merge(1, 1, 1, width)
    for column, (name, chars) in enumerate(FIXED_COLUMNS, start=1):
        sheet.put(2, column, name, CellStyle.HEAD)
        sheet.put(3, column, None, CellStyle.HEAD)
        sheet.merge(2, column, 3, column)
        sheet.widths[column] = chars
    column = len(FIXED_COLUMNS) + 1
    for sheet_name in dict.fromkeys(f.sheet for f in fields):
        group = [f for f in fields if f.sheet == sheet_name]
        for offset, item in enumerate(group):
            sheet.put(2, column + offset, sheet_name if offset == 0 else None, CellStyle.HEAD)
            sheet.put(
                3,
                column + offset,
                f"{item.label}（{item.unit}）" if item.unit else item.label,
                CellStyle.HEAD,
            )
            sheet.widths[column + offset] = 12
        sheet.merge(2, column, 2, column + len(group) - 1)
        column += len(group)
    sheet.heights[3] = 60
    for row, line in enumerate(summary.rows, start=4):
        text_style, number_style = _ROW_STYLES[line.kind]
        texts = (line.number or "", line.file, line.name, line.level)
        for column, value in enumerate(texts, start=1):
            sheet.put(row, column, value, number_style if isinstance(value, int) else text_style)
        for column, figure in enumerate(line.figures, start=len(texts) + 1):
            sheet.put(row, column, figure.value, number_style)
    sheet.freeze = "E4"
    sheet.landscape = True
    sheet.title_rows = (2, 3)


def _problems_sheet(sheet: Sheet, problems: Sequence[Problem]) -> None:
    for column, (head, width) in enumerate(
        zip(("级别", "文件", "工作表", "单元格", "说明"), (8, 30, 16, 10, 90), strict=True), start=1
    ):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    if not problems:
        sheet.put(2, 1, "无")
        sheet.put(2, 5, "未发现问题")
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
            sheet.put(row, column, value)
    sheet.freeze = "A2"
    sheet.filter = f"A1:E{max(2, len(problems) + 1)}"


def _comparison_sheet(sheet: Sheet, comparisons: Sequence[Comparison]) -> None:
    this_year, last_year = comparisons[0].years
    heads = (
        ("指标", 40),
        ("单位", 8),
        (last_year, 12),
        (this_year, 12),
        ("增减", 22),
        ("同比", 12),
    )
    for column, (head, width) in enumerate(heads, start=1):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    for row, c in enumerate(comparisons, start=2):
        values = (
            c.label,
            c.unit,
            c.previous.value,
            c.current.value,
            change_words(c),
            rate_words(c),
        )
        for column, value in enumerate(values, start=1):
            sheet.put(row, column, value, CellStyle.TEXT if column in (1, 5) else CellStyle.NUMBER)
    sheet.freeze = "A2"


def _sources_sheet(sheet: Sheet, document: Document) -> None:
    heads = (
        ("序号", 6),
        ("报告中的数字或文字", 24),
        ("项目", 36),
        ("来源单元格个数", 10),
        ("来源单元格", 100),
    )
    for column, (head, width) in enumerate(heads, start=1):
        sheet.put(1, column, head, CellStyle.HEAD)
        sheet.widths[column] = width
    for row, (_, figure) in enumerate(document.figures(), start=2):
        sources = "；".join(str(s) for s in figure.sources)
        if len(sources) > 32_000:
            sources = sources[:31_980] + f"……等 {len(figure.sources)} 个单元格"
        values = (row - 1, figure.text[:200], figure.name, len(figure.sources), sources)
        for column, value in enumerate(values, start=1):
            sheet.put(
                row, column, value, CellStyle.NUMBER if isinstance(value, int) else CellStyle.TEXT
            )
    sheet.freeze = "A2"
