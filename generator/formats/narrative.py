"""What a format's running text must hold and may state (narrative.toml in its folder).

Loaded with the format and checked against its schema like format.toml; the checks that use it
are in generator/check/narrative/.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.formats.schema import TEXT, TEXTS, ListOf, Scalar, SchemaError, table

NARRATIVE_FILE = "narrative.toml"


@dataclass(frozen=True, slots=True)
class Part:
    """One of the report's parts: its official heading and the variants real reports use."""

    heading: str
    variants: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    """When given, a heading is this part when it holds every keyword (narrative formats whose
    headings vary from province to province); otherwise it must be the heading or a variant."""
    required: bool = True
    problems: bool = False
    """The part on problems and improvements (a warning when it says only “无”)."""

    @property
    def numeral(self) -> str:
        """一 for 一、总体情况."""
        return self.heading.partition("、")[0]

    @property
    def title(self) -> str:
        """总体情况 for 一、总体情况."""
        return self.heading.partition("、")[2]


@dataclass(frozen=True, slots=True)
class Base:
    """A figure the text may be compared against: a label and the fields it adds up."""

    label: str
    fields: tuple[str, ...]
    words: tuple[str, ...] = ()
    """Words that name it as the base of a share (占新收申请量的41.2%)."""


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """A count (or amount) the text may state, and the table fields it must equal."""

    name: str
    words: tuple[str, ...]
    fields: tuple[str, ...]
    between: tuple[str, ...] = ()
    """One of these must stand between the word and the number (or be part of the word)."""
    after: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    units: tuple[str, ...] = ("件",)
    field_unit: str = "件"
    also: tuple[Base, ...] = ()
    shares: str = ""
    """The key of the share bases a “占x%” of this figure is computed against."""
    everyday: bool = False
    """Named by words other work uses too (办结, 受理, 复议): compared only when the sentence is
    about information disclosure (Narrative.disclosure_words)."""

    @property
    def base(self) -> Base:
        return Base(self.name, self.fields)


@dataclass(frozen=True, slots=True)
class Topic:
    """Within a claim: the words that say what it is about, and the fields that must be 0."""

    words: tuple[str, ...]
    zero: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    """A sentence that asserts something the tables can contradict (均获维持 with 纠正 > 0)."""

    name: str
    words: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    topics: tuple[Topic, ...]
    unless: tuple[str, ...] = ()
    """Words before the claim that make it about something narrower (上年结转的申请已全部办结)."""


@dataclass(frozen=True)
class Narrative:
    """Everything about a format's running text."""

    parts: tuple[Part, ...]
    numbered: bool
    """Whether each part has a fixed number (一、 … 六、), checked as printed."""
    figures: tuple[StatedFigure, ...]
    share_bases: dict[str, tuple[Base, ...]]
    claims: tuple[Claim, ...]
    boilerplate: tuple[str, ...]
    deadline_government: tuple[int, int]
    deadline_department: tuple[int, int]
    part_count_words: tuple[str, ...]
    disclosure_words: tuple[str, ...] = ()
    """Words that say a sentence is about information disclosure (信息公开, 依申请公开)."""
    other_subjects: tuple[str, ...] = ()
    """Words that say a count is about other work (热线, 诉求, 提案, 政务服务)."""

    def fields(self) -> set[str]:
        """Every field the narrative refers to."""
        named = {f for figure in self.figures for f in figure.fields}
        named |= {f for figure in self.figures for base in figure.also for f in base.fields}
        named |= {f for bases in self.share_bases.values() for b in bases for f in b.fields}
        named |= {f for claim in self.claims for topic in claim.topics for f in topic.zero}
        return named


