"""Numbers stated in the text against the tables: counts, sums (共N件，其中…), shares (占x%)
and changes against last year (同比增长x%, 较上年减少N件)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal

from generator.base.numbers import format_decimal, round_half_up
from generator.base.problems import Problems
from generator.check.narrative.claims import claimed
from generator.check.narrative.subject import about_disclosure
from generator.check.narrative.text import (
    Passage,
    Stated,
    clause_of,
    clauses,
    normalize,
    quote,
    sentences,
    stated_numbers,
)
from generator.check.narrative.values import Figures
from generator.formats.narrative import Base, Narrative, StatedFigure

MAX_GAP = 16
"""Most characters between the word naming a figure and its number."""
UNIT_SCALE = {"元": Decimal(1), "万元": Decimal(10_000)}
_SHARE_WORDS = ("占比", "占", "比例为", "比重为", "比例达")
_SUB_AMOUNT = ("含", "包括", "其中含")
_ENUMERATION_END = re.compile(r"[，,；;。]\s*(?:共|合计|总计|累计|全年|另有|本年度)")
_TOTAL_WORDS = ("共", "合计", "总计", "累计")
_SEMICOLON = re.compile("[；;]")
_STATED_BASE = re.compile(r"占(?!比)(?P<base>\D{1,16}?)的?(?:比例|比重)?(?:为|达)?$")
"""A share that says what it is of: 占新收申请量的41.2%, 占申请总数的."""
_LAST_YEAR = re.compile(r"(?:上年|去年|上一年|上年度)(?:同期)?(?:为|是)?")
"""The words before a count that make it last year's (713件（上年683件，同比增长4.4%））."""
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class _Named:
    """A stated count and the figure the words before it name."""

    number: Stated
    figure: StatedFigure


def check_figures(
    passages: list[Passage], narrative: Narrative, figures: Figures, problems: Problems
) -> None:
    """Every stated count, sum, share and change of every passage."""
    for passage in passages:
        previous_counts: tuple[str, list[Stated]] = ("", [])
        for sentence in sentences(normalize(passage.text)):
            numbers = stated_numbers(sentence)
            counts = [n for n in numbers if not n.percent and not n.change and n.unit != "个百分点"]
            last_year = [n for n in counts if _last_years(sentence, n)]
            counts = [n for n in counts if n not in last_year]
            named = _named_counts(sentence, passage, counts, narrative, figures, problems)
            for number in last_year:
                _check_last_year(sentence, passage, number, named, figures, problems)
            shares = _share_bases(sentence, counts, previous_counts, problems, passage)
            for number in numbers:
                if number.percent and not number.change:
                    _check_share(
                        sentence,
                        passage,
                        number,
                        counts,
                        named,
                        shares,
                        narrative,
                        figures,
                        problems,
                    )
                elif number.change:
                    _check_change(sentence, passage, number, named, last_year, figures, problems)
            previous_counts = (sentence, counts)


def _named_counts(
    sentence: str,
    passage: Passage,
    counts: list[Stated],
    narrative: Narrative,
    figures: Figures,
    problems: Problems,
) -> dict[int, _Named]:
    """The counts whose words name a figure, by offset, each compared with the tables (but for
    those inside a claim, 行政复议和行政诉讼均为0件, which the claim's check reports)."""
    claims = [span for claim in narrative.claims for span in claimed(sentence, claim, narrative)]
    named = {}
    for number in counts:
        if any(start <= number.start < end for start, end in claims):
            continue
        naming = figure_named(sentence, number, narrative.figures)
        if naming is None:
            continue
        figure, gap = naming
        if figure.everyday and not about_disclosure(
            sentence, number.start, gap, figure, narrative, passage.part
        ):
            continue
        named[number.start] = _Named(number, figure)
        _compare(sentence, passage, named[number.start], figures, problems)
    return named


