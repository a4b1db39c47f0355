"""PDF reports: ruled tables recovered, text joined across lines and pages, honest failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.base.problems import Problems
from generator.formats.registry import format_for_year
from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from generator.read.documents.opening import read_report
from generator.read.documents.tables import read_tables
from tests.browser import Browser
from tests.conftest import ROOT
from tests.support import libreoffice_convert

SPEC = format_for_year(2025)
SPEC_TABLE_FIELDS = {f for f in SPEC.fields if f.split(".")[0] in SPEC.tables}


@pytest.fixture(scope="module")
def word_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    build(BuildOptions.for_year(2025, ROOT / "inputs" / "2025", out))
    return next(out.glob("*.docx"))


def test_a_pdf_of_our_word_report_has_its_paragraphs_and_ruled_tables(
    word_2025: Path, tmp_path: Path
) -> None:
    reading = read_report(libreoffice_convert(word_2025, "pdf", tmp_path))
    document = reading.document
    assert document is not None and reading.problems == [] and document.tables_found
    texts = [p.text for p in document.paragraphs]
    assert "一、总体情况" in texts and texts[-1] == "2026年1月20日"
    joined = next(t for t in texts if t.startswith("2025年，新收政府信息公开申请713件"))
    assert joined.endswith("结转下年度继续办理31件。")  # one paragraph, though three lines long
    rows = [g.row_texts(r) for g in document.grids for r in range(g.height)]
    assert any(r[0] == "一、本年新收政府信息公开申请数量" and r[-1] == "713" for r in rows)


def test_a_page_printed_by_a_browser_reads_as_the_page_does(
    word_2025: Path, browser: Browser, tmp_path: Path
) -> None:
    """Chromium writes 人 and 民 as radicals (⼈ ⺠), fills the page with a white background and
    prints the date, title, address and page x/y on every page: none of it may show."""
    page = next(word_2025.parent.glob("*报告.html"))
    browser.open(page, 1280)
    reading = read_report(browser.pdf(tmp_path / "printed.pdf", header_footer=True))
    printed, shown = reading.document, read_report(page).document
    assert printed is not None and shown is not None and reading.problems == []
    assert [p.text for p in printed.paragraphs] == [p.text for p in shown.paragraphs]
    problems = Problems()
    assert read_tables(printed, SPEC, problems).values.keys() == SPEC_TABLE_FIELDS
    assert list(problems) == []


def test_a_pdf_without_ruled_tables_is_read_for_its_text_and_says_so(tmp_path: Path) -> None:
    text = tmp_path / "报告.txt"
    text.write_text(
        "某县2025年政府信息公开工作年度报告\n\n一、总体情况\n\n全年工作有序推进。\n",
        encoding="utf-8",
    )
    reading = read_report(libreoffice_convert(text, "pdf", tmp_path))
    assert reading.document is not None and not reading.document.tables_found
    assert [p.code for p in reading.problems] == ["no-tables"]
    assert "未能可靠识别表格" in reading.problems[0].message


def test_encrypted_and_damaged_pdfs_get_a_message(word_2025: Path, tmp_path: Path) -> None:
    locked = libreoffice_convert(
        word_2025,
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
        '"DocumentOpenPassword":{"type":"string","value":"x"}}',
        tmp_path,
    )
    reading = read_report(locked)
    assert reading.document is None and "PDF 设置了密码" in reading.problems[0].message
    damaged = tmp_path / "坏.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    reading = read_report(damaged)
    assert reading.document is None and "PDF 文件已损坏" in reading.problems[0].message
