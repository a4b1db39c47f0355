"""Check a format.toml against its schema before anything is built from it.

Unknown keys are refused (a typo such as ``severty`` must not silently change a rule), missing
keys and values of the wrong type are named with their path, e.g. ``sheets[4].items[0]: 缺少 "kind"``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


class SchemaError(ValueError):
    """A value does not fit the schema; `path` says where (``rules[2].severity``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


class Shape:
    """A schema node: checks a value at a path."""

    description = "值"

    def check(self, value: Any, path: str) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Scalar(Shape):
    kind: type
    description: str = "值"

    def check(self, value: Any, path: str) -> None:
        wrong = not isinstance(value, self.kind) or (self.kind is int and isinstance(value, bool))
        if wrong:
            raise SchemaError(path, f"应为{self.description}，现在是 {value!r}")


@dataclass(frozen=True)
class OneOf(Shape):
    choices: tuple[str, ...]
    description: str = "取值"

    def check(self, value: Any, path: str) -> None:
        if value not in self.choices:
            raise SchemaError(path, f"应为 {'、'.join(self.choices)} 之一，现在是 {value!r}")


@dataclass(frozen=True)
class ListOf(Shape):
    item: Shape
    description: str = "数组"

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise SchemaError(path, f"应为数组，现在是 {value!r}")
        for index, entry in enumerate(value):
            self.item.check(entry, f"{path}[{index}]")


@dataclass(frozen=True)
class MapOf(Shape):
    """A table whose keys are names chosen by the format (group keys, placeholders)."""

    item: Shape
    description: str = "表"

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            raise SchemaError(path, f"应为表，现在是 {value!r}")
        for key, entry in value.items():
            self.item.check(entry, f"{path}.{key}" if path else key)


@dataclass(frozen=True)
class Table(Shape):
    """A table with known keys; `required` must be present, nothing else may be."""

    keys: Mapping[str, Shape]
    required: frozenset[str] = field(default_factory=frozenset)
    description: str = "表"

    def check(self, value: Any, path: str) -> None:
        if not isinstance(value, Mapping):
            raise SchemaError(path, f"应为表，现在是 {value!r}")
        for key in self.keys:
            if key in self.required and key not in value:
                raise SchemaError(path, f'缺少 "{key}"')
        for key, entry in value.items():
            if key not in self.keys:
                known = "、".join(self.keys)
                raise SchemaError(path, f'未知的键 "{key}"（可用的键：{known}）')
            self.keys[key].check(entry, f"{path}.{key}" if path else key)


def table(required: str = "", /, **keys: Shape) -> Table:
    """A Table; `required` lists the required keys, separated by spaces."""
    return Table(keys, frozenset(required.split()))


TEXT = Scalar(str, "文字")
INTEGER = Scalar(int, "整数")
TEXTS = ListOf(TEXT)
PAIRS = ListOf(ListOf(TEXT))


def format_schema(kinds: Sequence[str]) -> Table:
    """The schema of a format.toml whose fields may use these kinds."""
    kind = OneOf(tuple(kinds))
    header_cell = table("text", text=TEXT, rows=INTEGER, cols=INTEGER)
    column = table("key", key=TEXT, width=INTEGER, sum=TEXTS, kind=kind, unit=TEXT)
    row = table("key", key=TEXT, labels=TEXTS, sum=TEXTS)
    statistical_table = table(
        "id header columns rows",
        id=TEXT,
        kind=kind,
        unit=TEXT,
        label_widths=ListOf(INTEGER),
        column_width=INTEGER,
        header=ListOf(ListOf(header_cell)),
        columns=ListOf(column),
        rows=ListOf(row),
    )
    item = table(
        "label kind",
        id=TEXT,
        label=TEXT,
        kind=kind,
        unit=TEXT,
        need=OneOf(("all", "body", "aggregate", "optional")),
        help=TEXT,
        sum=TEXTS,
        rows=INTEGER,
    )
    sheet = table(
        "name",
        name=TEXT,
        title=TEXT,
        value_column=TEXT,
        items=ListOf(item),
        tables=ListOf(statistical_table),
    )
    rule = table(
        "left op right",
        left=TEXTS,
        op=OneOf(("=", "<=")),
        right=TEXTS,
        severity=OneOf(("error", "warning")),
        for_each=MapOf(TEXTS),
        label=TEXT,
    )
    return table(
        "name first_year last_year template reference_docx levels sheets",
        name=TEXT,
        first_year=INTEGER,
        last_year=INTEGER,
        template=TEXT,
        reference_docx=TEXT,
        levels=table("choices body", choices=TEXTS, body=TEXT),
        groups=MapOf(table("label levels", label=TEXT, levels=TEXTS)),
        instructions=table(
            title=TEXT,
            purpose=TEXTS,
            definitions=PAIRS,
            sheets_help=PAIRS,
            deadline=TEXT,
            contact=TEXT,
        ),
        sheets=ListOf(sheet),
        rules=ListOf(rule),
        shares=ListOf(table("base parts", base=TEXT, parts=TEXTS, decimals=INTEGER)),
        headlines=ListOf(
            table(
                "key label unit sum",
                key=TEXT,
                label=TEXT,
                unit=TEXT,
                sum=TEXTS,
                base=TEXTS,
                decimals=INTEGER,
            )
        ),
        charts=ListOf(table("title unit bars", title=TEXT, unit=TEXT, bars=PAIRS)),
    )