def _last_years(sentence: str, number: Stated) -> bool:
    """Whether a count is last year's, stated beside this year's: a clause of its own that says
    上年 (713件（上年683件，同比增长4.4%）, 713件，上年为683件)."""
    offset, clause = clause_of(sentence, number.start)
    before, after = clause[: number.start - offset], clause[number.end - offset :]
    return _LAST_YEAR.fullmatch(before.strip()) is not None and not after.strip(" 。！？!?")


def figure_named(
    sentence: str, number: Stated, catalogue: tuple[StatedFigure, ...]
) -> tuple[StatedFigure, str] | None:
    """The figure whose word stands nearest before the number in its clause (or just after it),
    and the words between that word and the number."""
    offset, clause = clause_of(sentence, number.start)
    before = clause[: number.start - offset]
    after = clause[number.end - offset :]
    if "分别" in before:
        return None  # 分别为 a、b: which number goes with which name is not in the words
    best: tuple[tuple[int, int, int], StatedFigure, str] | None = None
    for figure in catalogue:
        if number.unit not in figure.units:
            continue
        context = _context_position(sentence[: number.start], figure)
        if figure.context and context < 0:
            continue
        for word in figure.words:
            position = before.rfind(word)
            if position < 0:
                continue
            gap = before[position + len(word) :]
            if len(gap) > MAX_GAP or re.search(r"\d", gap):
                continue
            if figure.between and not any(b in word or b in gap for b in figure.between):
                continue
            key = (position + len(word), len(word), context)
            if best is None or key > best[0]:
                best = (key, figure, gap)
        for word in figure.after:
            position = after.find(word)
            if 0 <= position <= MAX_GAP and not re.search(r"\d", after[:position]):
                key = (len(before) - 1, len(word), context)
                if best is None or key > best[0]:
                    best = (key, figure, after[:position])
    return (best[1], best[2]) if best else None


def _context_position(before: str, figure: StatedFigure) -> int:
    return max((before.rfind(word) for word in figure.context), default=-1)


def _matches(number: Stated, value: Decimal) -> bool:
    """Whether a written number says this value, given how exactly it is written."""
    if number.approximate and re.search(r"余|多|超过|逾", number.text):
        step = Decimal(10) ** _trailing_zeros(number) * number.scale
        return number.value <= value < number.value + step
    tolerance = number.tolerance
    if number.approximate and not number.scale - 1:
        tolerance = max(tolerance, Decimal(5) * Decimal(10) ** (_trailing_zeros(number) - 1))
    return abs(value - number.value) <= tolerance


def _trailing_zeros(number: Stated) -> int:
    digits = format_decimal(number.value / number.scale).partition(".")[0]
    return len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0


def _in_field_unit(number: Stated, figure: StatedFigure) -> Stated:
    scale = UNIT_SCALE.get(number.unit, Decimal(1)) / UNIT_SCALE.get(figure.field_unit, Decimal(1))
    if scale == 1:
        return number
    return replace(
        number, value=number.value * scale, unit=figure.field_unit, scale=number.scale * scale
    )


def _compare(
    sentence: str, passage: Passage, named: _Named, figures: Figures, problems: Problems
) -> None:
    figure = named.figure
    number = _in_field_unit(named.number, figure)
    value = figures.main.of(figure.base)
    if value is None:
        figures.stated.setdefault("+".join(figure.fields), number.value)
        return
    if _matches(number, value):
        return
    for base in figure.also:
        other = figures.main.of(base)
        if other is not None and _matches(number, other):
            problems.notice(
                "figure-other-base",
                f"{quote(sentence, named.number.start)}：{figure.name}{named.number.text}与"
                f"“{base.label}”（{format_decimal(other)}）一致",
                passage.location,
            )
            return
    if any(
        s.of(figure.base) is not None and _matches(number, s.of(figure.base))
        for s in figures.others
    ):
        return
    parts = _breakdown(figure.base, figures)
    problems.error(
        "figure-mismatch",
        f"{quote(sentence, named.number.start)}：文中{figure.name}为{named.number.text}，"
        f"但{figures.main.label}中为 {format_decimal(value)}{figure.field_unit}{parts}",
        passage.location,
    )


