"""Claims the tables can contradict: 均获维持 while a case was corrected or is pending, 全部办结
while applications are carried over, 未收取信息处理费 while a fee was charged."""

from __future__ import annotations

from decimal import Decimal

from generator.base.numbers import format_decimal
from generator.base.problems import Problems
from generator.check.narrative.figures import quote
from generator.check.narrative.text import Passage, clause_of, normalize, sentences
from generator.check.narrative.values import Figures
from generator.formats.narrative import Narrative


def check_claims(
    passages: list[Passage], narrative: Narrative, figures: Figures, problems: Problems
) -> None:
    """Every claim of every sentence against the tables (or what the text states elsewhere)."""
    for passage in passages:
        for sentence in sentences(normalize(passage.text)):
            for claim in narrative.claims:
                for position, said in _occurrences(sentence, claim.words, claim.patterns):
                    offset, clause = clause_of(sentence, position)
                    if any(word in clause[: position - offset] for word in claim.unless):
                        continue
                    subject = said if claim.patterns and not claim.words else sentence[:position]
                    topics = [t for t in claim.topics if any(w in subject for w in t.words)]
                    chosen = (
                        topics or [t for t in claim.topics if not t.words] or list(claim.topics)
                    )
                    zero = tuple(f for topic in chosen for f in topic.zero)
                    contradiction = _nonzero(zero, figures)
                    if contradiction:
                        problems.error(
                            "claim-contradicted",
                            f"{quote(sentence, position)}：文中称“{said}”，但{contradiction}",
                            passage.location,
                        )


def _occurrences(sentence: str, words: tuple[str, ...], patterns: tuple) -> list[tuple[int, str]]:
    found = []
    for word in words:
        position = sentence.find(word)
        if position >= 0:
            found.append((position, word))
    for pattern in patterns:
        match = pattern.search(sentence)
        if match:
            found.append((match.start(), match.group(0)))
    return found[:1] if words else found


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