_MONTH_DAY = Scalar(str, "“月-日”，如 03-31")
_FLAG = Scalar(bool, "true 或 false")
_BASE = table("label fields", label=TEXT, fields=TEXTS)
_SHARE_BASE = table("label fields", label=TEXT, fields=TEXTS, words=TEXTS)
SCHEMA = table(
    "parts figures",
    deadline=table("government department", government=_MONTH_DAY, department=_MONTH_DAY),
    part_count_words=TEXTS,
    numbered=_FLAG,
    parts=ListOf(
        table(
            "heading",
            heading=TEXT,
            variants=TEXTS,
            keywords=TEXTS,
            required=_FLAG,
            problems=_FLAG,
        )
    ),
    figures=ListOf(
        table(
            "name words fields",
            name=TEXT,
            words=TEXTS,
            fields=TEXTS,
            between=TEXTS,
            after=TEXTS,
            context=TEXTS,
            units=TEXTS,
            field_unit=TEXT,
            also=ListOf(_BASE),
            shares=TEXT,
            everyday=_FLAG,
        )
    ),
    share_bases=ListOf(table("key bases", key=TEXT, bases=ListOf(_SHARE_BASE))),
    claims=ListOf(
        table(
            "name topics",
            name=TEXT,
            words=TEXTS,
            patterns=TEXTS,
            unless=TEXTS,
            topics=ListOf(table("words zero", words=TEXTS, zero=TEXTS)),
        )
    ),
    boilerplate=TEXTS,
    disclosure_words=TEXTS,
    other_subjects=TEXTS,
)


def load_narrative(folder: Path) -> Narrative | None:
    """The folder's narrative.toml, or None when the format has none; SchemaError says where."""
    path = folder / NARRATIVE_FILE
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise SchemaError("", f"不是有效的 TOML（{error}）") from None
    SCHEMA.check(data, "")
    return _build(data)


def _build(data: dict[str, Any]) -> Narrative:
    def base(entry: dict[str, Any]) -> Base:
        return Base(entry["label"], tuple(entry["fields"]), tuple(entry.get("words", ())))

    figures = tuple(
        StatedFigure(
            name=f["name"],
            words=tuple(f["words"]),
            fields=tuple(f["fields"]),
            between=tuple(f.get("between", ())),
            after=tuple(f.get("after", ())),
            context=tuple(f.get("context", ())),
            units=tuple(f.get("units", ("件",))),
            field_unit=f.get("field_unit", "件"),
            also=tuple(base(b) for b in f.get("also", ())),
            shares=f.get("shares", ""),
            everyday=f.get("everyday", False),
        )
        for f in data["figures"]
    )
    share_bases = {
        s["key"]: tuple(base(b) for b in s["bases"]) for s in data.get("share_bases", ())
    }
    for index, figure in enumerate(figures):
        if figure.shares and figure.shares not in share_bases:
            raise SchemaError(
                f"figures[{index}].shares", f"没有 key 为 {figure.shares!r} 的 share_bases"
            )
    claims = []
    for index, c in enumerate(data.get("claims", ())):
        try:
            patterns = tuple(re.compile(p) for p in c.get("patterns", ()))
        except re.error as error:
            raise SchemaError(f"claims[{index}].patterns", f"正则表达式有误（{error}）") from None
        topics = tuple(Topic(tuple(t["words"]), tuple(t["zero"])) for t in c["topics"])
        claims.append(
            Claim(
                c["name"], tuple(c.get("words", ())), patterns, topics, tuple(c.get("unless", ()))
            )
        )
    deadline = data.get("deadline", {"government": "03-31", "department": "03-31"})
    return Narrative(
        parts=tuple(
            Part(
                p["heading"],
                tuple(p.get("variants", ())),
                tuple(p.get("keywords", ())),
                p.get("required", True),
                p.get("problems", False),
            )
            for p in data["parts"]
        ),
        numbered=data.get("numbered", True),
        figures=figures,
        share_bases=share_bases,
        claims=tuple(claims),
        boilerplate=tuple(data.get("boilerplate", ())),
        deadline_government=_month_day(deadline["government"], "deadline.government"),
        deadline_department=_month_day(deadline["department"], "deadline.department"),
        part_count_words=tuple(data.get("part_count_words", ())),
        disclosure_words=tuple(data.get("disclosure_words", ())),
        other_subjects=tuple(data.get("other_subjects", ())),
    )


def _month_day(text: str, path: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text)
    if not match:
        raise SchemaError(path, f"应为“月-日”，如 03-31，现在是 {text!r}")
    return int(match.group(1)), int(match.group(2))
