import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.base.problems import Location
from generator.formats.registry import format_for_year
from generator.formats.spec import FormatSpec
from generator.read.unit import read_unit
from tests.conftest import ROOT, Workbooks


def edit(path: Path, change) -> None:
    book = load_workbook(path)
    change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_reads_every_field_with_its_location(workbooks: Workbooks, spec2018: FormatSpec) -> None:
    path = workbooks.unit("某市人民政府", "市政府")
    reading = read_unit(path, spec2018)
    assert reading.problems == []
    unit = reading.unit
    assert unit.name == "某市人民政府" and unit.level == "市政府"
    received = unit.values["apply.received"]
    assert received.value == 10
    assert str(received.location) == "某市人民政府.xlsx 依申请公开!B3"
    assert unit.lists["text.part1"][0].heading == "（一）加强领导。"
    assert unit.lists["text.part1"][1].heading is None


def test_inserted_row_is_detected_and_never_read(
    workbooks: Workbooks, spec2018: FormatSpec
) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(path, lambda book: book["依申请公开"].insert_rows(6))
    reading = read_unit(path, spec2018)
    moved = [p for p in reading.problems if p.code == "label-moved"]
    assert moved, reading.problems
    first = moved[0]
    assert first.location.cell == "A6"
    assert "传真申请" in first.message and "A7" in first.message
    fax = spec2018.field("apply.fax")
    assert fax.id in reading.unit.unreadable
    assert "apply.fax" not in reading.unit.values


def test_sheet_with_trailing_space_is_read_with_a_warning(
    workbooks: Workbooks, spec2018: FormatSpec
) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(path, lambda book: setattr(book["主动公开"], "title", "主动公开 "))
    reading = read_unit(path, spec2018)
    assert codes(reading.problems) == ["sheet-renamed"]
    assert reading.unit.values["active.policy"].value == 10


def test_traditional_sheet_name_is_read_with_a_warning(
    workbooks: Workbooks, spec2018: FormatSpec
) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(path, lambda book: setattr(book["依申请公开"], "title", "依申請公開"))
    reading = read_unit(path, spec2018)
    assert codes(reading.problems) == ["sheet-renamed"]


def test_missing_sheet_suggests_the_copy(workbooks: Workbooks, spec2018: FormatSpec) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(path, lambda book: setattr(book["依申请公开"], "title", "依申请公开 (2)"))
    reading = read_unit(path, spec2018)
    missing = [p for p in reading.problems if p.code == "sheet-missing"]
    assert len(missing) == 1
    assert "依申请公开 (2)" in missing[0].message


def test_copy_beside_the_original_is_mentioned(workbooks: Workbooks, spec2018: FormatSpec) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(
        path,
        lambda book: setattr(book.copy_worksheet(book["依申请公开"]), "title", "依申请公开 (2)"),
    )
    reading = read_unit(path, spec2018)
    assert codes(reading.problems) == ["sheet-copy"]


def test_hidden_sheet_is_read_with_a_warning(workbooks: Workbooks, spec2018: FormatSpec) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(path, lambda book: setattr(book["主动公开"], "sheet_state", "hidden"))
    reading = read_unit(path, spec2018)
    assert codes(reading.problems) == ["sheet-hidden"]


def test_merged_input_cells_are_rejected(workbooks: Workbooks, spec2018: FormatSpec) -> None:
    path = workbooks.unit("某市财政局", "市政府工作部门")
    edit(path, lambda book: book["依申请公开"].merge_cells("B5:B6"))
    reading = read_unit(path, spec2018)
    merged = [p for p in reading.problems if p.code == "merged-input"]
    assert [p.location.cell for p in merged] == ["B5", "B6"]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "0 字节"),
        (b"name,count\n\xe7\x94\xb2,1\n", "CSV"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "网页"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "旧版 Excel"),
        (b"PK\x03\x04broken", "损坏"),
        (b"\x00\x01\x02\x03\xff\xfe" * 50, "无法识别"),
    ],
)
def test_foreign_files_are_named(
    tmp_path: Path, spec2018: FormatSpec, content: bytes, fragment: str
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    reading = read_unit(path, spec2018)
    assert reading.unit is None
    assert len(reading.problems) == 1
    assert reading.problems[0].location.file == "x.xlsx"
    assert fragment in reading.problems[0].message


@pytest.mark.parametrize(("made", "read_as"), [(2018, 2025), (2025, 2019), (2019, 2025)])
def test_another_format_s_form_is_one_message_not_one_per_label(made: int, read_as: int) -> None:
    """Last year's (or an older) form sent for this year's report: said once, nothing read."""
    path = next((ROOT / "inputs" / str(made)).glob("*.xlsx"))
    reading = read_unit(path, format_for_year(read_as))
    assert reading.unit is None
    (problem,) = reading.problems
    assert problem.code == "other-format" and problem.location == Location(path.name)
    assert problem.message.startswith(f"这是 {made} 年度的填报表（{format_for_year(made).name}）")