def _breakdown(base: Base, figures: Figures) -> str:
    """“（甲 12 件加乙 3 件）” for a figure made of several table cells, else nothing."""
    if len(base.fields) < 2 or len(base.fields) > 3:
        return ""
    labels = figures.main.labels
    pieces = [f"{labels.get(f, f)} {format_decimal(figures.main.numbers[f])}" for f in base.fields]
    return "（" + "加".join(pieces) + "）"


@dataclass(frozen=True)
class _Enumeration:
    """共N件，其中A件、B件……: the total and the parts listed after 其中."""

    total: Stated
    parts: tuple[Stated, ...]

    @property
    def exact_base(self) -> Decimal | None:
        """What a part's share is of: the total, or when the total is a round figure
        (2.8万) that the parts agree with, the sum of the parts."""
        parts = sum((p.value for p in self.parts), Decimal(0))
        if not self.total.approximate:
            return self.total.value
        return parts if _matches(self.total, parts) else None


def _share_bases(
    sentence: str,
    counts: list[Stated],
    previous: tuple[str, list[Stated]],
    problems: Problems,
    passage: Passage,
) -> dict[int, _Enumeration]:
    """The enumerations of a sentence, by the offset of each part; their sums are checked."""
    result: dict[int, _Enumeration] = {}
    marks = [m.start() for m in re.finditer("其中", sentence)]
    first_total: Stated | None = None
    for index, mark in enumerate(marks):
        end = marks[index + 1] if index + 1 < len(marks) else len(sentence)
        stop = _ENUMERATION_END.search(sentence, mark)
        end = min(end, stop.start()) if stop else end
        before = [c for c in counts if c.end <= mark]
        if index:  # a further 其中 breaks the same total down another way
            total = first_total
        elif before:
            total = _subject(sentence, mark, sentence, before)
        elif sentence.lstrip().startswith("其中") and previous[1]:
            total = _subject(sentence, mark, *previous)
        else:
            total = None
        if total is None:
            continue
        first_total = total
        parts = tuple(
            c
            for c in counts
            if mark < c.start < end
            and c.unit == total.unit
            and not clause_of(sentence, c.start)[1].lstrip().startswith(_SUB_AMOUNT)
        )
        if len(parts) > 1 and not _SEMICOLON.search(sentence, parts[0].end, parts[1].start):
            # items separated by commas: a semicolon ends the list
            stop = _SEMICOLON.search(sentence, parts[0].end)
            parts = tuple(p for p in parts if stop is None or p.start < stop.start())
        if not parts:
            continue
        enumeration = _Enumeration(total, parts)
        for part in parts:
            result[part.start] = enumeration
        _check_sum(sentence, enumeration, problems, passage)
    return result


def _subject(sentence: str, mark: int, source: str, candidates: list[Stated]) -> Stated:
    """The count a 其中 breaks down: the one whose name the words after 其中 repeat
    (…发布会54场、通气会14场。其中，发布会包括…), else the last one before it."""
    after = sentence[mark + 2 : mark + 16]
    for candidate in reversed(candidates):
        name = re.sub(r"[\d.,]+$", "", source[max(0, candidate.start - 8) : candidate.start])
        for size in range(min(len(name), 6), 2, -1):
            if name[-size:] in after:
                return candidate
    if source is not sentence:
        for candidate in candidates:
            if any(
                w in source[max(0, candidate.start - 12) : candidate.start] for w in _TOTAL_WORDS
            ):
                return candidate
    return candidates[-1]


def _check_sum(
    sentence: str, enumeration: _Enumeration, problems: Problems, passage: Passage
) -> None:
    total = enumeration.total
    parts = sum((p.value for p in enumeration.parts), Decimal(0))
    if total.approximate:
        if parts > total.value + total.tolerance:
            problems.error(
                "sum-exceeds",
                f"{quote(sentence)}：其中各项之和为 {format_decimal(parts)}，大于总数{total.text}",
                passage.location,
            )
        return
    if parts > total.value:
        problems.error(
            "sum-exceeds",
            f"{quote(sentence)}：其中各项之和为 {format_decimal(parts)}，大于总数{total.text}",
            passage.location,
        )


