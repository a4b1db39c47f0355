""".xls, .et and .ods workbooks: read in a bounded child process like .xlsx, or a located message."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.base import limits
from generator.formats.spec import FormatSpec
from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from generator.read import legacy, legacy_child
from generator.read.unit import read_unit
from tests.conftest import ROOT
from tests.support import libreoffice_convert, libreoffice_convert_all

VALID = ROOT / "inputs" / "2018" / "株洲市财政局.xlsx"


@pytest.fixture(scope="module")
def shipped_copies(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[int, str], Path]:
    """inputs/2018 and inputs/2025 as LibreOffice saves them in .xls and .ods."""
    copies = {}
    for year in (2018, 2025):
        sources = sorted((ROOT / "inputs" / str(year)).glob("*.xlsx"))
        for target in ("xls", "ods"):
            folder = tmp_path_factory.mktemp(f"{year}-{target}")
            converted = libreoffice_convert_all(sources, target, folder)
            inputs = folder / str(year)
            inputs.mkdir()
            for index, path in enumerate(converted):
                # Every other .xls renamed .et: WPS's .et is the same OLE2 workbook format.
                suffix = ".et" if target == "xls" and index % 2 else path.suffix
                shutil.move(path, inputs / (path.stem + suffix))
            copies[year, target] = inputs
    return copies


@pytest.mark.parametrize("target", ["xls", "ods"])
@pytest.mark.parametrize("year", [2018, 2025])
def test_the_report_from_copies_is_byte_identical(
    shipped_copies, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, year: int, target: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    original = build(BuildOptions.for_year(year, ROOT / "inputs" / str(year), tmp_path / "a"))
    copy = build(BuildOptions.for_year(year, shipped_copies[year, target], tmp_path / "b"))
    assert [str(p) for p in copy.problems if p.severity > 0] == []
    for path in original.written:
        if path.suffix in (".txt", ".docx"):
            assert (tmp_path / "b" / path.name).read_bytes() == path.read_bytes(), path.name


def faulty_workbook(tmp_path: Path) -> Path:
    """The valid workbook with a percent, a date, a merged input and a hidden sheet."""
    book = load_workbook(VALID)
    active = book["主动公开"]
    active["B10"].number_format = "0%"
    active["B4"] = dt.date(2018, 5, 1)
    active["B4"].number_format = "yyyy-mm-dd"
    active.merge_cells("B5:B6")
    book["收费及复议诉讼"].sheet_state = "hidden"
    path = tmp_path / "faulty.xlsx"
    book.save(path)
    return path


def findings(path: Path, spec: FormatSpec) -> list[tuple]:
    reading = read_unit(path, spec, display_name="单位")
    return sorted((p.severity, p.code, str(p.location), p.message) for p in reading.problems)


@pytest.mark.parametrize("target", ["xls", "ods"])
def test_the_same_messages_at_the_same_cells(
    tmp_path: Path, spec2018: FormatSpec, target: str
) -> None:
    source = faulty_workbook(tmp_path)
    expected = findings(source, spec2018)
    assert {code for _, code, _, _ in expected} == {
        "percent",
        "date",
        "merged-input",
        "sheet-hidden",
    }
    assert findings(libreoffice_convert(source, target, tmp_path), spec2018) == expected


@pytest.mark.parametrize("target", ["xls", "ods"])
def test_an_error_value_is_an_error_value(
    tmp_path: Path, spec2018: FormatSpec, target: str
) -> None:
    """calamine reads error cells as empty; the file's own records say what they hold."""
    book = load_workbook(VALID)
    book["依申请公开"]["B7"] = "=1/0"
    book.save(tmp_path / "source.xlsx")
    converted = libreoffice_convert(tmp_path / "source.xlsx", target, tmp_path)
    [problem] = [p for p in read_unit(converted, spec2018).problems if p.location.cell == "B7"]
    assert problem.code == "error-value" and "#DIV/0!" in problem.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, ("bool", "1", None)),
        (12, ("number", "12", None)),
        (0.1, ("number", "0.1", None)),
        ("", None),
        (dt.date(1900, 3, 1), ("number", "61.0", "yyyy-mm-dd")),
        (dt.time(12), ("number", "0.5", "hh:mm:ss")),
    ],
)
def test_calamine_values_become_cells_as_xlsx_stores_them(value, expected) -> None:
    assert legacy_child.calamine_value(value) == expected


