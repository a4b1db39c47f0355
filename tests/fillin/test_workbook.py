"""The fill-in workbook: protected, validated, self-explaining, and read back exactly."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.fillin.init import init_forms
from generator.fillin.workbook import fill_form, new_form
from generator.formats.kinds import KINDS
from generator.formats.registry import format_for_year
from generator.formats.spec import FormatSpec
from generator.pipeline.build import build, check_inputs
from generator.pipeline.options import BuildOptions
from generator.read.unit import read_unit
from tests.conftest import GOLDEN, ROOT
from tests.support import libreoffice_convert

TITLE = "株洲市人民政府2018年政府信息公开工作年度报告"


@pytest.fixture(scope="module")
def form(spec2018: FormatSpec, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("init")
    result = init_forms(
        2018, folder, [("某某局", "市政府工作部门")], {"contact": "张三 0731-12345678"}
    )
    assert [p.name for p in result.written] == ["某某局.xlsx"]
    return result.written[0]


def input_refs(spec: FormatSpec) -> list[tuple[str, str]]:
    """(sheet, cell) of every cell a person fills in."""
    refs = []
    for item in spec.fields.values():
        if item.kind is KINDS["list"]:
            refs += [(item.sheet, r) for pair in item.list_refs() for r in pair if r]
        elif item.kind is not KINDS["total"]:
            refs.append((item.sheet, item.ref))
    return refs


def test_instructions_come_first_and_say_whom_to_call(form: Path) -> None:
    book = load_workbook(form)
    assert book.sheetnames[0] == "填表说明"
    text = "".join(str(c.value) for row in book["填表说明"].iter_rows() for c in row if c.value)
    for fragment in ("浅黄色单元格", "统计口径", "报送时间", "张三 0731-12345678", "收到申请"):
        assert fragment in text


def test_name_level_and_year_are_filled_in(form: Path, spec2018: FormatSpec) -> None:
    sheet = load_workbook(form)["基本信息"]
    assert [
        sheet[spec2018.field(f).ref].value for f in ("unit.name", "unit.level", "unit.year")
    ] == [
        "某某局",
        "市政府工作部门",
        2018,
    ]


def test_sheets_are_protected_without_password_and_inputs_unlocked(
    form: Path, spec2018: FormatSpec
) -> None:
    book = load_workbook(form)
    for sheet in book.worksheets:
        assert sheet.protection.sheet and not sheet.protection.password
    inputs = set(input_refs(spec2018))
    for sheet_name, ref in inputs:
        assert book[sheet_name][ref].protection.locked is False
    for item in spec2018.fields.values():
        for ref, _ in item.labels:
            assert book[item.sheet][ref].protection.locked is True
        if item.kind is KINDS["total"]:
            cell = book[item.sheet][item.ref]
            assert cell.protection.locked is True and str(cell.value).startswith("=SUM(")


def test_every_count_cell_is_validated_with_a_chinese_prompt(
    form: Path, spec2018: FormatSpec
) -> None:
    book = load_workbook(form)
    for item in spec2018.fields.values():
        if item.kind not in (KINDS["count"], KINDS["level"], KINDS["amount"], KINDS["year"]):
            continue
        rules = [
            dv for dv in book[item.sheet].data_validations.dataValidation if item.ref in dv.sqref
        ]
        assert len(rules) == 1, item.id
        rule = rules[0]
        assert rule.showErrorMessage and rule.showInputMessage and "请" in rule.prompt
        if item.kind is KINDS["count"]:
            assert (rule.type, rule.formula1) == ("whole", "0")
        if item.kind is KINDS["level"]:
            assert rule.type == "list" and rule.formula1 == '"市政府,市政府工作部门,县市区政府"'


def test_print_settings_are_a4(form: Path) -> None:
    for sheet in load_workbook(form).worksheets:
        assert sheet.page_setup.paperSize == 9
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.column_dimensions["A"].width > 10


def test_init_never_overwrites(tmp_path: Path) -> None:
    first = init_forms(2018, tmp_path, [])
    assert [p.name for p in first.written] == ["2018年度政府信息公开工作情况填报表.xlsx"]
    first.written[0].write_bytes(b"edited")
    again = init_forms(2018, tmp_path, [])
    assert again.written == [] and again.skipped == first.written
    assert first.written[0].read_bytes() == b"edited"


@pytest.mark.parametrize("text", ["=1+1", "+1+1局", "-1", "@SUM(A1)", '=HYPERLINK("http://x")'])
def test_formula_like_text_stays_text(spec2018: FormatSpec, text: str) -> None:
    data = fill_form(
        new_form(spec2018, text, "市政府工作部门", 2018), spec2018, {"contact.office": text}
    )
    book = load_workbook(io.BytesIO(data))
    for ref in ("B3", spec2018.field("contact.office").ref):
        cell = book["基本信息"][ref]
        assert (cell.value, cell.data_type) == (text, "s")
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet2.xml")
    assert b"<f>" not in sheet_xml


def test_round_trip_reads_exactly_what_was_filled(spec2018: FormatSpec, tmp_path: Path) -> None:
    values = {
        f.id: (i * 7) % 1000
        for i, f in enumerate(spec2018.fields.values())
        if f.kind is KINDS["count"]
    }
    values.update(
        {"contact.phone": "0731-00000000", "contact.postcode": "012345", "fees.amount": 12.5}
    )
    lists = {
        "text.part1": [("（一）甲。", "正文一"), (None, "正文二")],
        "text.part6": [(None, "六")],
    }
    path = tmp_path / "x.xlsx"
    path.write_bytes(
        fill_form(new_form(spec2018, "甲局", "市政府工作部门", 2018), spec2018, values, lists)
    )
    unit = read_unit(path, spec2018).unit
    for field_id, value in values.items():
        assert unit.values[field_id].value == (
            value if field_id != "fees.amount" else pytest.approx(12.5)
        )
    assert [(r.heading, r.text) for r in unit.lists["text.part1"]] == lists["text.part1"]


def test_copying_a_shipped_units_inputs_gives_the_identical_report(
    spec2018: FormatSpec, tmp_path: Path
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    refs = input_refs(spec2018)
    for shipped in sorted((ROOT / "inputs" / "2018").glob("*.xlsx")):
        old = load_workbook(shipped)
        name, level = old["基本信息"]["B3"].value, old["基本信息"]["B4"].value
        init_forms(2018, folder, [(name, level)])
        fresh_path = folder / shipped.name
        fresh = load_workbook(fresh_path)
        for sheet, ref in refs:
            fresh[sheet][ref].value = old[sheet][ref].value
        fresh.save(fresh_path)
    result = build(BuildOptions.for_year(2018, folder, tmp_path / "out"))
    assert not result.problems.blocking(), [str(p) for p in result.problems]
    text = (
        (tmp_path / "out" / f"{TITLE}.txt").read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    )
    assert text == (GOLDEN / "2018" / f"{TITLE}.txt").read_text(encoding="utf-8")


def test_libreoffice_opens_the_form_and_keeps_what_it_saves(
    form: Path, spec2018: FormatSpec, tmp_path: Path
) -> None:
    source = tmp_path / "form.xlsx"
    shutil.copy(form, source)
    values = {
        "apply.received": 3,
        "apply.in_person": 1,
        "apply.fax": 0,
        "apply.online": 1,
        "apply.letter": 1,
    }
    source.write_bytes(fill_form(source.read_bytes(), spec2018, values))
    saved = libreoffice_convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path)
    reading = read_unit(saved, spec2018)
    assert not [p for p in reading.problems if p.severity == 2], [str(p) for p in reading.problems]
    unit = reading.unit
    assert (unit.name, unit.level) == ("某某局", "市政府工作部门")
    assert {k: unit.values[k].value for k in values} == values
    # LibreOffice computed and saved the totals' formulas; the reader checks them against the parts.
    assert unit.values["apply.channels"].value == 3
    book = load_workbook(saved)
    assert book["依申请公开"].protection.sheet
    assert len(book["依申请公开"].data_validations.dataValidation) >= 1


def test_round_trip_values_are_validated_as_a_whole(tmp_path: Path, spec2018: FormatSpec) -> None:
    init_forms(2018, tmp_path, [("某市人民政府", "市政府")])
    problems = check_inputs(BuildOptions.for_year(2018, tmp_path)).problems
    blanks = [p for p in problems if p.code == "blank"]
    assert blanks and all(p.location.file == "某市人民政府.xlsx" for p in blanks)


def test_libreoffice_keeps_a_national_format_form(tmp_path: Path) -> None:
    """The 2021-format workbook (merged table headers, formulas) survives LibreOffice open-and-save."""
    shipped = ROOT / "inputs" / "2025" / "沭阳县公安局.xlsx"
    source = tmp_path / "form.xlsx"
    shutil.copy(shipped, source)
    saved = libreoffice_convert(source, "xlsx:Calc MS Excel 2007 XML", tmp_path)
    spec = format_for_year(2025)
    saved, original = read_unit(saved, spec), read_unit(shipped, spec)
    assert [p for p in saved.problems if p.severity == 2] == []
    inputs = {
        k: c.value
        for k, c in original.unit.values.items()
        if spec.field(k).kind is not KINDS["total"]
    }
    assert {k: saved.unit.values[k].value for k in inputs} == inputs
    # LibreOffice saved the formulas' results; they agree with the parts.
    assert saved.unit.values["apply.total.total"].value is not None
