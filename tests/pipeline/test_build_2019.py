"""The 试行 table format (2019, 2020) on the shipped inputs/2019 (上海市人民政府办公厅 2019 figures)."""

from __future__ import annotations

import json
import tomllib
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from generator.base.problems import Severity
from generator.fillin.init import init_forms
from generator.fillin.workbook import fill_form
from generator.formats.registry import format_for_year
from generator.formats.spec import FormatSpec
from generator.pipeline.build import build, check_inputs
from generator.pipeline.options import BuildOptions
from generator.pipeline.writing import UNITS_FOLDER
from tests.conftest import GOLDEN, ROOT
from tests.support import (
    SIX_PARTS,
    W,
    assert_headings_in_order,
    docx_tables,
    fill_by_labels,
    ooxml_errors,
    spans,
)

TITLE = "上海市人民政府办公厅2019年政府信息公开工作年度报告"
SHIPPED = ROOT / "inputs" / "2019"
SPEC = format_for_year(2019)
TABLE_SHEETS = ("主动公开", "依申请公开", "复议诉讼")
# The published report's tables, as collected ("" where a cell was printed blank).
EXAMPLE = json.loads(
    (ROOT / "tools" / "examples" / "shanghai-gov-office-2019.json").read_text(encoding="utf-8")
)
CAPTIONS = [k for k in EXAMPLE["第二十条"] if k.startswith("第二十条")]
with (ROOT / "tools" / "examples" / "2019.toml").open("rb") as handle:
    UNITS = {u["name"]: u["values"] for u in tomllib.load(handle)["units"]}


def published_cells(spec: FormatSpec) -> dict[str, object]:
    """Field id → the published figure, each table row and column found by its label."""
    cells: dict[str, object] = {}
    for caption in CAPTIONS:
        table = next(t for t in spec.tables.values() if t.header[0][0].text == caption)
        for row in table.rows:
            values = EXAMPLE["第二十条"][caption][row.labels[-1]]
            for column, value in zip(table.columns, values, strict=True):
                cells[f"{table.id}.{row.key}.{column.key}"] = value
    apply = spec.tables["apply"]
    printed = {k.split("/")[-1]: v for k, v in EXAMPLE["收到和处理政府信息公开申请情况"].items()}
    for row in apply.rows:
        for c, column in enumerate(apply.columns):
            name = apply.column_header(c)[1]
            cells[f"apply.{row.key}.{column.key}"] = printed[row.labels[-1]][name]
    appeal = spec.tables["appeal"]
    for c, column in enumerate(appeal.columns):
        *group, name = appeal.column_header(c)[2].split("·")
        cells[f"appeal.cases.{column.key}"] = EXAMPLE["行政复议、行政诉讼"]["/".join(group)][name]
    return cells


def expected_totals(spec: FormatSpec) -> dict[str, Decimal]:
    """The published figures, a blank cell read as 0 (or, for a total printed blank, the sum)."""
    cells = published_cells(spec)

    def number(field_id: str) -> Decimal:
        value = cells[field_id]
        if value == "" and spec.field(field_id).kind.computed:
            return sum((number(part) for part in spec.field(field_id).sum), Decimal(0))
        return Decimal(value or 0)

    return {field_id: number(field_id) for field_id in cells}


