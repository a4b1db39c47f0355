"""同比: with last year's inputs beside this year's, the report compares its headline figures."""

from __future__ import annotations

import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook

from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from tests.conftest import BODY_2018, COUNTS_2018, Workbooks

TITLE = "沭阳县人民政府2025年政府信息公开工作年度报告"


def text_of(out: Path, title: str = TITLE) -> str:
    return (out / f"{title}.txt").read_text(encoding="utf-8-sig")


def percent(part: int, base: int) -> Decimal:
    """What a calculator shows, rounded half up to one decimal."""
    return (Decimal(part) * 100 / Decimal(base)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def test_the_text_states_year_over_year_figures_a_calculator_confirms(with_last_year) -> None:
    text = text_of(with_last_year[1])
    for what in ("新收政府信息公开申请", "本年度办理完结"):
        match = re.search(what + r"(\d+)件（上年(\d+)件，同比(增长|下降)([\d.]+)%）", text)
        assert match, what
        now, last = int(match.group(1)), int(match.group(2))
        assert match.group(3) == ("增长" if now > last else "下降")
        assert Decimal(match.group(4)) == percent(abs(now - last), last)
    assert "新收政府信息公开申请713件（上年693件，同比增长2.9%）" in text
    rate = re.search(r"予以公开率([\d.]+)%（上年([\d.]+)%，提高([\d.]+)个百分点）", text)
    assert rate and Decimal(rate.group(1)) == percent(294, 718)
    assert Decimal(rate.group(2)) == percent(274, 698)
    assert Decimal(rate.group(3)) == Decimal(rate.group(1)) - Decimal(rate.group(2))
    assert "被申请行政复议61件（上年0件）" in text  # no percentage of 0
    assert "被提起行政诉讼13件（与上年持平）" in text


def test_the_graphic_shows_both_years(with_last_year) -> None:
    page = (with_last_year[1] / f"{TITLE}图解.html").read_text(encoding="utf-8")
    assert "主要指标与上年对比" in page
    assert '<th scope="col" class="gr-th">2024年</th>' in page
    assert "增加20件" in page and "增长2.9%" in page
    assert "2025年：自然人705件" in page and "2024年：自然人685件" in page


def test_the_summary_shows_both_years(with_last_year) -> None:
    book = load_workbook(with_last_year[1] / f"{TITLE}汇总表.xlsx")
    rows = list(book["汇总"].iter_rows(values_only=True))
    header = rows[2]
    new = header.index("一、本年新收政府信息公开申请数量（总计）")
    total, last = rows[-2], rows[-1]
    assert total[2] == "总计" and last[2] == "上年总计（2024 年度）"
    assert (total[new], last[new]) == (713, 693)
    compared = {r[0]: r for r in book["同比"].iter_rows(min_row=2, values_only=True)}
    assert compared["新收政府信息公开申请"][2:] == (693, 713, "增加20件", "增长2.9%")
    assert compared["被申请行政复议"][2:] == (0, 61, "增加61件", "—")


def test_last_years_figures_name_last_years_cells(with_last_year) -> None:
    book = load_workbook(with_last_year[1] / f"{TITLE}汇总表.xlsx")
    sources = {r[2]: r[4] for r in book["数据来源"].iter_rows(min_row=2, values_only=True)}
    assert "2024年度 沭阳县人民政府.xlsx 依申请公开!D5" in sources["yoy.apply_new.previous"]


def test_charts_go_into_the_word_file_only_when_asked(with_last_year, tmp_path: Path) -> None:
    with_charts = zipfile.ZipFile(with_last_year[1] / f"{TITLE}.docx")
    images = [n for n in with_charts.namelist() if n.startswith("word/media/")]
    assert len(images) == len(with_last_year[0].document.charts) == 6
    plain = build(BuildOptions.for_year(2025, out=tmp_path))
    docx = next(p for p in plain.written if p.suffix == ".docx")
    assert not [n for n in zipfile.ZipFile(docx).namelist() if n.startswith("word/media/")]
    assert not any(p.name.endswith("图解.html") for p in plain.written)


def test_without_last_year_nothing_is_compared(tmp_path: Path) -> None:
    result = build(BuildOptions.for_year(2025, out=tmp_path, charts=True))
    assert result.document.comparisons == ()
    assert all(c.previous_year is None for c in result.document.charts)
    text = text_of(tmp_path)
    assert "上年" not in text.replace("上年结转", "")
    assert "同比" not in text and "百分点" not in text
    assert "主要指标与上年对比" not in (tmp_path / f"{TITLE}图解.html").read_text(encoding="utf-8")
    notice = next(p for p in result.problems if p.code == "no-previous-year")
    assert notice.message.endswith("报告中不写同比")


def test_the_narrative_format_compares_too(tmp_path: Path, spec2018, blank2018) -> None:
    last = Workbooks(tmp_path / "2017", spec2018, 2017, blank2018)
    this = Workbooks(tmp_path / "2018", spec2018, 2018, blank2018)
    less = {"apply.received": 8, "apply.online": 1, "apply.answered": 8, "result.agreed": 3}
    last.unit("某市人民政府", "市政府", {**less, "sign.date": BODY_2018["sign.date"]})
    this.unit("某市人民政府", "市政府")
    result = build(BuildOptions.for_year(2018, this.folder, tmp_path / "out", each=True))
    assert result.written, [str(p) for p in result.problems if p.severity > 0]
    text = text_of(tmp_path / "out", "某市人民政府2018年政府信息公开工作年度报告")
    received = COUNTS_2018["apply.received"]
    assert f"共收到政府信息公开申请{received}件（上年8件，同比增长25.0%）" in text
    assert f"已答复{received}件（上年8件，同比增长25.0%），予以公开率70.0%（上年62.5%" in text
    assert "主动公开政府信息100条（与上年持平）" in text
    unit = text_of(tmp_path / "out" / "单位", "某市人民政府2018年政府信息公开工作年度报告")
    assert "（上年8件，同比增长25.0%）" in unit  # each unit is compared with itself last year
