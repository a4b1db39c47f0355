"""What a sentence speaks of: information disclosure, or other work that uses the same words
(12345热线办结群众诉求, 答复人大代表建议, 政务服务中心受理办事申请)."""

from __future__ import annotations

import re

from generator.formats.narrative import Narrative, StatedFigure

_FILLER = re.compile(r"(?:共计|总计|合计|累计|共|为|达到|达|了|有)*")
"""Words that may stand between a figure's word and its number and leave it “right before”."""


def about_other_work(before: str, narrative: Narrative) -> bool:
    """Whether a word of other work (热线, 提案) stands after the last disclosure word."""
    disclosure = max((before.rfind(w) for w in narrative.disclosure_words), default=-1)
    other = max((before.rfind(w) for w in narrative.other_subjects), default=-1)
    return other > disclosure


def about_disclosure(
    sentence: str, position: int, gap: str, figure: StatedFigure, narrative: Narrative, part: str
) -> bool:
    """Whether a count named by an everyday word (办结, 复议) speaks of information disclosure:
    no other work named since the last disclosure word before it, and either a disclosure word
    in the sentence or in the part it was typed in, or the figure's word right before it
    (`gap`: the words between them)."""
    if about_other_work(sentence[:position], narrative):
        return False
    if any(w in sentence or w in part for w in narrative.disclosure_words):
        return True
    for word in figure.between:
        gap = gap.replace(word, "")
    return _FILLER.fullmatch(gap) is not None
