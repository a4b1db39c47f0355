"""A report format as data: the fields office staff fill in, their labels and cells, and the rules.

The definition lives in the format's folder (``format.toml``); this module turns it into frozen
objects and checks that it is consistent. Cell positions are computed here, once, and used by both
the reader and the fill-in workbook writer, so the two cannot drift apart.
"""

from __future__ import annotations

import enum
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.read.xlsx import column_index, column_letters

FIRST_ITEM_ROW = 3
LABEL_COLUMN = "A"


class FormatError(Exception):
    """A format folder is inconsistent (a developer's mistake, never a user's)."""


class Kind(enum.StrEnum):
    """What a cell holds."""

    COUNT = "count"  # a whole number ≥ 0
    AMOUNT = "amount"  # a number ≥ 0, decimals allowed
    TOTAL = "total"  # a sum of other fields; a formula in the workbook, recomputed on reading
    YEAR = "year"
    TEXT = "text"  # one line of text
    PARAGRAPH = "paragraph"  # one paragraph of the report
    LIST = "list"  # a run of rows, one paragraph each, with an optional run-in heading
    DATE = "date"
    LEVEL = "level"  # one of the format's unit levels
    HEADING = "heading"  # a caption row in the workbook, no value


NUMERIC_KINDS = frozenset({Kind.COUNT, Kind.AMOUNT, Kind.TOTAL, Kind.YEAR})
SUMMED_KINDS = frozenset({Kind.COUNT, Kind.AMOUNT, Kind.TOTAL})


class Need(enum.StrEnum):
    """Who must fill a field in."""

    ALL = "all"  # every unit
    BODY = "body"  # the reporting body (and optional for everyone else)
    OPTIONAL = "optional"


@dataclass(frozen=True, slots=True)
class Field:
    """One input (or computed) cell of the workbook, or a run of rows for a list."""

    id: str
    label: str
    kind: Kind
    sheet: str
    row: int
    column: str
    unit: str = ""
    need: Need = Need.ALL
    help: str = ""
    sum: tuple[str, ...] = ()
    rows: int = 0  # lists only: how many paragraph rows follow the caption row
    heading_column: str | None = None  # lists only
    labels: tuple[tuple[str, str], ...] = ()  # (cell, text) pairs that must read as given

    @property
    def ref(self) -> str:
        """The value cell, e.g. 'B7' (for a list: its caption row's label cell)."""
        return f"{self.column}{self.row}"

    def list_refs(self) -> list[tuple[str | None, str]]:
        """For a list: (heading cell, text cell) of each paragraph row."""
        return [
            (f"{self.heading_column}{r}" if self.heading_column else None, f"{self.column}{r}")
            for r in range(self.row + 1, self.row + 1 + self.rows)
        ]


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet of the fill-in workbook and the items on it, in row order."""

    name: str
    title: str
    value_column: str
    items: tuple[Field, ...]
    note: str = ""

    @property
    def last_row(self) -> int:
        last = self.items[-1]
        return last.row + last.rows


@dataclass(frozen=True, slots=True)
class Rule:
    """sum(left) <op> sum(right), checked for every unit."""

    left: tuple[str, ...]
    op: str
    right: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Shares:
    """Each part as a percentage of the base."""

    base: str
    parts: tuple[str, ...]
    decimals: int = 1


@dataclass(frozen=True, slots=True)
class Group:
    """A breakdown of the units by level (e.g. 市本级 = 市政府 + 市政府工作部门)."""

    key: str
    label: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class FormatSpec:
    """Everything about one report format, loaded from its folder."""

    folder: Path
    key: str
    name: str
    first_year: int
    last_year: int
    template: str
    reference_docx: str
    levels: tuple[str, ...]
    body_level: str
    groups: tuple[Group, ...]
    sheets: tuple[Sheet, ...]
    rules: tuple[Rule, ...]
    shares: tuple[Shares, ...]
    instructions: dict[str, Any] = field(default_factory=dict)

    @property
    def fields(self) -> dict[str, Field]:
        """Every field with an id, by id."""
        return {f.id: f for sheet in self.sheets for f in sheet.items if f.id}

    def field(self, field_id: str) -> Field:
        return self.fields[field_id]

    @property
    def reference_path(self) -> Path:
        return self.folder / self.reference_docx


def load_format(folder: Path) -> FormatSpec:
    """Read and check a format folder's ``format.toml``."""
    with (folder / "format.toml").open("rb") as handle:
        data = tomllib.load(handle)
    try:
        spec = _build(folder, data)
    except (KeyError, TypeError, ValueError) as error:
        raise FormatError(f"{folder / 'format.toml'}: {error!r}") from error
    _check(spec)
    return spec


