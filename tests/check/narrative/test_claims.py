"""Claims against the tables: what a sentence asserts, and the figures that contradict it."""

from __future__ import annotations

from decimal import Decimal

from generator.base.problems import Location, Problems
from generator.check.narrative.claims import check_claims
from generator.check.narrative.figures import check_figures
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


def test_claims_worded_with_more_words_between() -> None:
    for sentence in ("全年申请均已按期办结。", "所有申请均已答复。", "申请都已依法办结。"):
        found = claims(sentence, apply__next__total=3)
        assert len(found) == 1 and "但表格中“四、结转下年度继续办理（总计）”为 3" in found[0]
    assert claims("答复申请718件，均在法定期限内予以答复。", apply__next__total=3) == []
    assert claims("申请未能全部办结。", apply__next__total=3) == []
    assert claims("人大代表建议和政协提案均已按期办结。", apply__next__total=3) == []


def test_one_false_claim_gives_one_error_citing_every_contradicting_figure() -> None:
    table = {"appeal__cases__review_total": 4, "appeal__cases__direct_total": 2}
    found = claims("全年未发生因政府信息公开引起的行政复议、行政诉讼。", **table)
    assert found == [
        "“全年未发生因政府信息公开引起的行政复议、行政诉讼。”：文中称“未发生因政府信息公开引起的"
        "行政复议、行政诉讼”，但表格中“行政复议·总计”为 4、“行政诉讼·未经复议直接起诉·总计”为 2"
    ]
    sentence = "行政复议和行政诉讼均为0件。"
    found = claims(sentence, **table)
    assert found == [
        f"“{sentence}”：文中称“行政复议和行政诉讼均为0件”，但表格中“行政复议·总计”为 4、"
        "“行政诉讼·未经复议直接起诉·总计”为 2"
    ]
    table = {k.replace("__", "."): Decimal(v) for k, v in table.items()}
    stated = Problems()
    check_figures(
        [Passage(sentence, Location("r.docx"))],
        SPEC.narrative,
        Figures(FigureSet("表格", table, LABELS)),
        stated,
    )
    assert stated.items == []  # the claim's error says it all


def test_zero_lost_cases_is_contradicted_only_by_a_corrected_decision() -> None:
    sentence = "行政复议、行政诉讼零败诉。"
    assert claims(sentence, appeal__cases__review_pending=2, appeal__cases__direct_other=1) == []
    assert claims(sentence, appeal__cases__after_corrected=1) == [
        f"“{sentence}”：文中称“零败诉”，但表格中“行政诉讼·复议后起诉·结果纠正”为 1"
    ]
    both = claims("复议诉讼均获维持，零败诉。", appeal__cases__review_corrected=1)
    assert len(both) == 1 and "文中称“均获维持”" in both[0] and "；文中称“零败诉”" in both[0]
