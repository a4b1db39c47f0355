"""Charts: Chinese labels drawn from a Chinese font, every number written, the same bytes each time."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from PIL import Image

from generator.compute.charts import Bar, Chart
from generator.compute.figures import number
from generator.write import charts

CHART = Chart(
    "本年新收申请：按申请人",
    "件",
    (
        Bar("自然人", number("a", Decimal(705), ()), number("b", Decimal(685), ())),
        Bar("法律服务机构", number("c", Decimal(5), ()), number("d", Decimal(0), ())),
    ),
    "2025年",
    "2024年",
)
CJK_FONT = re.compile(r"(NotoSansCJK|SourceHanSans|MicrosoftYaHei|SimHei|FandolHei|WenQuanYi)")


def texts(svg: str) -> list[str]:
    """The text of every text element: matplotlib writes it as a comment before its glyphs."""
    return [t.strip() for t in re.findall(r"<!-- (.*?) -->", svg)]


def test_labels_title_legend_and_numbers_are_drawn() -> None:
    drawn = texts(charts.svg(CHART, "c1"))
    for text in (
        "本年新收申请：按申请人",
        "自然人",
        "法律服务机构",
        "705件",
        "685件",
        "5件",
        "0件",
    ):
        assert text in drawn
    assert "2025年" in drawn and "2024年" in drawn


def test_every_glyph_comes_from_a_chinese_font() -> None:
    svg = charts.svg(CHART, "c1")
    glyphs = set(re.findall(r'<path id="c1-([^"]+-[0-9a-f]+)" d=', svg))
    assert glyphs and all(CJK_FONT.match(g) for g in glyphs)
    assert not [g for g in glyphs if g.endswith("-0")]  # glyph 0 is the tofu box
    regular = {ch for text in texts(svg) if text != CHART.title for ch in text if ch != " "}
    bold = set(CHART.title)  # the title is bold: the same font's bold face
    assert len(glyphs) == len(regular) + len(bold)  # a glyph of its own for every character


def test_no_glyph_is_missing(recwarn: pytest.WarningsRecorder) -> None:
    charts.svg(CHART, "c1")
    charts.png(CHART)
    assert not [w for w in recwarn if "missing from" in str(w.message)]


def test_ids_are_scoped_and_the_bytes_are_the_same_each_time() -> None:
    first, second = charts.svg(CHART, "c1"), charts.svg(CHART, "c1")
    assert first == second and first.startswith("<svg")
    assert all(i.startswith("c1-") for i in re.findall(r' id="([^"]+)"', first))
    assert "<dc:date>" not in first
    assert charts.png(CHART) == charts.png(CHART)


def test_the_png_is_grey_and_as_wide_as_a_page_of_text() -> None:
    image = Image.open(io.BytesIO(charts.png(CHART))).convert("RGB")
    assert image.width == round(charts.PNG_INCHES * charts.PNG_DPI)
    colours = image.getcolors(maxcolors=1 << 16)
    assert colours and all(abs(r - g) < 8 and abs(g - b) < 8 for _, (r, g, b) in colours)


def test_without_a_chinese_font_the_user_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "_installed_font", lambda: None)
    with pytest.raises(charts.WriterError, match="未找到中文字体"):
        charts.png(CHART)
