"""A report format as data: the fields office staff fill in, their labels and cells, and the rules.

The definition lives in the format's folder (``format.toml``); this module checks it against the
schema, turns it into frozen objects and checks that they are consistent. Cell positions are
computed here, once, and used by both the reader and the fill-in workbook, so the two cannot drift
apart.
"""

from __future__ import annotations

import enum
import itertools
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.base.a1 import column_index, column_letters, ref_column
from generator.base.problems import Severity
from generator.formats.kinds import KINDS, FieldKind, Reads
from generator.formats.narrative import NARRATIVE_FILE, Narrative, load_narrative
from generator.formats.schema import SchemaError, format_schema
from generator.formats.tables import TableSpec, table_from_data

FORMAT_FILE = "format.toml"
FIRST_ITEM_ROW = 3
LABEL_COLUMN = "A"
PREVIOUS = "previous:"
OPEN_ENDED_YEAR = 9999
TOTAL = KINDS["total"]


class FormatError(Exception):
    """A format folder is inconsistent (a developer's mistake, never a user's); says where."""


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
    kind: FieldKind
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
        if not self.kind.has_value:
            return ()
        if self.kind.reads is Reads.LIST:
            return tuple(ref for pair in self.list_refs() for ref in pair if ref)
        return (self.ref,)

    def list_refs(self) -> list[tuple[str | None, str]]:
        """For a list: (heading cell, text cell) of each paragraph row."""
        return [
            (f"{self.heading_column}{r}" if self.heading_column else None, f"{self.column}{r}")
            for r in range(self.row + 1, self.row + 1 + self.rows)
        ]


@dataclass(frozen=True)
class SheetSpec:
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
                letters = ref_column(ref)
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
    """sum(left) <op> sum(right), checked for every unit; an error, or a warning.

    A rule across years (a term from last year's workbook) has a `label` saying what it checks,
    for the notices printed when last year cannot be compared.
    """

    left: tuple[Term, ...]
    op: str
    right: tuple[Term, ...]
    severity: Severity = Severity.ERROR
    label: str = ""

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
class Headline:
    """A headline figure (主要指标), compared with last year's figure of the same key (同比).

    The figure is the sum of `sum`; with a `base`, it is that sum as a percentage of the base's
    sum, and its change from last year is in percentage points.
    """

    key: str
    label: str
    unit: str
    sum: tuple[str, ...]
    base: tuple[str, ...] = ()
    decimals: int = 1

    @property
    def is_rate(self) -> bool:
        return bool(self.base)


@dataclass(frozen=True, slots=True)
class ChartSpec:
    """A bar chart of the 图解: each bar a label and the fields whose sum it shows."""

    title: str
    unit: str
    bars: tuple[tuple[str, tuple[str, ...]], ...]


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
    sheets: tuple[SheetSpec, ...]
    rules: tuple[Rule, ...]
    shares: tuple[Shares, ...]
    instructions: dict[str, Any] = field(default_factory=dict)
    headlines: tuple[Headline, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    narrative: Narrative | None = None
    """What the running text must hold and may state (narrative.toml), when the format has it."""

    @cached_property
    def fields(self) -> dict[str, Field]:
        """Every field with an id, by id."""
        return {f.id: f for sheet in self.sheets for f in sheet.fields if f.id}

    @cached_property
    def tables(self) -> dict[str, TableSpec]:
        return {t.id: t for sheet in self.sheets for t in sheet.tables}

    @cached_property
    def summed(self) -> tuple[Field, ...]:
        """The fields added up over units (counts, amounts and their totals), in sheet order."""
        return tuple(f for f in self.fields.values() if f.kind.summed)

    @cached_property
    def parts(self) -> dict[str, tuple[str, ...]]:
        """For each computed field, the input fields it adds up (totals of totals flattened)."""

        def leaves(field_id: str) -> tuple[str, ...]:
            item = self.fields[field_id]
            if not item.kind.computed:
                return (field_id,)
            return tuple(leaf for part in item.sum for leaf in leaves(part))

        return {f.id: leaves(f.id) for f in self.fields.values() if f.kind.computed}

    @cached_property
    def cross_year_checks(self) -> str:
        """What the rules across years compare, in words (上年结转、现行有效件数)."""
        return "、".join(dict.fromkeys(r.label for r in self.rules if r.across_years))

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
    """Read and check a format folder's format.toml; FormatError names the file and the path."""
    path = folder / FORMAT_FILE
    where = f"{folder.parent.name}/{folder.name}/{FORMAT_FILE}"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise FormatError(f"{where}: 不是有效的 TOML（{error}）") from None
    except OSError as error:
        raise FormatError(f"{where}: 无法读取（{error.strerror or error}）") from None
    try:
        format_schema(tuple(KINDS)).check(data, "")
        spec = _build(folder, data)
        _check(spec)
    except SchemaError as error:
        raise FormatError(f"{where}: {error}") from None
    try:
        narrative = load_narrative(folder)
    except SchemaError as error:
        raise FormatError(f"{folder.parent.name}/{folder.name}/{NARRATIVE_FILE}: {error}") from None
    if narrative is not None:
        unknown = sorted(narrative.fields() - set(spec.fields))
        if unknown:
            raise FormatError(
                f"{folder.parent.name}/{folder.name}/{NARRATIVE_FILE}: 字段 {unknown[0]!r} 不在 format.toml 中"
            )
        spec = replace(spec, narrative=narrative)
    return spec


def _build(folder: Path, data: dict[str, Any]) -> FormatSpec:
    levels = data["levels"]
    sheets = tuple(
        _build_sheet(sheet, f"sheets[{index}]") for index, sheet in enumerate(data["sheets"])
    )
    return FormatSpec(
        folder=folder,
        key=folder.name,
        name=data["name"],
        first_year=data["first_year"],
        last_year=data["last_year"],
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
            rule
            for index, entry in enumerate(data.get("rules", []))
            for rule in _rules(entry, f"rules[{index}]")
        ),
        shares=tuple(
            Shares(s["base"], tuple(s["parts"]), s.get("decimals", 1))
            for s in data.get("shares", [])
        ),
        instructions=data.get("instructions", {}),
        headlines=tuple(
            Headline(
                h["key"],
                h["label"],
                h["unit"],
                tuple(h["sum"]),
                tuple(h.get("base", ())),
                h.get("decimals", 1),
            )
            for h in data.get("headlines", [])
        ),
        charts=tuple(_chart(c, f"charts[{i}]") for i, c in enumerate(data.get("charts", []))),
    )


