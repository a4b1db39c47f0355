"""A report format as data: the fields office staff fill in, their labels and cells, and the rules.

The definition lives in the format's folder (``format.toml``); this module turns it into frozen
objects and checks that it is consistent. Cell positions are computed here, once, and used by both
the reader and the fill-in workbook writer, so the two cannot drift apart.
"""

from __future__ import annotations

import enum
import itertools
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.formats.tables import TableSpec, table_from_data
from generator.read.xlsx import column_index, column_letters

FIRST_ITEM_ROW = 3
LABEL_COLUMN = "A"
PREVIOUS = "previous:"
OPEN_ENDED_YEAR = 9999


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


SUMMED_KINDS = frozenset({Kind.COUNT, Kind.AMOUNT, Kind.TOTAL})


class Need(enum.StrEnum):
    """Who must fill a field in."""

    ALL = "all"  # every unit
    BODY = "body"  # the body of a report: the aggregate's, and every unit with --each
    AGGREGATE = "aggregate"  # only the body of the aggregate report (e.g. the 政府公报)
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

    @property
    def value_refs(self) -> tuple[str, ...]:
        """The cells a person fills in (none for a caption row; every paragraph cell of a list)."""
        if self.kind is Kind.HEADING:
            return ()
        if self.kind is Kind.LIST:
            return tuple(ref for pair in self.list_refs() for ref in pair if ref)
        return (self.ref,)

    def list_refs(self) -> list[tuple[str | None, str]]:
        """For a list: (heading cell, text cell) of each paragraph row."""
        return [
            (f"{self.heading_column}{r}" if self.heading_column else None, f"{self.column}{r}")
            for r in range(self.row + 1, self.row + 1 + self.rows)
        ]


@dataclass(frozen=True)
class Sheet:
    """A sheet of the fill-in workbook: form items in row order, or statistical tables."""

    name: str
    title: str
    value_column: str
    items: tuple[Field, ...]
    tables: tuple[TableSpec, ...] = ()

    @property
    def last_row(self) -> int:
        if self.tables:
            return self.tables[-1].bottom
        last = self.items[-1]
        return last.row + last.rows

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        """Every field of the sheet: the form items, or every cell of its tables."""
        return self.items + tuple(f for table in self.tables for f in table_fields(table))

    @cached_property
    def cells_to_read(self) -> frozenset[str]:
        """Every label and input cell of the sheet: all the reader ever looks at first."""
        return frozenset(
            ref for item in self.fields for ref in (*(r for r, _ in item.labels), *item.value_refs)
        )

    @cached_property
    def inputs_by_row(self) -> dict[int, tuple[tuple[int, str], ...]]:
        """Input cells by row: row → ((column number, cell), ...)."""
        rows: dict[int, list[tuple[int, str]]] = {}
        for item in self.fields:
            for ref in item.value_refs:
                letters = ref.rstrip("0123456789")
                rows.setdefault(int(ref[len(letters) :]), []).append((column_index(letters), ref))
        return {row: tuple(cells) for row, cells in rows.items()}

    @property
    def label_columns(self) -> tuple[str, ...]:
        """Columns holding row labels (searched when a label is not where it should be)."""
        if not self.tables:
            return (LABEL_COLUMN,)
        widest = max(len(t.label_widths) for t in self.tables)
        return tuple(column_letters(i + 1) for i in range(max(widest, 1)))


@dataclass(frozen=True, slots=True)
class Term:
    """A field in a rule: added or subtracted, from this year's workbook or last year's."""

    field: str
    sign: int = 1
    previous: bool = False

    @classmethod
    def parse(cls, text: str) -> Term:
        """'x', '-x', 'previous:x' or '-previous:x'."""
        sign = -1 if text.startswith("-") else 1
        text = text.lstrip("-")
        previous = text.startswith(PREVIOUS)
        return cls(text.removeprefix(PREVIOUS), sign, previous)


