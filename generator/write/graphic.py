"""The 图解 (illustrated summary): the headline figures beside last year's, then every chart.

One self-contained page: the charts are inline SVG (their text drawn as paths, so no font is
needed), each followed by its figures in words for screen readers and for copying.
"""

from __future__ import annotations

from html import escape

from generator.compute.charts import Chart
from generator.compute.compare import Comparison
from generator.document.model import Document
from generator.write import charts
from generator.write.comparison_words import change_words, rate_words
from generator.write.markup import Styler
from generator.write.page import page
from generator.write.publication import Publication

SUFFIX = "图解"
COMPARISON_HEAD = "主要指标与上年对比"


def render(publication: Publication) -> bytes:
    """The 图解 page's bytes."""
    document = publication.document
    title = f"{document.title}{SUFFIX}"
    return page(title, graphic_html(document, title, Styler(inline=False)))


def graphic_html(document: Document, title: str, style: Styler) -> str:
    parts = [f"<article{style('report')}>", f"<h1{style('title')}>{escape(title)}</h1>"]
    if document.comparisons:
        parts += [f"<h2{style('h1')}>{COMPARISON_HEAD}</h2>"]
        parts.append(comparison_table(document.comparisons, style))
    for index, chart in enumerate(document.charts, start=1):
        parts.append(_figure(chart, f"chart{index}"))
    parts.append("</article>")
    return "\n".join(parts)


def comparison_table(comparisons: tuple[Comparison, ...], style: Styler) -> str:
    this_year, last_year = comparisons[0].years
    heads = ("指标", last_year, this_year, "增减", "同比")
    lines = [
        f'<div{style("box")} role="region" aria-label="{COMPARISON_HEAD}" tabindex="0">',
        f'<table{style("table")} border="1" cellspacing="0" cellpadding="4">',
        "<thead><tr>"
        + "".join(f'<th scope="col"{style("th")}>{h}</th>' for h in heads)
        + "</tr></thead>",
        "<tbody>",
    ]
    for c in comparisons:
        unit = c.unit if not c.points else ""
        cells = (
            f"{c.previous.text}{unit}",
            f"{c.current.text}{unit}",
            change_words(c),
            rate_words(c),
        )
        lines.append(
            f'<tr><th scope="row"{style("label")}>{escape(c.label)}</th>'
            + "".join(f"<td{style('td')}>{escape(text)}</td>" for text in cells)
            + "</tr>"
        )
    lines += ["</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


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
