"""Claims the tables can contradict: 均获维持 while a case was corrected or is pending, 全部办结
while applications are carried over, 未收取信息处理费 while a fee was charged."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.base.numbers import format_decimal
from generator.base.problems import Problems
from generator.check.narrative.subject import about_other_work
from generator.check.narrative.text import Passage, clause_of, normalize, quote, sentences
from generator.check.narrative.values import Figures
from generator.formats.narrative import Claim, Narrative


def check_claims(
    passages: list[Passage], narrative: Narrative, figures: Figures, problems: Problems
) -> None:
    """Every claim of every sentence against the tables (or what the text states elsewhere):
    one error per sentence, citing every figure that contradicts what it claims."""
    for passage in passages:
        for sentence in sentences(normalize(passage.text)):
            contradicted = []
            for claim in narrative.claims:
                spans = claimed(sentence, claim, narrative)
                contradiction = _nonzero(_zero_fields(sentence, claim, spans), figures)
                if contradiction:
                    said = "”“".join(sentence[start:end] for start, end in spans)
                    contradicted.append((spans[0][0], f"文中称“{said}”，但{contradiction}"))
            if contradicted:
                problems.error(
                    "claim-contradicted",
                    f"{quote(sentence, contradicted[0][0])}："
                    + "；".join(text for _, text in contradicted),
                    passage.location,
                )


def claimed(sentence: str, claim: Claim, narrative: Narrative) -> list[tuple[int, int]]:
    """Where a sentence makes the claim: (start, end) of each stretch of its words, overlapping
    matches merged; none where words before it make it narrower (上年结转的申请已全部办结) or
    about other work (人大代表建议均已按期办结)."""
    found = sorted(
        (m.start(), m.end())
        for pattern in (*(re.compile(re.escape(w)) for w in claim.words), *claim.patterns)
        for m in pattern.finditer(sentence)
    )
    spans: list[tuple[int, int]] = []
    for start, end in found:
        offset, clause = clause_of(sentence, start)
        if any(word in clause[: start - offset] for word in claim.unless):
            continue
        if about_other_work(sentence[:start], narrative):
            continue
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _zero_fields(sentence: str, claim: Claim, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The fields the claim says are 0: of the topics its words (or, for a claim of set words,
    the sentence before them) name; of every topic when they name none."""
    chosen = []
    for start, end in spans:
        subject = sentence[start:end] if claim.patterns and not claim.words else sentence[:start]
        topics = [t for t in claim.topics if any(w in subject for w in t.words)]
        chosen += topics or [t for t in claim.topics if not t.words] or list(claim.topics)
    return tuple(dict.fromkeys(f for topic in chosen for f in topic.zero))


def _nonzero(fields: tuple[str, ...], figures: Figures) -> str:
    """“行政复议‘尚未审结’为 2”: the fields that are not 0, in words (nothing when all are 0 or
    unknown)."""
    pieces = []
    for field in fields:
        value = figures.main.numbers.get(field, figures.stated.get(field))
        if value is not None and value > Decimal(0):
            label = figures.main.labels.get(field, field)
            pieces.append(f"“{label}”为 {format_decimal(value)}")
    return f"{figures.main.label}中" + "、".join(pieces) if pieces else ""