def _chart(data: dict[str, Any], path: str) -> ChartSpec:
    bars = []
    for index, bar in enumerate(data["bars"]):
        if len(bar) < 2:
            raise SchemaError(f"{path}.bars[{index}]", "应为 [名称, 字段, …]，至少一个字段")
        bars.append((bar[0], tuple(bar[1:])))
    return ChartSpec(data["title"], data["unit"], tuple(bars))


def _rules(entry: dict[str, Any], path: str) -> list[Rule]:
    """A rule entry, expanded over its `for_each` placeholders (e.g. every column)."""
    placeholders = entry.get("for_each", {})
    names = list(placeholders)
    severity = Severity.WARNING if entry.get("severity") == "warning" else Severity.ERROR
    rules = []
    for values in itertools.product(*(placeholders[n] for n in names)):
        fill = dict(zip(names, values, strict=True))
        try:
            left = tuple(Term.parse(t.format(**fill)) for t in entry["left"])
            right = tuple(Term.parse(t.format(**fill)) for t in entry["right"])
        except (KeyError, IndexError, ValueError) as error:
            raise SchemaError(path, f"占位符有误（{error}），for_each 中没有它") from None
        rule = Rule(left, entry["op"], right, severity, entry.get("label", ""))
        if rule.across_years and not rule.label:
            raise SchemaError(path, '与上年比较的规则要有 "label"（如 "上年结转"）')
        rules.append(rule)
    return rules


def table_fields(table: TableSpec) -> list[Field]:
    """A field for every data cell of a table (totals where the row or the column sums others)."""
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
                    kind=TOTAL if parts else column.kind,
                    sheet=table.sheet,
                    row=table.body_top + r,
                    column=ref_column(ref),
                    unit=column.unit,
                    sum=parts,
                    labels=tuple(labels),
                )
            )
    return fields


def _build_sheet(data: dict[str, Any], path: str) -> SheetSpec:
    name = data["name"]
    if ("tables" in data) == ("items" in data):
        raise SchemaError(path, '要有 "items"（表单）或 "tables"（统计表）之一')
    if "tables" in data:
        tables = []
        top = 2  # row 1 holds the sheet's title
        for entry in data["tables"]:
            table = table_from_data(entry, name, top)
            tables.append(table)
            top = table.bottom + 2
        return SheetSpec(name, data.get("title", name), "", (), tuple(tables))
    value_column = data.get("value_column", "B")
    heading_column = column_letters(column_index(value_column) - 1)
    items: list[Field] = []
    row = FIRST_ITEM_ROW
    for index, item in enumerate(data["items"]):
        kind = KINDS[item["kind"]]
        is_list = kind.reads is Reads.LIST
        if is_list and "rows" not in item:
            raise SchemaError(f"{path}.items[{index}]", '列表要有 "rows"（段落行数）')
        label = item["label"]
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
                rows=item.get("rows", 0) if is_list else 0,
                heading_column=heading_column if is_list and heading_column != "A" else None,
                labels=((f"{LABEL_COLUMN}{row}", label),),
            )
        )
        row += 1 + items[-1].rows
    return SheetSpec(name, data.get("title", name), value_column, tuple(items))


def _check(spec: FormatSpec) -> None:
    seen: set[str] = set()
    for sheet in spec.sheets:
        for item in sheet.fields:
            if not item.kind.has_value:
                continue
            if not item.id or item.id in seen:
                raise SchemaError(f"工作表“{sheet.name}”", f"缺少或重复的字段 id {item.id!r}")
            seen.add(item.id)
    fields = spec.fields
    for required in ("unit.name", "unit.level", "unit.year"):
        if required not in fields:
            raise SchemaError("sheets", f"格式必须定义字段 {required}")
    for item in fields.values():
        if item.kind.computed and not item.sum:
            raise SchemaError(f"字段 {item.id}", '合计要有 "sum"')
    references = [
        *(("sum", part) for f in fields.values() for part in f.sum),
        *(("rules", term.field) for rule in spec.rules for term in rule.terms if not term.previous),
        *(("shares", ref) for shares in spec.shares for ref in (shares.base, *shares.parts)),
        *(("headlines", ref) for h in spec.headlines for ref in (*h.sum, *h.base)),
        *(("charts", ref) for c in spec.charts for _, refs in c.bars for ref in refs),
    ]
    for where, ref in references:
        if ref not in fields or not fields[ref].kind.summed:
            raise SchemaError(where, f"{ref!r} 不是数值字段")
    keys = [h.key for h in spec.headlines]
    if len(set(keys)) != len(keys):
        raise SchemaError("headlines", "key 重复")
    for group in spec.groups:
        if not set(group.levels) <= set(spec.levels):
            raise SchemaError(f"groups.{group.key}", "含有 levels.choices 以外的层级")
    if spec.body_level not in spec.levels:
        raise SchemaError("levels.body", "应为 levels.choices 之一")
