"""Property-based: whatever a cell or a file holds, the reader returns a value or a located message."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.base.problems import Severity
from generator.formats.registry import format_for_year
from generator.read.cells import read_date, read_number, read_text
from generator.read.unit import read_unit
from generator.read.xlsx import RawCell
from tests.conftest import ROOT

SPEC = format_for_year(2018)
VALID = (ROOT / "inputs" / "2018" / "株洲市财政局.xlsx").read_bytes()

cell_text = st.one_of(
    st.text(max_size=60),
    st.from_regex(r"[-+(（]?[0-9０-９,，. ]{0,12}[)）%件条]?", fullmatch=True),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers().map(str),
    st.sampled_from(
        ["无", "—", "/", "-", "一百二十", "#N/A", "TRUE", "1e400", "NaN", "Infinity", "0x10"]
    ),
)
raw_cells = st.builds(
    RawCell,
    kind=st.sampled_from(["blank", "number", "text", "bool", "error", "date"]),
    value=cell_text,
    formula=st.one_of(st.none(), st.text(max_size=10)),
    number_format=st.sampled_from(["general", "date", "percent", "text"]),
)


def consistent(reading, accepted: type | tuple[type, ...]) -> None:
    errors = [i for i in reading.issues if i[0] == Severity.ERROR]
    if errors:
        assert reading.value is None
    else:
        assert reading.value is None or isinstance(reading.value, accepted)
    for severity, code, message in reading.issues:
        assert isinstance(severity, Severity) and code and message
        message.encode("gbk")  # a Windows console can print every message


@settings(max_examples=400)
@given(raw_cells)
def test_any_cell_as_a_count(raw: RawCell) -> None:
    reading = read_number(raw, "件")
    consistent(reading, int)
    if reading.value is not None:
        assert reading.value >= 0


@settings(max_examples=300)
@given(raw_cells)
def test_any_cell_as_an_amount(raw: RawCell) -> None:
    reading = read_number(raw, "元", whole=False)
    consistent(reading, Decimal)


@settings(max_examples=300)
@given(raw_cells, st.booleans())
def test_any_cell_as_text(raw: RawCell, multiline: bool) -> None:
    reading = read_text(raw, 200, multiline)
    consistent(reading, str)
    if reading.value:
        assert not any(
            0xD800 <= ord(ch) <= 0xDFFF or (ord(ch) < 32 and ch != "\n") for ch in reading.value
        )


@settings(max_examples=300)
@given(raw_cells, st.booleans())
def test_any_cell_as_a_date(raw: RawCell, date1904: bool) -> None:
    consistent(read_date(raw, date1904), dt.date)


def read_bytes(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.xlsx"
        path.write_bytes(data)
        return read_unit(path, SPEC)


def located(reading) -> None:
    assert reading.unit is not None or reading.problems
    for problem in reading.problems:
        assert problem.location is not None and problem.location.file == "x.xlsx"


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_as_a_workbook(data: bytes) -> None:
    located(read_bytes(data))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=20
    )
)
def test_a_workbook_with_damaged_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(VALID)
    for offset, value in flips:
        data[offset] = value
    located(read_bytes(bytes(data)))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(0, 5), st.text(max_size=200), st.integers(0, 4000))
def test_a_workbook_with_arbitrary_xml_in_a_part(part: int, junk: str, position: int) -> None:
    source = zipfile.ZipFile(io.BytesIO(VALID))
    names = [n for n in source.namelist() if n.endswith((".xml", ".rels"))]
    target_name = names[part % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            body = source.read(name)
            if name == target_name:
                cut = position % (len(body) + 1)
                body = body[:cut] + junk.encode("utf-8", "surrogatepass") + body[cut:]
            target.writestr(name, body)
    located(read_bytes(out.getvalue()))
