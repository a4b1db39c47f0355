"""Draw the 图解's bar charts with matplotlib: SVG for web pages, PNG for the Word file.

matplotlib is imported only here, when a chart is drawn, so the command starts fast. Text is
drawn with a Chinese font (the first of CHINESE_FONTS installed; glyphs become paths, so the SVG
needs no font on the reader's machine). Bars are greys and hatching, which print in black and
white. Each chart carries its title and every bar's number. Output bytes depend only on the chart.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import Any

from generator.compute.charts import Chart
from generator.write.registry import WriterError

CHINESE_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "FandolHei",
    "WenQuanYi Zen Hei",
)
"""Fonts with the Chinese glyphs, first found wins (Linux, then Windows, then TeX Live's)."""

THIS_YEAR = {"color": "#404040", "edgecolor": "#000000"}
LAST_YEAR = {"color": "#d9d9d9", "edgecolor": "#000000", "hatch": "///"}
SVG_INCHES = 5.0
"""Narrow, with large text: a page shows it at most this wide, a phone shrinks it by a third."""
SVG_TEXT = 1.25
PNG_INCHES = 6.2
"""About the width of a 公文 page's text (156 mm), so that the Word file prints the text at size."""
PNG_TEXT = 1.0
ROW_INCHES = 0.26
PNG_DPI = 150
_SVG_ID = re.compile(r'(id="|href="#|url\(#)([^")]+)')


def svg(chart: Chart, scope: str) -> str:
    """The chart as an inline <svg> element; its ids start with `scope`, unique in a page."""
    metadata = {"Date": None, "Creator": None, "Format": None, "Type": None}
    data = _draw(chart, "svg", SVG_INCHES, SVG_TEXT, metadata).decode("utf-8")
    element = data[data.index("<svg") :]
    return _SVG_ID.sub(lambda m: f"{m.group(1)}{scope}-{m.group(2)}", element)


def png(chart: Chart) -> bytes:
    """The chart as PNG bytes (150 dpi)."""
    return _draw(chart, "png", PNG_INCHES, PNG_TEXT, {"Software": None})


def chinese_font() -> str:
    """The family used for the charts' text; WriterError when no Chinese font is installed."""
    found = _installed_font()
    if found is None:
        raise WriterError(
            "未找到中文字体，无法绘制图解。请安装以下字体之一：" + "、".join(CHINESE_FONTS)
        )
    return found


@cache
def _installed_font() -> str | None:
    from matplotlib import font_manager

    for family in CHINESE_FONTS:
        try:
            font_manager.findfont(
                font_manager.FontProperties(family=family), fallback_to_default=False
            )
        except ValueError:
            continue
        return family
    return None


def _draw(chart: Chart, kind: str, width: float, text: float, metadata: dict[str, Any]) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    settings = {
        "font.family": [chinese_font()],
        "svg.fonttype": "path",
        "svg.hashsalt": "gen-report",
        "hatch.linewidth": 0.8,
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(settings):
        series = 2 if chart.previous_year else 1
        rows = len(chart.bars) * series
        height = (1.0 + ROW_INCHES * rows + 0.15 * len(chart.bars)) * text
        figure = Figure(figsize=(width, height))
        FigureCanvasAgg(figure)
        _plot(figure.add_subplot(), chart, series, text)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format=kind, dpi=PNG_DPI, metadata=metadata)
    return buffer.getvalue()


def _plot(axes: Any, chart: Chart, series: int, text: float) -> None:
    height = 0.8 / series
    positions = list(range(len(chart.bars)))
    values = [float(bar.figure.value or 0) for bar in chart.bars]
    labels = [f"{bar.figure.text}{chart.unit}" for bar in chart.bars]
    offset = height / 2 if series == 2 else 0
    top = max(values, default=0)
    current = axes.barh(
        [p - offset for p in positions], values, height, label=chart.year, **THIS_YEAR
    )
    axes.bar_label(current, labels=labels, padding=3, fontsize=10 * text)
    if chart.previous_year:
        last = [bar.previous for bar in chart.bars]
        last_values = [float(f.value or 0) if f else 0.0 for f in last]
        bars = axes.barh(
            [p + offset for p in positions],
            last_values,
            height,
            label=chart.previous_year,
            **LAST_YEAR,
        )
        last_labels = [f"{f.text}{chart.unit}" if f else "" for f in last]
        axes.bar_label(bars, labels=last_labels, padding=3, fontsize=10 * text)
        axes.legend(
            loc="upper left", bbox_to_anchor=(0, 0), ncols=2, frameon=False, fontsize=10 * text
        )
        top = max(top, *last_values)
    axes.set_yticks(positions, [bar.label for bar in chart.bars], fontsize=11 * text)
    axes.invert_yaxis()
    axes.set_xlim(0, top * 1.25 if top else 1)
    axes.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.figure.suptitle(
        chart.title, x=0.01, ha="left", fontsize=13 * text, fontweight="bold", wrap=True
    )
