"""The Word report as LibreOffice renders it: pages, fonts, figures, page numbers."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from tests.conftest import ROOT
from tests.support import page_size, pdf_pages, pdf_text, pdf_words

TITLE = "株洲市人民政府2018年政府信息公开工作年度报告"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("pdf")
    result = build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", out, pdf=True))
    assert result.pdf_error is None
    return result, out / f"{TITLE}.pdf"


def test_pdf_is_written_beside_the_report(rendered) -> None:
    result, pdf = rendered
    assert pdf in result.written and pdf.read_bytes().startswith(b"%PDF-")


def test_page_count(rendered) -> None:
    assert pdf_pages(rendered[1]) == 10


def test_every_figure_is_in_the_pdf(rendered) -> None:
    result, pdf = rendered
    text = re.sub(r"\s+", "", pdf_text(pdf))
    figures = {f.text for _, f in result.document.figures() if isinstance(f.value, Decimal)}
    assert len(figures) >= 50
    missing = [f for f in figures if re.sub(r"\s+", "", f) not in text]
    assert missing == []


def page_number(pdf: Path, page: int) -> tuple[str, float, float, float]:
    """The page number's text, its horizontal centre, and the top of its line."""
    _, height = page_size(pdf, page)
    bottom = [w for w in pdf_words(pdf, page) if w[2] > height - 35 * MM]
    number = next(w for w in bottom if w[0].isdigit())
    dashes = [w for w in bottom if w[0] == "—"]
    assert len(dashes) == 2
    return number[0], (number[1] + number[3]) / 2, number[2], dashes[0][2]


def test_even_page_numbers_left_odd_right(rendered) -> None:
    pdf = rendered[1]
    width, _ = page_size(pdf, 2)
    text, centre, _, _ = page_number(pdf, 2)
    assert text == "2" and centre < width / 2
    text, centre, _, _ = page_number(pdf, 3)
    assert text == "3" and centre > width / 2


def test_page_number_sits_7mm_below_the_type_area(rendered) -> None:
    pdf = rendered[1]
    _, height = page_size(pdf, 3)
    type_area_bottom = height - 35 * MM
    _, _, top, dash_top = page_number(pdf, 3)
    assert abs(top - type_area_bottom - 7 * MM) < 1 * MM
    assert dash_top == top


def test_a_full_page_holds_22_lines(rendered) -> None:
    pdf = rendered[1]
    _, height = page_size(pdf, 2)
    lines = {round(w[2]) for w in pdf_words(pdf, 2) if w[2] < height - 35 * MM}
    assert len(lines) == 22


def test_the_five_faces_render_distinctly(rendered) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(rendered[1])], capture_output=True, text=True, check=True
    ).stdout
    for face in (
        "FandolFang",
        "FandolHei",
        "FandolKai",
        "FandolSong",
        "NotoSerifCJK",
        "LiberationSerif",
    ):
        assert face in fonts, fonts
