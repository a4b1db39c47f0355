"""Checks across years with the 试行 format: 2020 against 2019, and 2021 against 2020 across the
change of format (last year's workbooks are read with last year's format)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from generator.base.problems import Severity
from generator.check.numbers import field_number
from generator.fillin.workbook import fill_form, new_form
from generator.formats.registry import format_for_year
from generator.pipeline.build import check_inputs
from generator.pipeline.options import BuildOptions
from generator.read.unit import UnitData, read_unit
from tests.conftest import ROOT

SHIPPED = ROOT / "inputs" / "2019"
TRIAL, NATIONAL = format_for_year(2019), format_for_year(2021)
COLUMNS = ("natural", "business", "research", "welfare", "legal", "other")
CHANGING = ("art20_5.license", "art20_5.services", "art20_6.penalty", "art20_6.enforcement")
CHANGING += ("art20_8.fees",)
UNIT = "示例局"


def number(unit: UnitData, field_id: str) -> Decimal:
    value = field_number(unit, field_id, TRIAL)
    assert value is not None
    return value


def rewrite(folder: Path, spec, changes: dict[str, dict[str, object]]) -> None:
    """Type new values into some units' workbooks (file name = unit name)."""
    for name, values in changes.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(fill_form(path.read_bytes(), spec, values))


def units(folder: Path) -> list[tuple[Path, UnitData]]:
    return [(path, read_unit(path, TRIAL).unit) for path in sorted(folder.glob("*.xlsx"))]


def inputs_2019(tmp_path: Path) -> Path:
    """The shipped inputs, with 本年增/减 in use: 示例局 had 12 penalty items, 4 fewer this year."""
    folder = tmp_path / "2019"
    folder.mkdir()
    for path in SHIPPED.glob("*.xlsx"):
        (folder / path.name).write_bytes(path.read_bytes())
    rewrite(folder, TRIAL, {UNIT: {"art20_6.penalty.last_items": 12, "art20_6.penalty.change": -4}})
    return folder


def inputs_2020(tmp_path: Path, last: Path) -> Path:
    """2020 in the 试行 format, continuing `last`: 上年结转 = last 结转下年度 (new = last 办结, so
    each column still balances), 上一年项目数量 = last year's plus its 本年增/减."""
    folder = tmp_path / "2020"
    folder.mkdir()
    for path, unit in units(last):
        values: dict[str, object] = {"unit.year": 2020}
        for col in COLUMNS:
            values[f"apply.carried.{col}"] = number(unit, f"apply.next.{col}")
            values[f"apply.new.{col}"] = number(unit, f"apply.total.{col}")
        for item in CHANGING:
            items = number(unit, f"{item}.last_items") + number(unit, f"{item}.change")
            values[f"{item}.last_items"] = items
        (folder / path.name).write_bytes(fill_form(path.read_bytes(), TRIAL, values))
    return folder


def inputs_2021(tmp_path: Path, last: Path) -> Path:
    """2021 in the national format, fresh workbooks of the same units: 上年结转 = last year's
    结转下年度, all of it carried on again; contacts and narrative as last year, signed in 2022."""
    folder = tmp_path / "2021"
    folder.mkdir()
    numeric = [f.id for f in NATIONAL.summed if not f.kind.computed]
    for path, unit in units(last):
        values: dict[str, object] = dict.fromkeys(numeric, 0)
        values.update(
            {
                k: v.value
                for k, v in unit.values.items()
                if k in NATIONAL.fields and not NATIONAL.field(k).kind.numeric
            }
        )
        values["sign.date"] = dt.date(2022, 1, 20)
        for col in COLUMNS:
            values[f"apply.carried.{col}"] = values[f"apply.next.{col}"] = number(
                unit, f"apply.next.{col}"
            )
        lists = {k: [(r.heading, r.text) for r in rows] for k, rows in unit.lists.items()}
        form = new_form(NATIONAL, unit.name, unit.level, 2021)
        (folder / path.name).write_bytes(fill_form(form, NATIONAL, values, lists))
    return folder


def problems(folder: Path, year: int):
    return check_inputs(BuildOptions.for_year(year, folder)).problems


def test_the_shipped_2019_has_no_comparable_2018_and_says_so_once_per_check() -> None:
    """inputs/2018 is another body's (株洲市): one notice, and nothing compared with it."""
    found = list(problems(SHIPPED, 2019))
    assert [p.code for p in found] == ["previous-other-body"]
    assert found[0].severity is Severity.NOTICE
    assert "没有本年的报告单位“上海市人民政府办公厅”的工作簿" in str(found[0])
    assert "未与上年数据核对（上年结转、上一年项目数量），报告中不写同比" in str(found[0])


def test_2020_continues_2019_and_a_break_names_both_years(tmp_path: Path) -> None:
    last = inputs_2019(tmp_path)
    folder = inputs_2020(tmp_path, last)
    assert [str(p) for p in problems(folder, 2020)] == []
    unit = read_unit(last / f"{UNIT}.xlsx", TRIAL).unit
    rewrite(
        last,
        TRIAL,
        {
            UNIT: {
                "apply.next.business": number(unit, "apply.next.business") + 1,
                "art20_6.penalty.change": -5,
            }
        },
    )
    warnings = [p for p in problems(folder, 2020) if p.code == "previous-year"]
    assert all(p.severity is Severity.WARNING for p in warnings)
    field = TRIAL.field
    assert {str(p.location) for p in warnings} == {
        f"{UNIT}.xlsx 依申请公开!{field('apply.carried.business').ref}",
        f"{UNIT}.xlsx 主动公开!{field('art20_6.penalty.last_items').ref}",
    }
    changed = next(p for p in warnings if p.location.sheet == "主动公开")
    for cell in ("art20_6.penalty.last_items", "art20_6.penalty.change"):
        assert f"2019年度 {UNIT}.xlsx 主动公开!{field(cell).ref}" in changed.message
    assert "即 7" in changed.message and "为 8" in changed.message  # 12 − 5 against 12 − 4


def test_2021_checks_the_carry_over_against_the_2020_trial_format(tmp_path: Path) -> None:
    last = inputs_2020(tmp_path, inputs_2019(tmp_path))
    folder = inputs_2021(tmp_path, last)
    found = list(problems(folder, 2021))
    assert [(p.severity, p.code) for p in found] == [(Severity.NOTICE, "previous-year-format")]
    assert str(found[0]).startswith("[提示] 2020 年度使用试行表格格式（国办公开办函〔2019〕60号）")
    assert "现行有效件数" in found[0].message and "上年结转" not in found[0].message
    unit = read_unit(last / f"{UNIT}.xlsx", TRIAL).unit
    rewrite(last, TRIAL, {UNIT: {"apply.next.natural": number(unit, "apply.next.natural") + 1}})
    warnings = [p for p in problems(folder, 2021) if p.code == "previous-year"]
    this, before = NATIONAL.field("apply.carried.natural"), TRIAL.field("apply.next.natural")
    assert before.ref != NATIONAL.field("apply.next.natural").ref  # read with 2020's format
    assert [str(p.location) for p in warnings] == [f"{UNIT}.xlsx 依申请公开!{this.ref}"]
    assert warnings[0].severity is Severity.WARNING
    assert f"2020年度 {UNIT}.xlsx 依申请公开!{before.ref}" in warnings[0].message
