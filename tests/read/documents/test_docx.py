"""Word reports written by anyone: merged cells, tables inside the body, hostile packages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from generator.read.documents.docx import read_docx_report
from generator.read.documents.errors import DocumentError
from generator.read.documents.opening import read_report
from tests import hostile


def word_file(tmp_path: Path) -> Path:
    """A report written the way staff write one in Word: headings, a merged header, a table."""
    document = docx.Document()
    document.add_paragraph("某区财政局2024年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "信息内容"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "第二十条"
    table.cell(1, 1).text, table.cell(1, 2).text = "本年制发件数", "本年废止件数"
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 2).text = "规章", "1", "0"
    document.add_paragraph("二、主动公开政府信息情况")
    path = tmp_path / "报告.docx"
    document.save(path)
    return path


def test_merged_cells_become_spans_and_paragraphs_keep_their_order(tmp_path: Path) -> None:
    path = word_file(tmp_path)
    document = read_docx_report(path.name, path.read_bytes())
    assert [p.text for p in document.paragraphs][1:] == ["一、总体情况", "二、主动公开政府信息情况"]
    grid = document.grids[0]
    assert grid.at(1, 0) is grid.at(0, 0) and grid.at(0, 0).rows == 2  # vMerge
    assert grid.at(0, 2) is grid.at(0, 1) and grid.at(0, 1).cols == 2  # gridSpan
    assert grid.row_texts(2) == ["规章", "1", "0"]
    assert isinstance(document.blocks[2], type(grid))  # the table sits between the headings


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    source = word_file(tmp_path).read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(source))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "word/document.xml":
                data = (
                    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                    + data.split(b"?>", 1)[1]
                )
            target.writestr(name, data)
    with pytest.raises(DocumentError, match="DTD"):
        read_docx_report("bad.docx", output.getvalue())


def test_a_zip_bomb_an_old_doc_and_a_future_zip_get_a_message_not_a_traceback(
    tmp_path: Path,
) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("[Content_Types].xml", "<Types/>")
        target.writestr("word/document.xml", b"<" + b" " * 40_000_000 + b"/>")
    (tmp_path / "bomb.docx").write_bytes(bomb.getvalue())
    reading = read_report(tmp_path / "bomb.docx")
    assert reading.document is None and "压缩炸弹" in reading.problems[0].message
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    reading = read_report(tmp_path / "old.doc")
    assert reading.document is None and "另存为“Word 文档（*.docx）”" in reading.problems[0].message
    (tmp_path / "future.docx").write_bytes(
        hostile.future_zip_version(word_file(tmp_path).read_bytes())
    )
    reading = read_report(tmp_path / "future.docx")
    assert reading.document is None and "文件已损坏" in reading.problems[0].message


def test_the_package_checks_name_a_report_file_not_a_workbook(tmp_path: Path) -> None:
    source = zipfile.ZipFile(word_file(tmp_path))
    twice = io.BytesIO()
    with zipfile.ZipFile(twice, "w") as target, pytest.warns(UserWarning, match="Duplicate"):
        for name in source.namelist():
            target.writestr(name, source.read(name))
        target.writestr("word/document.xml", b"<w:document/>")  # a second body hides the first
    (tmp_path / "twice.docx").write_bytes(twice.getvalue())
    reading = read_report(tmp_path / "twice.docx")
    assert reading.document is None and "重名的部件" in reading.problems[0].message
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name))
        for index in range(1000):
            target.writestr(f"word/extra{index}.xml", b"<x/>")
    (tmp_path / "many.docx").write_bytes(many.getvalue())
    message = read_report(tmp_path / "many.docx").problems[0].message
    assert message.endswith("不像正常的报告文件") and "工作簿" not in message
