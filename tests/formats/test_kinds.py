"""Field kinds are values every stage asks; a column may have its own kind and unit."""

from __future__ import annotations

from decimal import Decimal

from generator.formats.kinds import KINDS, Reads
from generator.formats.spec import table_fields
from generator.formats.tables import table_from_data
from generator.read.cells import read_cell
from generator.read.xlsx import RawCell


def test_a_signed_change_reads_decreases() -> None:
    change = KINDS["change"]
    assert read_cell(RawCell("number", "-3"), change).value == -3
    assert read_cell(RawCell("text", "(12)"), change).value == -12
    assert read_cell(RawCell("text", "+5"), change).value == 5
    count = read_cell(RawCell("number", "-3"), KINDS["count"])
    assert count.value is None and count.issues[0][1] == "negative"


def test_kinds_say_how_they_are_read_and_summed() -> None:
    assert KINDS["amount"].reads is Reads.NUMBER and not KINDS["amount"].whole
    assert read_cell(RawCell("number", "4068.208"), KINDS["amount"]).value == Decimal("4068.208")
    assert [k for k, kind in KINDS.items() if kind.summed] == ["count", "change", "amount", "total"]
    assert KINDS["heading"].has_value is False
    assert read_cell(RawCell("text", "2019年3月20日"), KINDS["date"]).value.year == 2019


def test_a_column_may_carry_its_own_kind_and_unit() -> None:
    table = table_from_data(
        {
            "id": "art20_9",
            "header": [[{"text": "信息内容"}, {"text": "采购项目数量"}, {"text": "采购总金额"}]],
            "label_widths": [10],
            "columns": [{"key": "projects"}, {"key": "amount", "kind": "amount", "unit": "元"}],
            "rows": [{"key": "purchase", "labels": ["政府集中采购"]}],
        },
        "主动公开",
        2,
    )
    projects, amount = table_fields(table)
    assert (projects.kind, projects.unit) == (KINDS["count"], "")
    assert (amount.kind, amount.unit) == (KINDS["amount"], "元")
    assert amount.label == "政府集中采购（采购总金额）" and amount.ref == "C3"