def table_figures(result) -> dict[str, Decimal]:
    return {f.name: f.value for _, f in result.document.figures()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("2019")
    result = build(BuildOptions.for_year(2019, SHIPPED, out, each=True))
    assert not result.problems.blocking(), [str(p) for p in result.problems]
    text = (out / f"{TITLE}.txt").read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    return result, out, text


def test_golden_text(built, update_goldens: bool) -> None:
    golden = GOLDEN / "2019" / f"{TITLE}.txt"
    if update_goldens:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(built[2], encoding="utf-8")
    assert built[2] == golden.read_text(encoding="utf-8")


def test_six_parts_and_the_trial_format_named(built) -> None:
    text = built[2]
    assert_headings_in_order(text, SIX_PARTS)
    assert "年度报告格式（试行）》（国办公开办函〔2019〕60号）" in text
    assert "30号" not in text and "信息处理费" not in text
    assert text.index("六、其他需要报告的事项\n\n\u3000\u3000无。\n") > 0


def test_labels_are_the_published_ones() -> None:
    for caption in CAPTIONS:
        table = next(t for t in SPEC.tables.values() if t.header[0][0].text == caption)
        assert [s.text for s in table.header[1]] == EXAMPLE["第二十条"]["labels"][caption]
    assert "本年增/减" in EXAMPLE["第二十条"]["labels"]["第二十条第（五）项"]  # ASCII "/"
    assert len(published_cells(SPEC)) == len([f for f in SPEC.summed if f.sheet in TABLE_SHEETS])


def test_text_holds_every_published_figure(built) -> None:
    result, _, text = built
    figures = table_figures(result)
    for field_id, value in expected_totals(SPEC).items():
        assert figures[f"total.{field_id}"] == value, field_id
    apply = EXAMPLE["收到和处理政府信息公开申请情况"]
    assert f"新收政府信息公开申请{apply['一、本年新收政府信息公开申请数量']['总计']}件" in text
    assert f"本年度办理完结{apply['三、本年度办理结果/（七）总计']['总计']}件" in text
    projects, amount = EXAMPLE["第二十条"]["第二十条第（九）项"]["政府集中采购"]
    assert f"政府集中采购项目{projects}个，采购总金额{amount}元" in text
    assert "“采购总金额”的单位为元" in text


def test_word_tables_have_the_published_merged_headers(built) -> None:
    tables = docx_tables(built[1] / f"{TITLE}.docx")
    assert len(tables) == 7  # 第二十条 (five stacked sub-tables), 申请, 复议诉讼
    for table, caption in zip(tables, CAPTIONS, strict=False):
        rows = table.findall(f"{W}tr")
        labels = EXAMPLE["第二十条"]["labels"][caption]
        assert spans(rows[0]) == [(caption, str(len(labels)), None)]
        assert [t for t, _, _ in spans(rows[1])] == labels
    rows = tables[5].findall(f"{W}tr")
    assert len(rows) == 3 + 23
    assert spans(rows[5])[0] == ("三、本年度办理结果", None, "restart")
    assert [spans(r)[0] for r in rows[6:25]] == [("", None, "continue")] * 19
    assert spans(rows[25])[0] == ("四、结转下年度继续办理", "3", None)
    assert spans(rows[23])[1] == ("（六）其他处理", "2", None)
    appeal = tables[6].findall(f"{W}tr")
    assert spans(appeal[0]) == [("行政复议", "5", None), ("行政诉讼", "10", None)]
    cells = published_cells(SPEC)
    printed = [str(cells[f"appeal.cases.{c.key}"] or 0) for c in SPEC.tables["appeal"].columns]
    assert [t for t, _, _ in spans(appeal[3])] == printed


def test_wide_tables_are_in_a_landscape_section(built) -> None:
    path = built[1] / f"{TITLE}.docx"
    document = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    orients = [s.find(f"{W}pgSz").get(f"{W}orient") for s in document.iter(f"{W}sectPr")]
    assert orients == [None, "landscape", None]


def test_word_file_is_schema_valid(built) -> None:
    assert ooxml_errors(built[1] / f"{TITLE}.docx") == []


def test_the_summary_holds_every_unit_and_the_published_totals(built) -> None:
    path = built[1] / f"{TITLE}汇总表.xlsx"
    sheet = load_workbook(path)["汇总"]
    header = [c.value for c in sheet[3]]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=4)]
    assert [r[2] for r in rows if r[0]] == list(UNITS)
    assert rows[-1][2] == "总计"
    for field_id, value in expected_totals(SPEC).items():
        item = SPEC.field(field_id)
        column = header.index(f"{item.label}（{item.unit}）" if item.unit else item.label)
        assert rows[-1][column] == value, field_id