@dataclass(frozen=True, slots=True)
class Rule:
    """sum(left) <op> sum(right), checked for every unit; an error, or a warning."""

    left: tuple[Term, ...]
    op: str
    right: tuple[Term, ...]
    warning: bool = False

    @property
    def terms(self) -> tuple[Term, ...]:
        return self.left + self.right

    @property
    def across_years(self) -> bool:
        return any(t.previous for t in self.terms)


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

    @cached_property
    def fields(self) -> dict[str, Field]:
        """Every field with an id, by id."""
        return {f.id: f for sheet in self.sheets for f in sheet.fields if f.id}

    @property
    def tables(self) -> dict[str, TableSpec]:
        return {t.id: t for sheet in self.sheets for t in sheet.tables}

    @property
    def years(self) -> str:
        """The report years the format is for, in words."""
        if self.last_year >= OPEN_ENDED_YEAR:
            return f"{self.first_year} 年度及以后"
        return f"{self.first_year}—{self.last_year} 年度"

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
        rules=tuple(rule for entry in data.get("rules", []) for rule in _rules(entry)),
        shares=tuple(
            Shares(s["base"], tuple(s["parts"]), int(s.get("decimals", 1)))
            for s in data.get("shares", [])
        ),
        instructions=data.get("instructions", {}),
    )


def _rules(entry: dict[str, Any]) -> list[Rule]:
    """A rule entry, expanded over its `for_each` placeholders (e.g. every column)."""
    placeholders = entry.get("for_each", {})
    names = list(placeholders)
    rules = []
    for values in itertools.product(*(placeholders[n] for n in names)):
        fill = dict(zip(names, values, strict=True))
        left = tuple(Term.parse(t.format(**fill)) for t in entry["left"])
        right = tuple(Term.parse(t.format(**fill)) for t in entry["right"])
        rules.append(Rule(left, entry["op"], right, entry.get("severity") == "warning"))
    return rules


def table_fields(table: TableSpec) -> list[Field]:
    """A field for every data cell of a table (totals where the row or the column sums others)."""
    kind = Kind(table.kind)
    leaf_refs = {
        s.row: (f"{table.column_letter(s.col)}{table.body_top + s.row}", s.text)
        for s in table.label_spans
        if s.col == len(table.rows[s.row].labels) - 1
    }
    fields = []
    for r, row in enumerate(table.rows):
        for c, column in enumerate(table.columns):
            header_ref, header_text, column_name = table.column_header(c)
            labels = [(header_ref, header_text)]
            if r in leaf_refs:
                labels.insert(0, leaf_refs[r])
            if column.sum:
                parts = tuple(f"{table.id}.{row.key}.{other}" for other in column.sum)
            else:
                parts = tuple(f"{table.id}.{other}.{column.key}" for other in row.sum)
            ref = table.data_ref(r, c)
            label = f"{row.labels[-1]}（{column_name}）" if row.labels else column_name
            fields.append(
                Field(
                    id=f"{table.id}.{row.key}.{column.key}",
                    label=label,
                    kind=Kind.TOTAL if parts else kind,
                    sheet=table.sheet,
                    row=table.body_top + r,
                    column=ref.rstrip("0123456789"),
                    unit="万元" if kind is Kind.AMOUNT else "",
                    sum=parts,
                    labels=tuple(labels),
                )
            )
    return fields


def _build_sheet(data: dict[str, Any]) -> Sheet:
    name = data["name"]
    if "tables" in data:
        tables = []
        top = 2  # row 1 holds the sheet's title
        for entry in data["tables"]:
            table = table_from_data(entry, name, top)
            tables.append(table)
            top = table.bottom + 2
        return Sheet(name, data.get("title", name), "", (), tuple(tables))
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
    return Sheet(name, data.get("title", name), value_column, tuple(items))


def _check(spec: FormatSpec) -> None:
    seen: set[str] = set()
    for sheet in spec.sheets:
        for item in sheet.fields:
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
        *(term.field for rule in spec.rules for term in rule.terms),
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
