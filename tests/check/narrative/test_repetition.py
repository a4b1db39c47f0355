"""Repetition against last year's text, with the format's fixed sentences left out."""

from __future__ import annotations

from decimal import Decimal

from generator.base.problems import Location
from generator.check.narrative.repetition import repetition_rate
from generator.check.narrative.text import Passage
from generator.formats.registry import format_for_year

NARRATIVE = format_for_year(2025).narrative


def passages(*texts: str) -> list[Passage]:
    return [Passage(t, Location("r.docx")) for t in texts]


def test_copied_sentences_count_with_their_numbers_updated_and_boilerplate_does_not() -> None:
    last = passages(
        "全年通过政府门户网站主动公开政府信息3120条，开展政策解读42次。",
        "本报告所列数据的统计期限为2024年1月1日至12月31日。",
    )
    this = passages(
        "全年通过政府门户网站主动公开政府信息4511条，开展政策解读57次。",
        "本报告所列数据的统计期限为2025年1月1日至12月31日。",
    )
    assert repetition_rate(this, last, NARRATIVE) == Decimal(100)
    fresh = passages("今年新建了县、镇两级政务公开专区，组织开展了三次面向基层的业务培训。")
    assert repetition_rate(fresh, last, NARRATIVE) == Decimal(0)
