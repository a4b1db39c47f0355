"""XML parts under any declared encoding: decoded before parsing, or refused with a message."""

from __future__ import annotations

import codecs
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from generator.formats.spec import FormatSpec
from generator.read.unit import read_unit
from generator.read.xlsx import WorkbookError, XlsxWorkbook
from generator.read.xml_encoding import EncodingProblem, as_utf8
from tests.conftest import ROOT
from tests.support import rewrite
from tests.xlsx_parts import package

VALID = ROOT / "inputs" / "2018" / "株洲市财政局.xlsx"
SHARED = "xl/sharedStrings.xml"
ENCODINGS = [
    "GB2312", "GBK", "GB18030", "Big5", "UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32",
    "Shift_JIS", "EUC-KR", "ISO-8859-1", "windows-1252", "UTF-8",
]  # fmt: skip


def declared(body: bytes, encoding: str) -> bytes:
    """The part re-encoded in `encoding`, its declaration saying so."""
    text = body.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :]
    return f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>{text}'.encode(
        encoding, "xmlcharrefreplace"
    )


def values(path: Path, spec: FormatSpec) -> dict:
    reading = read_unit(path, spec)
    assert reading.unit is not None, [str(p) for p in reading.problems]
    return {k: c.value for k, c in reading.unit.values.items()}


@pytest.mark.parametrize("encoding", ["GB2312", "GBK", "GB18030", "UTF-16"])
def test_a_shipped_workbook_in_a_chinese_encoding_reads_the_same(
    tmp_path: Path, spec2018: FormatSpec, encoding: str
) -> None:
    data = VALID.read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    parts = {n: (lambda b, e=encoding: declared(b, e)) for n in names if n.endswith(".xml")}
    path = tmp_path / "编码.xlsx"
    path.write_bytes(rewrite(data, parts))
    assert values(path, spec2018) == values(VALID, spec2018)


def test_gbk_bytes_declared_utf8_are_refused_naming_the_part(
    tmp_path: Path, spec2018: FormatSpec
) -> None:
    def mislabel(body: bytes) -> bytes:
        return declared(body, "GBK").replace(b'encoding="GBK"', b'encoding="UTF-8"')

    path = tmp_path / "乱码.xlsx"
    path.write_bytes(rewrite(VALID.read_bytes(), {"xl/worksheets/sheet2.xml": mislabel}))
    reading = read_unit(path, spec2018)
    assert reading.unit is None
    [problem] = reading.problems
    assert str(problem.location) == "乱码.xlsx"
    assert problem.message.startswith("工作表“基本信息”声明为 UTF-8 编码，但第 ")
    assert "GBK/GB18030" in problem.message


def test_gb2312_shared_strings_through_the_command(tmp_path: Path) -> None:
    """The workbook of the report: shared strings declared GB2312 are read, exit 0."""
    folder = tmp_path / "2018"
    shutil.copytree(ROOT / "inputs" / "2018", folder)
    book = load_workbook(VALID)
    book.save(folder / VALID.name)  # openpyxl writes shared strings
    data = (folder / VALID.name).read_bytes()
    (folder / VALID.name).write_bytes(rewrite(data, {SHARED: lambda b: declared(b, "GB2312")}))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "2018", "--check", "--inputs", str(folder),
         "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "检查通过" in result.stdout


def test_utf8_bytes_declared_gb2312_are_refused() -> None:
    body = '<?xml version="1.0" encoding="GB2312"?><sst><si><t>收到申请总数</t></si></sst>'
    with pytest.raises(EncodingProblem, match="实际是 UTF-8"):
        as_utf8(body.encode("utf-8"), "工作表“表”")


def test_an_unknown_encoding_is_named() -> None:
    with pytest.raises(EncodingProblem, match="无法识别的文字编码“x-klingon”"):
        as_utf8(b'<?xml version="1.0" encoding="x-klingon"?><a/>', "内部部件 a.xml")


def test_a_dtd_is_still_refused_after_decoding() -> None:
    sheet = '<?xml version="1.0" encoding="GBK"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>'
    data = package({"表": {"A1": 1}}, extra={})
    data = rewrite(data, {"xl/worksheets/sheet1.xml": lambda _: sheet.encode("gbk")})
    book = XlsxWorkbook(zipfile.ZipFile(io.BytesIO(data)))
    with pytest.raises(WorkbookError, match="DTD"):
        book.read_cells(book.sheets[0], ["A1"])


def encodable(encoding: str) -> st.SearchStrategy[str]:
    """Text the encoding holds and gives back (XML-legal characters, no markup).

    Characters an encoding writes but reads back as another one are left out: Shift_JIS
    writes ¥ as byte 0x5C, which every decoder reads as a backslash.
    """
    chars = st.characters(
        blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&\"'\r\ufeff\ufffe\uffff"
    ).filter(lambda ch: _encodes(ch, encoding))
    return st.text(chars, min_size=1, max_size=30).filter(lambda t: t.strip() == t and t)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        return ch.encode(encoding).decode(encoding) == ch
    except UnicodeError:
        return False


def _ambiguous(data: bytes, encoding: str) -> bool:
    """Bytes in an ASCII-based legacy encoding that are also valid UTF-8 beyond two-byte characters."""
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32", "utf-8")):
        return False
    try:
        return any(ord(ch) >= 0x800 for ch in data.decode("utf-8"))
    except UnicodeDecodeError:
        return False


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ENCODINGS).flatmap(lambda e: st.tuples(st.just(e), encodable(e))))
def test_any_text_in_any_declared_encoding_reads_back(case: tuple[str, str]) -> None:
    encoding, text = case
    data = package({"表": {"A1": ("xml", '<c r="A1" t="s"><v>0</v></c>')}}, shared=[text])
    part = declared(zipfile.ZipFile(io.BytesIO(data)).read(SHARED), encoding)
    book = XlsxWorkbook(zipfile.ZipFile(io.BytesIO(rewrite(data, {SHARED: lambda _: part}))))
    try:
        cell = book.read_cells(book.sheets[0], ["A1"])["A1"]
    except WorkbookError as error:
        assert _ambiguous(part, encoding), str(error)
        assert "实际是 UTF-8" in str(error)
        return
    assert cell.value == text
