"""The HTML outputs in a real headless Chromium: phone and desktop widths, print, no network.

Screenshots (1280 and 375 px wide) and PDFs are left in the test's temporary folder to look at.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.support import page_size, pdf_pages, pdf_text
from tests.write.test_html import TITLE_2018, TITLE_2025

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGES = [
    ("2025", f"{TITLE_2025}.html"),
    ("2025", f"{TITLE_2025}（网站编辑器用）.html"),
    ("2025", f"{TITLE_2025}图解.html"),
    ("2018", f"{TITLE_2018}.html"),
    ("2018", f"{TITLE_2018}图解.html"),
]
A4 = (595.0, 842.0)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def out(request, with_last_year, shipped_2018):
    return {"2025": with_last_year[1], "2018": shipped_2018[1]}


def portal_page(body: Path, folder: Path) -> Path:
    """The editor's body pasted into a bare article page of a website built for phones."""
    page = folder / body.name.replace("（网站编辑器用）", "（网站）")
    page.write_text(
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>年报</title>'
        "</head><body>" + body.read_text(encoding="utf-8-sig") + "</body></html>",
        encoding="utf-8",
    )
    return page


@pytest.mark.parametrize(("year", "name"), PAGES)
def test_pages_fit_a_phone_and_fetch_nothing(
    browser, out, shots: Path, year: str, name: str
) -> None:
    page = out[year] / name
    if "（网站编辑器用）" in name:
        page = portal_page(page, shots)
    for width in (1280, 375):
        browser.open(page, width)
        assert browser.requests() == [page.resolve().as_uri()]
        assert not browser.page_scrolls_sideways(), f"{name} scrolls sideways at {width} px"
        shot = browser.screenshot(shots / f"{page.stem}-{width}.png")
        assert shot.stat().st_size > 10_000


@pytest.mark.parametrize(("year", "name"), [PAGES[0], PAGES[2], PAGES[3]])
def test_pages_print_on_a4(browser, out, shots: Path, year: str, name: str) -> None:
    browser.open(out[year] / name, 1280)
    pdf = browser.pdf(shots / f"{Path(name).stem}.pdf")
    assert pdf_pages(pdf) >= 1
    width, height = page_size(pdf, 1)
    assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2
    assert Path(name).stem.removesuffix("图解")[:6] in pdf_text(pdf).replace(" ", "")


def test_tables_are_bordered_and_the_wide_one_scrolls_in_its_box(browser, out) -> None:
    browser.open(out["2025"] / PAGES[0][1], 375)
    borders = browser.run(
        "return [...document.querySelectorAll('td,th')].map(c => {"
        "const s = getComputedStyle(c); return s.borderTopStyle + ' ' + s.borderTopWidth})"
    )
    assert borders and set(borders) == {"solid 1px"}
    boxes = browser.run(
        "return [...document.querySelectorAll('.gr-box')].map(b => b.scrollWidth > b.clientWidth)"
    )
    assert boxes[4] and boxes[5]  # 申请 and 复议诉讼 scroll inside their boxes
    assert not any(boxes[:4])  # 第二十条's narrow tables fit


def word_spans(docx: Path) -> list[list[list[tuple[str, int, int]]]]:
    """Every Word table as rows of its starting cells: (text, rows merged, columns merged)."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    result = []
    for table in root.iter(f"{W}tbl"):
        grid: list[list[tuple[int, etree._Element]]] = []
        for tr in table.findall(f"{W}tr"):
            col, row = 0, []
            for tc in tr.findall(f"{W}tc"):
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                row.append((col, tc))
                col += int(span.get(f"{W}val")) if span is not None else 1
            grid.append(row)
        rows = []
        for r, row in enumerate(grid):
            cells = []
            for col, tc in row:
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(f"{W}val") != "restart":
                    continue
                down = 1
                while merge is not None and r + down < len(grid):
                    below = dict(grid[r + down]).get(col)
                    more = below.find(f"{W}tcPr/{W}vMerge") if below is not None else None
                    if more is None or more.get(f"{W}val") == "restart":
                        break
                    down += 1
                span = tc.find(f"{W}tcPr/{W}gridSpan")
                cols = int(span.get(f"{W}val")) if span is not None else 1
                cells.append(("".join(tc.itertext()), down, cols))
            rows.append(cells)
        result.append(rows)
    return result


def test_merged_cells_match_the_word_file(browser, out) -> None:
    browser.open(out["2025"] / PAGES[0][1], 1280)
    rendered = browser.run(
        "return [...document.querySelectorAll('table')].map(t => [...t.rows].map(r =>"
        " [...r.cells].map(c => [c.textContent, c.rowSpan, c.colSpan])))"
    )
    word = word_spans(out["2025"] / f"{TITLE_2025}.docx")
    assert [[[tuple(c) for c in r] for r in t] for t in rendered] == word
