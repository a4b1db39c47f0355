"""Running text as the checks see it: passages, sentences, clauses, and the numbers stated."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.base.problems import Location

_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_CLAUSE_MARK = re.compile(r"[，；;：:（）()【】\[\]]|(?<!\d),|,(?!\d)")
"""Where a clause ends; a comma between digits (517,654) is a thousands separator."""
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:，\d{3})+(?![\d.])")
"""517，654: a full-width comma between digit groups of exactly three is a thousands separator."""
_NUMBER = re.compile(
    r"(?P<before>约|近|超过|逾|多达|将近|接近|达)?"
    r"(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>万|亿)?(?P<after>余|多)?"
    r"(?P<unit>人次|万元|元|件|条|项|个|次|场|期|篇|宗|起|%|个百分点)"
)
_APPROXIMATE_AFTER = re.compile(r"^(?:左右|上下)")
_CHANGE_WORDS = (
    "增加",
    "减少",
    "增长",
    "下降",
    "上升",
    "回落",
    "提高",
    "降低",
    "增",
    "减",
    "多",
    "少",
)
_COMPARED = (
    "同比",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "较上一年",
    "比上一年",
    "与上年相比",
    "较上年度",
    "比上年度",
)
_COMPARED_YEAR = re.compile(r"(?:较|比|与)(?P<year>(?:19|20)\d{2})\s*年")
"""较2024年: compared with a year named (last year's only when it is the year before)."""
_RISE = ("增加", "增长", "上升", "提高", "增", "多")
SCALES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph of running text, where it is, and the part of the report it belongs to."""

    text: str
    location: Location
    part: str = ""


@dataclass(frozen=True, slots=True)
class Stated:
    """A number the text states: its value, unit, how exactly it is written, and where."""

    value: Decimal
    unit: str
    text: str
    start: int
    end: int
    decimals: int
    """Decimal places as written (for 2.8万: 1, counted in 万)."""
    scale: Decimal
    approximate: bool
    change: int = 0
    """+1 or −1 when the number is a change against last year (同比增长 …), else 0."""
    against: int | None = None
    """The year a change is against when the text names it (较2024年增加30件)."""

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def tolerance(self) -> Decimal:
        """Half a unit of the last written digit: what rounding may hide."""
        return Decimal(5).scaleb(-(self.decimals + 1)) * self.scale


def normalize(text: str) -> str:
    """Full-width digits and the percent sign folded, a full-width thousands separator made
    ASCII (517，654), spaces beside numbers removed."""
    folded = "".join(
        unicodedata.normalize("NFKC", ch) if ch in "０１２３４５６７８９．％" else ch for ch in text
    )
    folded = _THOUSANDS.sub(lambda m: m.group(0).replace("，", ","), folded)
    return re.sub(r"(?<=\d) (?=\S)|(?<=\S) (?=\d)", "", folded)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) for each clause of a sentence (split at commas, semicolons, brackets)."""
    result = []
    start = 0
    for mark in _CLAUSE_MARK.finditer(sentence):
        result.append((start, sentence[start : mark.start()]))
        start = mark.end()
    result.append((start, sentence[start:]))
    return [(offset, clause) for offset, clause in result if clause.strip()]


def stated_numbers(sentence: str) -> list[Stated]:
    """Every number with a unit in a sentence (offsets are into the sentence)."""
    found = []
    for match in _NUMBER.finditer(sentence):
        start = match.start("value")
        if start and (sentence[start - 1].isdigit() or sentence[start - 1] in ".第"):
            continue
        digits = match.group("value").replace(",", "")
        try:
            value = Decimal(digits)
        except InvalidOperation:
            continue
        scale = SCALES.get(match.group("scale") or "", Decimal(1))
        decimals = len(digits.partition(".")[2])
        tail = sentence[match.end() :]
        approximate = bool(
            match.group("before") in ("约", "近", "超过", "逾", "多达", "将近", "接近")
            or "约" in sentence[max(0, match.start() - 3) : match.start()]
            or match.group("after")
            or _APPROXIMATE_AFTER.match(tail)
            or match.group("scale")
        )
        unit = match.group("unit")
        change, against = _change(sentence, match.start())
        found.append(
            Stated(
                value=value * scale,
                unit=unit,
                text=sentence[match.start() : match.end()],
                start=match.start(),
                end=match.end(),
                decimals=decimals,
                scale=scale,
                approximate=approximate,
                change=change,
                against=against,
            )
        )
    return found


def _change(sentence: str, start: int) -> tuple[int, int | None]:
    """+1/−1 when the words before the number say it is a change against last year (or a year
    they name: 较2024年), and that year; (0, None) when they do not."""
    clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, start)), default=0)
    before = sentence[clause_start:start]
    window = before[-6:]
    word = next((w for w in _CHANGE_WORDS if window.rstrip("了约近").endswith(w)), None)
    if word is None:
        return 0, None
    direction = 1 if word in _RISE else -1
    for text in (before, sentence[max(0, clause_start - 30) : clause_start]):
        if any(c in text for c in _COMPARED):
            return direction, None
        named = list(_COMPARED_YEAR.finditer(text))
        if named:
            return direction, int(named[-1]["year"])
    return 0, None


def clause_of(sentence: str, position: int) -> tuple[int, str]:
    """The clause holding a position of the sentence."""
    for offset, clause in reversed(clauses(sentence)):
        if offset <= position:
            return offset, clause
    return 0, sentence


def quote(sentence: str, around: int = 0, width: int = 60) -> str:
    """A sentence as quoted in a message: whole when short, else the part around a position."""
    text = sentence.strip()
    if len(text) <= width:
        return f"“{text}”"
    start = max(0, min(around - width // 2, len(text) - width))
    return (
        "“"
        + ("…" if start else "")
        + text[start : start + width]
        + ("…" if start + width < len(text) else "")
        + "”"
    )
