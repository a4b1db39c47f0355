"""Claims against the tables: what a sentence asserts, and the figures that contradict it."""

from __future__ import annotations

from decimal import Decimal

from generator.base.problems import Location, Problems
from generator.check.narrative.claims import check_claims
from generator.check.narrative.text import Passage
from generator.check.narrative.values import Figures, FigureSet
from generator.formats.registry import format_for_year

SPEC = format_for_year(2025)
LABELS = {f.id: f.label for f in SPEC.fields.values()}


def claims(text: str, **numbers: int) -> list[str]:
    table = {k.replace("__", "."): Decimal(v) for k, v in numbers.items()}
    found = Problems()
    figures = Figures(FigureSet("表格", table, LABELS))
    check_claims([Passage(text, Location("r.docx"))], SPEC.narrative, figures, found)
    return [p.message for p in found]


def test_upheld_while_pending_names_the_subject_only() -> None:
    pending = {"appeal__cases__review_pending": 2, "appeal__cases__direct_pending": 1}
    found = claims("行政复议案件均获维持。", **pending)
    assert found == ["“行政复议案件均获维持。”：文中称“均获维持”，但表格中“行政复议·尚未审结”为 2"]
    assert claims("行政诉讼案件均获维持。", appeal__cases__review_pending=2) == []
    both = claims("复议、诉讼案件均获维持。", **pending)
    assert len(both) == 1 and "“行政诉讼·未经复议直接起诉·尚未审结”为 1" in both[0]


def test_all_concluded_while_carried_over() -> None:
    assert claims("申请均已办结。", apply__next__total=3) == [
        "“申请均已办结。”：文中称“均已办结”，但表格中“四、结转下年度继续办理（总计）”为 3"
    ]
    assert claims("上年结转的申请已全部办结。", apply__next__total=3) == []
    assert claims("申请均已办结。", apply__next__total=0) == []


def test_no_fee_and_no_appeals() -> None:
    assert claims("全年未收取信息处理费。", fee__cases=1, fee__amount=380) != []
    found = claims("全年未发生因政府信息公开引起的行政复议。", appeal__cases__review_total=4)
    assert found and "“行政复议·总计”为 4" in found[0]
    assert claims("全年未发生被责任追究的情况。", appeal__cases__review_total=4) == []
