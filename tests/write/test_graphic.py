"""The 图解: a self-contained page with every chart and its figures in words."""

from __future__ import annotations

from tests.html_parts import external_references, parse
from tests.write.test_html import TITLE_2018, TITLE_2025


def test_the_graphic_has_every_chart_with_its_figures(with_last_year, shipped_2018) -> None:
    for (result, out), title in ((with_last_year, TITLE_2025), (shipped_2018, TITLE_2018)):
        root = parse((out / f"{title}图解.html").read_bytes())
        assert root.get("lang") == "zh-CN" and root.find(".//h1").text_content() == f"{title}图解"
        assert external_references(root) == []
        figures = root.findall(".//figure")
        assert len(figures) == len(result.document.charts)
        for figure, chart in zip(figures, result.document.charts, strict=True):
            caption = figure.find("figcaption").text_content()
            assert caption.startswith(chart.title)
            for bar in chart.bars:
                assert f"{bar.label}{bar.figure.text}{chart.unit}" in caption
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids))  # several inline SVGs, no id twice


def test_the_narrative_graphic_charts_the_categories(shipped_2018) -> None:
    page = (shipped_2018[1] / f"{TITLE_2018}图解.html").read_text(encoding="utf-8")
    assert "主动公开政府信息：按类别" in page and "政策法规" in page
    assert "主要指标与上年对比" not in page  # no 2017 inputs: nothing compared