def _build(folder: Path, data: dict[str, Any]) -> FormatSpec:
    levels = data["levels"]
    sheets = tuple(_build_sheet(sheet) for sheet in data["sheets"])
    return FormatSpec(
        folder=folder,
        key=folder.name,
        name=data["name"],
        first_year=int(data["first_year"]),
        last_year=int(data["last_year"]),
        template=data["template"],
        reference_docx=data["reference_docx"],
        levels=tuple(levels["choices"]),
        body_level=levels["body"],
        groups=tuple(
            Group(key, group["label"], tuple(group["levels"]))
            for key, group in data.get("groups", {}).items()
        ),
        sheets=sheets,
        rules=tuple(
            Rule(tuple(rule["left"]), rule["op"], tuple(rule["right"]))
            for rule in data.get("rules", [])
        ),
        shares=tuple(
            Shares(s["base"], tuple(s["parts"]), int(s.get("decimals", 1)))
            for s in data.get("shares", [])
        ),
        instructions=data.get("instructions", {}),
    )


def _build_sheet(data: dict[str, Any]) -> Sheet:
    name = data["name"]
    value_column = data.get("value_column", "B")
    heading_column = column_letters(column_index(value_column) - 1)
    items: list[Field] = []
    row = FIRST_ITEM_ROW
    for item in data["items"]:
        kind = Kind(item["kind"])
        label = item["label"]
        is_list = kind is Kind.LIST
        items.append(
            Field(
                id=item.get("id", ""),
                label=label,
                kind=kind,
                sheet=name,
                row=row,
                column=value_column,
                unit=item.get("unit", ""),
                need=Need(item.get("need", "all")),
                help=item.get("help", ""),
                sum=tuple(item.get("sum", ())),
                rows=int(item.get("rows", 0)) if is_list else 0,
                heading_column=heading_column if is_list and heading_column != "A" else None,
                labels=((f"{LABEL_COLUMN}{row}", label),),
            )
        )
        row += 1 + (items[-1].rows if is_list else 0)
    return Sheet(name, data.get("title", name), value_column, tuple(items), data.get("note", ""))


def _check(spec: FormatSpec) -> None:
    seen: set[str] = set()
    for sheet in spec.sheets:
        for item in sheet.items:
            if item.kind is Kind.HEADING:
                continue
            if not item.id or item.id in seen:
                raise FormatError(f"{spec.key}: missing or duplicate field id {item.id!r}")
            seen.add(item.id)
    fields = spec.fields
    for required in ("unit.name", "unit.level", "unit.year"):
        if required not in fields:
            raise FormatError(f"{spec.key}: the format must define {required}")
    references = [
        *(part for f in fields.values() for part in f.sum),
        *(ref for rule in spec.rules for ref in (*rule.left, *rule.right)),
        *(ref for shares in spec.shares for ref in (shares.base, *shares.parts)),
    ]
    for ref in references:
        if ref not in fields or fields[ref].kind not in SUMMED_KINDS:
            raise FormatError(f"{spec.key}: {ref!r} is not a numeric field")
    for rule in spec.rules:
        if rule.op not in ("=", "<="):
            raise FormatError(f"{spec.key}: unknown rule operator {rule.op!r}")
    for group in spec.groups:
        if not set(group.levels) <= set(spec.levels):
            raise FormatError(f"{spec.key}: group {group.key} names an unknown level")
    if spec.body_level not in spec.levels:
        raise FormatError(f"{spec.key}: the body level is not one of the levels")