def fake_child(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "child.py"
    script.write_text(body, encoding="utf-8")
    monkeypatch.setattr(legacy, "CHILD", script)


@pytest.fixture(scope="module")
def xls_data(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The valid workbook as .xls."""
    return libreoffice_convert(VALID, "xls", tmp_path_factory.mktemp("xls")).read_bytes()


def xls_copy(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "财政局.xls"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("import os\nos.abort()\n", "读取程序异常退出"),
        ("print('not json')\n", "读取程序异常退出"),
        ("import json\nprint(json.dumps({'sheets': [{'name': 1}]}))\n", "读取程序异常退出"),
        ("import time\ntime.sleep(30)\n", "超过 1 秒仍未完成"),
        ("import json\nprint(json.dumps({'error': 'memory'}))\n", "内存超过上限"),
        ("import json\nprint(json.dumps({'error': 'password'}))\n", "打开密码"),
    ],
)
def test_a_child_that_fails_is_a_message_for_the_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    spec2018: FormatSpec,
    xls_data: bytes,
    body: str,
    fragment: str,
) -> None:
    path = xls_copy(tmp_path, xls_data)
    fake_child(tmp_path, body, monkeypatch)
    monkeypatch.setattr(limits, "LEGACY_SECONDS", 1)
    reading = read_unit(path, spec2018)
    assert reading.unit is None
    [problem] = reading.problems
    assert problem.location.file == path.name and fragment in problem.message
    assert "旧版 Excel（.xls）或 WPS 表格（.et）" in problem.message or "密码" in fragment


def test_the_memory_bound_holds_in_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec2018: FormatSpec, xls_data: bytes
) -> None:
    """The real child under its real limit, reading as if the file needed 512 MB."""
    path = xls_copy(tmp_path, xls_data)
    fake_child(
        tmp_path,
        "import sys\n"
        f"sys.path.insert(0, {str(Path(legacy.CHILD).parent)!r})\n"
        "import legacy_child\n"
        "real = legacy_child.read\n"
        "legacy_child.read = lambda *a: (bytearray(512 * 2**20), real(*a))[1]\n"
        "sys.exit(legacy_child.main(sys.argv[1:]))\n",
        monkeypatch,
    )
    monkeypatch.setattr(limits, "LEGACY_MEMORY_BYTES", 256 * 1024 * 1024)
    reading = read_unit(path, spec2018)
    assert reading.unit is None and "内存超过上限" in reading.problems[0].message


DAMAGED = {
    "empty-container": lambda xls: xls[:8] + bytes(4000),
    "truncated": lambda xls: xls[:9000],
    "scrambled": lambda xls: xls[:4096] + bytes(b ^ 0x5A for b in xls[4096:]),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_xls_through_the_command(tmp_path: Path, xls_data: bytes, case: str) -> None:
    folder = tmp_path / "2018"
    shutil.copytree(ROOT / "inputs" / "2018", folder)
    (folder / "坏.xls").write_bytes(DAMAGED[case](xls_data))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "2018", "--check", "--inputs", str(folder),
         "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if "坏.xls" in line)
    assert line.startswith("[错误] 坏.xls")


@pytest.fixture(scope="module")
def faulty_ods(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The faulty workbook as .xlsx, and as LibreOffice saves it in .ods."""
    folder = tmp_path_factory.mktemp("faulty-ods")
    source = faulty_workbook(folder)
    return source, libreoffice_convert(source, "ods", folder)


def with_content(ods: Path, target: Path, change: Callable[[str], bytes]) -> Path:
    """A copy of the .ods whose content.xml is `change`d (given it as text)."""
    with zipfile.ZipFile(ods) as archive, zipfile.ZipFile(target, "w") as copy:
        for info in archive.infolist():
            body = archive.read(info)
            if info.filename == "content.xml":
                body = change(body.decode("utf-8"))
            copy.writestr(info, body)
    return target


def gb2312(text: str) -> bytes:
    declared = text.replace('encoding="UTF-8"', 'encoding="GB2312"', 1)
    assert declared != text
    return declared.encode("gb2312", "xmlcharrefreplace")


def test_an_ods_in_gb2312_reads_as_in_utf8(
    tmp_path: Path, spec2018: FormatSpec, faulty_ods: tuple[Path, Path]
) -> None:
    source, ods = faulty_ods
    recoded = with_content(ods, tmp_path / "单位.ods", gb2312)
    assert b'encoding="GB2312"' in zipfile.ZipFile(recoded).read("content.xml")
    assert findings(recoded, spec2018) == findings(source, spec2018)


def test_an_ods_not_in_the_encoding_it_declares_says_so(
    tmp_path: Path, spec2018: FormatSpec, faulty_ods: tuple[Path, Path]
) -> None:
    mislabelled = with_content(
        faulty_ods[1],
        tmp_path / "单位.ods",
        lambda text: text.replace('encoding="UTF-8"', 'encoding="GB2312"', 1).encode("utf-8"),
    )
    reading = read_unit(mislabelled, spec2018)
    [problem] = reading.problems
    assert reading.unit is None and problem.code == "legacy-encoding"
    assert "内部部件 content.xml声明为 GB2312 编码，但内容实际是 UTF-8 编码" in problem.message


def test_an_ods_declaring_a_dtd_is_refused(
    tmp_path: Path, spec2018: FormatSpec, faulty_ods: tuple[Path, Path]
) -> None:
    def doctype(text: str) -> bytes:
        end = text.index("?>") + 2
        return (text[:end] + '<!DOCTYPE x [<!ENTITY a "b">]>' + text[end:]).encode("utf-8")

    reading = read_unit(with_content(faulty_ods[1], tmp_path / "单位.ods", doctype), spec2018)
    [problem] = reading.problems
    assert reading.unit is None and problem.code == "legacy-dtd"
    assert "XML 文档类型声明（DTD），正常的表格文件不会有" in problem.message


def test_a_word_97_document_is_named(tmp_path: Path, spec2018: FormatSpec) -> None:
    source = tmp_path / "报告.docx"
    shutil.copy(ROOT / "templates" / "2018" / "reference.docx", source)
    doc = libreoffice_convert(source, "doc", tmp_path)
    reading = read_unit(doc, spec2018)
    assert reading.unit is None and "Word 97-2003 文档" in reading.problems[0].message