def _check_share(
    sentence: str,
    passage: Passage,
    share: Stated,
    counts: list[Stated],
    named: dict[int, _Named],
    enumerations: dict[int, _Enumeration],
    narrative: Narrative,
    figures: Figures,
    problems: Problems,
) -> None:
    """A “占x%” recomputed against every base it may be of; the stated precision's half unit
    is the tolerance, and truncation instead of rounding is named as such."""
    offset, clause = clause_of(sentence, share.start)
    if not any(w in clause[: share.start - offset] for w in _SHARE_WORDS):
        return
    earlier = [
        c for c in counts if c.end <= share.start and sentence[c.end : share.start].count("。") == 0
    ]
    if not earlier:
        return
    part = earlier[-1]
    if clause_of(sentence, part.start)[0] < _previous_clause_start(sentence, share.start):
        return  # the count is too far back to be what the share is of
    bases: list[tuple[str, Decimal, bool]] = []  # (label, value, right)
    enumeration = enumerations.get(part.start)
    stated = _stated_bases(clause[: share.start - offset], named.get(part.start), narrative)
    if stated:
        enumeration = None  # the share says what it is of (占新收申请量的41.2%)
        for base in stated:
            value = figures.main.of(base)
            if value is not None:
                bases.append((base.label, value, True))
    elif enumeration is not None:
        exact = enumeration.exact_base
        if exact is not None:
            bases.append(("各项之和" if enumeration.total.approximate else "总数", exact, True))
        if enumeration.total.approximate:
            bases.append((f"约数{enumeration.total.text}", enumeration.total.value, False))
    elif part.start in named and named[part.start].figure.shares:
        for base in narrative.share_bases[named[part.start].figure.shares]:
            value = figures.main.of(base)
            if value is not None:
                bases.append((base.label, value, True))
    bases = [b for b in bases if b[1] > 0]
    if not bases:
        return
    exact_share = [(label, part.value * HUNDRED / value, right) for label, value, right in bases]
    for index, (label, value, right) in enumerate(exact_share):
        if right and round_half_up(value, share.decimals) == share.value:
            if index and not enumeration and not stated:
                problems.notice(
                    "share-other-base",
                    f"{quote(sentence, share.start)}：{share.text}是按“{label}”计算的",
                    passage.location,
                )
            return
    rightful = [(label, value) for label, value, right in exact_share if right]
    truncated = [
        label
        for label, value, right in exact_share
        if _truncated(value, share.decimals) == share.value
    ]
    wrong_base = [
        label
        for label, value, right in exact_share
        if not right and round_half_up(value, share.decimals) == share.value
    ]
    expected = ""
    if rightful:
        label, value = rightful[0]
        expected = f"按{label}（{format_decimal(dict((b[0], b[1]) for b in bases)[label])}）计算应为 {round_half_up(value, share.decimals)}%"
    if rightful and truncated and truncated[0] == rightful[0][0]:
        problems.warning(
            "share-truncated",
            f"{quote(sentence, share.start)}：{share.text}是截尾所得，四舍五入应为 "
            f"{round_half_up(rightful[0][1], share.decimals)}%",
            passage.location,
        )
        return
    how = []
    if wrong_base:
        how.append(f"{share.text}是按{wrong_base[0]}计算的")
    elif truncated:
        how.append(f"{share.text}是按{truncated[0]}计算并截尾所得")
    problems.error(
        "share-mismatch",
        f"{quote(sentence, share.start)}：占比{share.text}不对，"
        + "；".join([e for e in (expected,) if e] + how),
        passage.location,
    )


def _stated_bases(before: str, named: _Named | None, narrative: Narrative) -> tuple[Base, ...]:
    """The share bases the words before a share name (占新收申请量的41.2%: 本年新收申请), among
    those of the figure the share is of; none when they name none."""
    said = _STATED_BASE.search(before)
    if said is None or named is None or not named.figure.shares:
        return ()
    return tuple(
        base
        for base in narrative.share_bases[named.figure.shares]
        if any(word in said["base"] for word in base.words)
    )