def test_each_unit_gets_its_own_report(built) -> None:
    units = built[1] / UNITS_FOLDER
    assert len(list(units.glob("*.docx"))) == len(UNITS) == len(list(units.glob("*.txt")))
    for name, values in UNITS.items():
        text = (units / f"{name}2019年政府信息公开工作年度报告.txt").read_text(encoding="utf-8-sig")
        received = sum(v for k, v in values.items() if k.startswith("apply.new."))
        assert text.lstrip().startswith(f"{name}2019年")
        assert f"新收政府信息公开申请{received}件" in text
        assert text.rstrip().splitlines()[-2].strip() == name  # signed by the unit itself


def errors(folder: Path) -> list:
    problems = check_inputs(BuildOptions.for_year(2019, folder)).problems
    return [p for p in problems if p.severity is Severity.ERROR]


def test_tables_left_blank_are_rejected_cell_by_cell(tmp_path: Path) -> None:
    folder = tmp_path / "2019"
    init_forms(2019, folder, [("某市人民政府", "本级人民政府")])
    found = [p for p in errors(folder) if p.location.sheet in TABLE_SHEETS]
    inputs = {
        f"某市人民政府.xlsx {f.sheet}!{f.ref}"
        for f in SPEC.summed
        if f.sheet in TABLE_SHEETS and not f.kind.computed
    }
    assert {p.code for p in found} == {"blank"}
    assert sorted(str(p.location) for p in found) == sorted(inputs)
    assert len(inputs) == 3 * 2 + 3 * 2 + 3 * 2 + 2 + 2 + 6 * (19 + 3) + 12


def test_a_negative_change_is_accepted_and_amounts_may_carry_the_unit(tmp_path: Path) -> None:
    folder = tmp_path / "2019"
    folder.mkdir()
    for path in SHIPPED.glob("*.xlsx"):
        (folder / path.name).write_bytes(path.read_bytes())
    book = folder / "示例局.xlsx"
    changes = {
        "art20_6.penalty.last_items": 12,
        "art20_6.penalty.change": -4,
        "art20_9.procurement.amount": "40000元",
    }
    book.write_bytes(fill_form(book.read_bytes(), SPEC, changes))
    checked = check_inputs(BuildOptions.for_year(2019, folder))
    assert [str(p) for p in checked.problems if p.severity is Severity.ERROR] == []
    unit = next(u for u in checked.units if u.name == "示例局")
    assert unit.value("art20_6.penalty.change") == -4
    assert unit.value("art20_9.procurement.amount") == 40000
    book.write_bytes(fill_form(book.read_bytes(), SPEC, {"art20_6.penalty.last_items": -1}))
    cell = SPEC.field("art20_6.penalty.last_items").ref
    found = {(str(p.location), p.code) for p in errors(folder)}
    assert found == {(f"示例局.xlsx 主动公开!{cell}", "negative")}


def test_a_fresh_form_filled_by_labels_builds_the_published_tables(tmp_path: Path) -> None:
    folder = tmp_path / "2019"
    init_forms(2019, folder, [("某市人民政府办公厅", "本级人民政府")])
    fill_by_labels(folder / "某市人民政府办公厅.xlsx", EXAMPLE)
    result = build(BuildOptions.for_year(2019, folder, tmp_path / "out"))
    assert result.written, [str(p) for p in result.problems if p.severity > 0]
    figures = table_figures(result)
    for field_id, value in expected_totals(SPEC).items():
        assert figures[f"total.{field_id}"] == value, field_id
    tables = docx_tables(next(p for p in result.written if p.suffix == ".docx"))
    assert len(tables) == 7
    assert spans(tables[5].findall(f"{W}tr")[0])[1] == ("申请人情况", "7", None)
