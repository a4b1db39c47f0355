"""No document, however made, takes unbounded time or memory: spans, tables, paragraphs, text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.base import limits
from generator.read.documents.docx import read_docx_report
from generator.read.documents.errors import DocumentTooComplex
from generator.read.documents.html import read_html_report
from generator.read.documents.opening import read_report
from generator.read.documents.text import read_text_report

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def page(body: str) -> bytes:
    return f"<html><body><p>某县2025年政府信息公开工作年度报告</p>{body}</body></html>".encode()


def word(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr(
            "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"
        )
    return out.getvalue()


def word_cell(text: str, span: str) -> str:
    grid_span = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>'
    return f"<w:tc>{grid_span}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def test_a_span_is_capped_and_a_strange_one_is_one() -> None:
    row = '<tr><td colspan="1000">申请人情况</td><td rowspan="²">自然人</td><td colspan="9999999">x</td>'
    grid = read_html_report("p.html", page(f"<table>{row}</tr></table>")).grids[0]
    assert [(c.text, c.cols, c.rows) for c in grid.cells] == [
        ("申请人情况", limits.MAX_CELL_SPAN, 1),
        ("自然人", 1, 1),
        ("x", limits.MAX_CELL_SPAN, 1),
    ]
    cells = word_cell("总计", "²") + word_cell("1", "100000")
    grid = read_docx_report("w.docx", word(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")).grids[0]
    assert [(c.text, c.col, c.cols) for c in grid.cells] == [
        ("总计", 0, 1),
        ("1", 1, limits.MAX_CELL_SPAN),
    ]


def test_tables_too_large_for_any_report_are_refused_with_the_table_named(tmp_path: Path) -> None:
    rows = "".join('<tr><td rowspan="999" colspan="999">x</td></tr>' for _ in range(40))
    path = tmp_path / "spans.html"
    path.write_bytes(page(f"<table><tr><td>信息内容</td></tr></table><table>{rows}</table>"))
    reading = read_report(path)
    assert reading.document is None
    assert reading.problems[0].message.startswith("第 2 个表格过大：合并单元格展开后")
    row = "<w:tr>" + word_cell("总计", "100000") * 2 + "</w:tr>"
    with pytest.raises(DocumentTooComplex, match="第 1 个表格过大"):
        read_docx_report("w.docx", word(f"<w:tbl>{row * 400}</w:tbl>"))
    with pytest.raises(DocumentTooComplex, match="表格过大"):
        read_text_report("t.txt", "\n".join(["1\t2\t3" + "\t" * 20_000] * 3).encode())


def test_a_drawn_table_too_large_or_overlapping_is_refused() -> None:
    drawing = "\n".join("+" + "-" * 1000 for _ in range(1001))
    with pytest.raises(DocumentTooComplex, match="1001 行，最长一行 1001 个字符"):
        read_text_report("t.txt", drawing.encode())
    nested = [("| " * k) + "+" + "-" * (13 - 2 * k) + "+" for k in range(6)]  # boxes in boxes
    nested += ["| " * 6 + "  |", "+" + "-+" * 7]
    with pytest.raises(DocumentTooComplex, match="格子互相重叠"):
        read_text_report("t.txt", "\n".join(nested).encode())


def test_our_writers_give_the_same_paragraphs_in_every_format(shipped_2018) -> None:
    """The Word file built with --charts carries the 图解 as an attachment after the date; the
    text and the web page do not. An attachment is not the report's running text."""
    _, out = shipped_2018
    word = next(out.glob("*.docx"))
    assert "附件" in zipfile.ZipFile(word).read("word/document.xml").decode()
    reports = (next(out.glob("*.txt")), word, next(out.glob("*年度报告.html")))
    txt, docx, html = ([p.text for p in read_report(r).document.paragraphs] for r in reports)
    assert docx == txt and html == txt and txt[-1] == "2019年3月20日"


def test_only_an_attachment_after_the_date_is_left_out() -> None:
    text = "某县2025年政府信息公开工作年度报告\n附件1：统计表\n一、总体情况\n某县人民政府\n2026年1月20日\n"
    paragraphs = [p.text for p in read_text_report("t.txt", text.encode()).paragraphs]
    assert paragraphs[1] == "附件1：统计表"
    attached = text + "附件\n某县2025年政府信息公开工作年度报告图解\n|甲|乙|\n|1|2|\n"
    document = read_text_report("t.txt", attached.encode())
    assert [p.text for p in document.paragraphs] == paragraphs
    assert document.grids[0].row_texts(1) == ["1", "2"]


def test_paragraphs_and_text_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PARAGRAPHS", 50)
    assert len(read_html_report("p.html", page("<p>段落</p>" * 49)).paragraphs) == 50
    with pytest.raises(DocumentTooComplex, match="文档超过 50 段"):
        read_html_report("p.html", page("<p>段落</p>" * 50))
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", 1000)
    with pytest.raises(DocumentTooComplex, match="文档超过 1000 字"):
        read_text_report("t.txt", ("正文" * 600 + "\n").encode())
    with pytest.raises(DocumentTooComplex, match="文档超过 1000 字"):
        read_html_report("p.html", page("<table><tr><td>" + "表" * 1000 + "</td></tr></table>"))
