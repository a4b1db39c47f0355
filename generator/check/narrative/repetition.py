"""How much of this year's running text repeats last year's, boilerplate left out."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.base.numbers import round_half_up
from generator.base.problems import Location, Problems
from generator.check.narrative.text import Passage, normalize, sentences
from generator.formats.narrative import Narrative
from generator.read.names import normalized

MIN_SENTENCE = 12
"""Shorter sentences (headings, 无。) are not counted."""
NGRAM = 6
REPEATED_SHARE = 0.8
"""A sentence counts as repeated when this share of its 6-character pieces occur last year."""
LIMIT = Decimal(50)
"""Assessors deduct points when more than half of the text repeats last year's."""
_LAW_TITLE = re.compile(r"《[^》]{2,40}》")


def repetition_rate(
    current: list[Passage], previous: list[Passage], narrative: Narrative
) -> Decimal | None:
    """The percentage of this year's counted characters in sentences repeated from last year."""
    last = set()
    for sentence in _counted(previous, narrative):
        last |= _pieces(sentence)
    total = repeated = 0
    for sentence in _counted(current, narrative):
        pieces = _pieces(sentence)
        total += len(sentence)
        if pieces and len(pieces & last) >= REPEATED_SHARE * len(pieces):
            repeated += len(sentence)
    if not total:
        return None
    return Decimal(repeated * 100) / Decimal(total)


def check_repetition(
    current: list[Passage],
    previous: list[Passage],
    narrative: Narrative,
    file: str,
    problems: Problems,
) -> None:
    rate = repetition_rate(current, previous, narrative)
    if rate is not None and rate > LIMIT:
        problems.warning(
            "repeated-text",
            f"正文有 {round_half_up(rate, 1)}% 与上年报告重复（不计固定表述），超过一半",
            Location(file),
        )


def _counted(passages: list[Passage], narrative: Narrative) -> list[str]:
    result = []
    for passage in passages:
        for sentence in sentences(normalize(passage.text)):
            if any(b in sentence for b in narrative.boilerplate):
                continue
            text = re.sub(r"\d+(?:\.\d+)?", "#", normalized(_LAW_TITLE.sub("", sentence)))
            if len(text) >= MIN_SENTENCE:
                result.append(text)
    return result


def _pieces(sentence: str) -> set[str]:
    return {sentence[i : i + NGRAM] for i in range(len(sentence) - NGRAM + 1)}
