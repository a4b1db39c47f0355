"""The 图解 (illustrated summary): the headline figures beside last year's, then every chart.

One self-contained page: the charts are inline SVG (their text drawn as paths, so no font is
needed), each followed by its figures in words for screen readers and for copying.
"""

from __future__ import annotations

from html import escape

from generator.compute.charts import Chart
from generator.compute.compare import Comparison
from generator.document.model import Align, Document, Table, TableCell
from generator.write import charts
from generator.write.comparison_words import change_words, rate_words
from generator.write.markup import Styler, table_html
from generator.write.page import page
from generator.write.publication import Publication

SUFFIX = "图解"
COMPARISON_HEAD = "主要指标与上年对比"
COMPARISON_WIDTHS = (14, 7, 7, 10, 7)
"""Relative widths of the comparison table's columns, in characters."""


def render(publication: Publication) -> bytes:
    """The 图解 page's bytes."""
    document = publication.document
    title = f"{document.title}{SUFFIX}"
    return page(title, graphic_html(document, title, Styler(inline=False)))


def graphic_html(document: Document, title: str, style: Styler) -> str:
    parts = [f"<article{style('report')}>", f"<h1{style('title')}>{escape(title)}</h1>"]
    if document.comparisons:
        parts += [f"<h2{style('h1')}>{COMPARISON_HEAD}</h2>"]
        parts.append(table_html(comparison_table(document.comparisons), style, COMPARISON_HEAD))
    for index, chart in enumerate(document.charts, start=1):
        parts.append(_figure(chart, f"chart{index}"))
    parts.append("</article>")
    return "\n".join(parts)


def comparison_table(comparisons: tuple[Comparison, ...]) -> Table:
    """The headline figures of both years as a table of the document model."""
    this_year, last_year = comparisons[0].years
    header = (tuple(TableCell(h) for h in ("指标", last_year, this_year, "增减", "同比")),)
    rows = []
    for c in comparisons:
        unit = "" if c.points else c.unit
        rows.append(
            (
                TableCell(c.label, align=Align.LEFT),
                TableCell(f"{c.previous.text}{unit}", figure=c.previous),
                TableCell(f"{c.current.text}{unit}", figure=c.current),
                TableCell(change_words(c), figure=c.change),
                TableCell(rate_words(c), figure=c.rate),
            )
        )
    return Table(header, tuple(rows), COMPARISON_WIDTHS)


def _figure(chart: Chart, scope: str) -> str:
    drawing = charts.svg(chart, scope).replace(
        "<svg ", f'<svg role="img" aria-label="{escape(chart.title)}" ', 1
    )
    return f"<figure>\n{drawing}\n<figcaption>{escape(chart_words(chart))}</figcaption>\n</figure>"


def chart_words(chart: Chart) -> str:
    """The chart's figures in words: 本年新收申请：按申请人。2025年：自然人705件、…；2024年：…。"""
    years = [(chart.year, [(b.label, b.figure) for b in chart.bars])]
    if chart.previous_year:
        years.append((chart.previous_year, [(b.label, b.previous) for b in chart.bars]))
    series = "；".join(
        f"{year}：" + "、".join(f"{label}{f.text}{chart.unit}" for label, f in bars if f)
        for year, bars in years
    )
    return f"{chart.title}。{series}。"