def _previous_clause_start(sentence: str, position: int) -> int:
    """Where the clause before the one holding a position starts."""
    starts = [offset for offset, _ in clauses(sentence) if offset <= position]
    return starts[-2] if len(starts) > 1 else 0


def _truncated(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)


def _check_last_year(
    sentence: str,
    passage: Passage,
    number: Stated,
    named: dict[int, _Named],
    figures: Figures,
    problems: Problems,
) -> None:
    """A last-year figure stated beside this year's (713件（上年683件）) against last year's table."""
    subject = _last_year_subject(sentence, number, named)
    if subject is None or figures.previous is None:
        return
    last = figures.previous.of(subject.figure.base)
    stated = _in_field_unit(number, subject.figure)
    if last is None or _matches(stated, last):
        return
    problems.error(
        "previous-mismatch",
        f"{quote(sentence, number.start)}：文中上年{subject.figure.name}为{number.text}，"
        f"但{figures.previous.label}中为 {format_decimal(last)}{subject.figure.field_unit}",
        passage.location,
    )


def _last_year_subject(sentence: str, number: Stated, named: dict[int, _Named]) -> _Named | None:
    """The named count a last-year figure belongs to: the last one in the clause just before."""
    start = _previous_clause_start(sentence, number.start)
    before = [n for offset, n in sorted(named.items()) if start <= offset < number.start]
    return before[-1] if before else None


def _check_change(
    sentence: str,
    passage: Passage,
    change: Stated,
    named: dict[int, _Named],
    last_year: list[Stated],
    figures: Figures,
    problems: Problems,
) -> None:
    """A 同比 change recomputed from last year's figure: last year's table, or when there is none,
    the last-year figure the sentence states beside it (上年683件); a change against a year the
    text names (较2024年) only from that year's table."""
    if change.unit == "个百分点":
        return
    subjects = [n for start, n in sorted(named.items()) if start < change.start]
    if not subjects:
        return
    subject = subjects[-1]
    previous = figures.previous
    bases: list[Decimal | None] = []
    if previous is not None and change.against in (None, previous.year):
        bases.append(previous.of(subject.figure.base))
    if change.against is None:
        bases += [
            _in_field_unit(n, subject.figure).value
            for n in last_year
            if subject.number.end <= n.start < change.start
            and _last_year_subject(sentence, n, named) is subject
        ]
    bases = [b for b in bases if b is not None]
    if not bases:
        return
    current = _in_field_unit(subject.number, subject.figure).value
    if any(_change_agrees(change, current, last) for last in bases):
        return
    last = bases[0]
    difference = current - last
    where = f"（本年 {format_decimal(current)}，上年 {format_decimal(last)}）"
    if change.percent:
        if last == 0:
            problems.warning(
                "change-from-zero",
                f"{quote(sentence, change.start)}：上年{subject.figure.name}为 0，无法计算同比{change.text}",
                passage.location,
            )
            return
        rate = difference * HUNDRED / last
        direction = "增长" if rate > 0 else "下降"
        problems.error(
            "change-mismatch",
            f"{quote(sentence, change.start)}：{subject.figure.name}同比应为{direction}"
            f"{round_half_up(abs(rate), change.decimals)}%{where}",
            passage.location,
        )
        return
    direction = "增加" if difference > 0 else "减少"
    problems.error(
        "change-mismatch",
        f"{quote(sentence, change.start)}：{subject.figure.name}较上年应为{direction}"
        f"{format_decimal(abs(difference))}{change.unit}{where}",
        passage.location,
    )


def _change_agrees(change: Stated, current: Decimal, last: Decimal) -> bool:
    """Whether a stated change (a rate or a count) says how `current` differs from `last`."""
    difference = current - last
    if not change.percent:
        return difference == change.value * change.change
    if last == 0:
        return False
    rate = difference * HUNDRED / last
    stated = change.value * change.change
    return round_half_up(rate, change.decimals) == stated or (rate == 0 and change.value == 0)
