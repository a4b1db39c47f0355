"""Damaged, foreign and hostile files: each is named with a clear message, quickly, never a crash."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.formats.spec import FormatSpec
from generator.pipeline.build import build, check_inputs
from generator.pipeline.options import BuildOptions
from generator.read.unit import read_unit
from tests import hostile
from tests.conftest import ROOT, Workbooks

VALID = ROOT / "inputs" / "2018" / "株洲市财政局.xlsx"


def valid() -> bytes:
    return VALID.read_bytes()


CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "0 字节"),
    "csv": (lambda: "单位,件数\n财政局,12\n".encode("gb18030"), "文本文件"),
    "html": (
        lambda: b"<html><head><title>x</title></head><body><table></table></body></html>",
        "网页",
    ),
    "excel-2003-xml": (hostile.excel_2003_xml, "XML 电子表格 2003"),
    "truncated": (lambda: hostile.truncated(valid()), "已损坏"),
    "corrupted-part": (lambda: hostile.corrupted_member(valid()), "已损坏"),
    "lying-size": (lambda: hostile.lying_size(valid()), "已损坏"),
    "future-zip-version": (lambda: hostile.future_zip_version(valid()), "已损坏"),
    "encrypted": (lambda: hostile.encrypted(valid()), "密码"),
    "billion-laughs": (
        lambda: hostile.rewrite(
            valid(), {hostile.SHEET: hostile.with_doctype(hostile.SHEET, hostile.BILLION_LAUGHS)}
        ),
        "DTD",
    ),
    "external-entity": (
        lambda: hostile.rewrite(
            valid(), {"xl/workbook.xml": hostile.with_doctype("", hostile.EXTERNAL_ENTITY)}
        ),
        "DTD",
    ),
    "zip-bomb-size": (lambda: hostile.big_member(64 << 20), "压缩炸弹"),
    "zip-bomb-ratio": (lambda: hostile.big_member(8 << 20), "压缩比异常"),
    "many-members": (lambda: hostile.many_members(5000), "超过上限"),
    "million-rows": (lambda: hostile.huge_sheet(valid(), 1_048_576), "工作表“主动公开”"),
    "word-document": (
        lambda: (ROOT / "templates" / "2018" / "reference.docx").read_bytes(),
        "Word 文档",
    ),
    "random-binary": (lambda: bytes(range(256)) * 40, "无法识别"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_named_with_a_message(
    case: str, tmp_path: Path, spec2018: FormatSpec
) -> None:
    make, fragment = CASES[case]
    path = tmp_path / f"{case}.xlsx"
    path.write_bytes(make())
    reading = read_unit(path, spec2018)
    assert reading.unit is None
    assert [p.location.file for p in reading.problems] == [f"{case}.xlsx"]
    assert fragment in reading.problems[0].message


def test_strict_open_xml_is_read_like_transitional(tmp_path: Path, spec2018: FormatSpec) -> None:
    path = tmp_path / "strict.xlsx"
    path.write_bytes(hostile.strict(valid()))
    strict, plain = read_unit(path, spec2018), read_unit(VALID, spec2018)
    assert strict.problems == []
    assert {k: c.value for k, c in strict.unit.values.items()} == {
        k: c.value for k, c in plain.unit.values.items()
    }


def test_extension_does_not_matter(tmp_path: Path, spec2018: FormatSpec) -> None:
    path = tmp_path / "财政局.xls"
    path.write_bytes(valid())
    reading = read_unit(path, spec2018)
    assert reading.problems == [] and reading.unit.name == "株洲市财政局"


def test_stray_cell_at_the_last_position_is_ignored(tmp_path: Path, spec2018: FormatSpec) -> None:
    path = tmp_path / "stray.xlsx"
    path.write_bytes(hostile.stray_cell(valid()))
    reading = read_unit(path, spec2018)
    assert reading.problems == [] and reading.unit.values["active.policy"].value == 40


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_one_hostile_file_among_valid_ones(tmp_path: Path) -> None:
    """The build stops naming every bad file, writes only the problem lists, and leaves the
    inputs untouched."""
    folder = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs" / "2018", folder)
    for case in ("billion-laughs", "zip-bomb-size", "truncated", "html"):
        (folder / f"{case}.xlsx").write_bytes(CASES[case][0]())
    before = digest(folder)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "2018",
            "--inputs",
            str(folder),
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for case in ("billion-laughs", "zip-bomb-size", "truncated", "html"):
        assert f"{case}.xlsx" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["问题清单", "问题清单.xlsx"]
    assert digest(folder) == before


MISTYPED_THE_SAME = [
    "１２３",
    "123 ",
    "\u00a0123",
    "1\u200b23",
    "'123",
    "123件",
    123.00000000000001,
]


@pytest.mark.parametrize("typed", MISTYPED_THE_SAME)
def test_mistyped_counts_give_the_identical_report(
    workbooks: Workbooks, tmp_path: Path, typed
) -> None:
    workbooks.standard()
    clean = build(BuildOptions.for_year(2018, workbooks.folder, tmp_path / "clean"))
    workbooks.unit("某市财政局", "市政府工作部门", {"active.news": 123})
    reference = build(BuildOptions.for_year(2018, workbooks.folder, tmp_path / "reference"))
    workbooks.unit("某市财政局", "市政府工作部门", {"active.news": typed})
    mistyped = build(BuildOptions.for_year(2018, workbooks.folder, tmp_path / "mistyped"))
    assert clean.written and reference.written and mistyped.written
    assert reference.written[0].read_bytes() == mistyped.written[0].read_bytes()
    assert [p for p in mistyped.problems if p.severity > 0] == []


@pytest.mark.parametrize(
    "typed", ["一百二十三", "123.5", "-123", "(123)", "12%", "#N/A", "1 2 3 4", True]
)
def test_mistyped_counts_that_cannot_be_read_name_the_cell(workbooks: Workbooks, typed) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"active.news": typed})
    errors = [
        p
        for p in check_inputs(BuildOptions.for_year(2018, workbooks.folder)).problems
        if p.severity == 2
    ]
    assert [str(p.location) for p in errors] == ["某市财政局.xlsx 主动公开!B10"]
