"""Locations and problems: errors are values, collected and shown together."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

_PLAIN_SHEET = re.compile(r"^[^\s'!\[\]*?/\\:()（）-]+$")


def sheet_reference(sheet: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted when it has spaces and the like."""
    return sheet if _PLAIN_SHEET.match(sheet) else "'{}'".format(sheet.replace("'", "''"))


class Location(NamedTuple):
    """Where a value came from: a file, and a sheet and a cell in it (workbooks), or a place in
    words (report documents: 第三部分表格“（一）予以公开”行“自然人”列, 第一部分第2段).

    A named tuple rather than a dataclass: worker processes send back thousands of them, and
    tuples are the quickest thing to pickle and rebuild.
    """

    file: str
    sheet: str | None = None
    cell: str | None = None
    place: str | None = None

    def __str__(self) -> str:
        if self.place is not None:
            return f"{self.file} {self.place}"
        if self.sheet is None:
            return self.file
        return f"{self.file} {sheet_reference(self.sheet)}" + (f"!{self.cell}" if self.cell else "")

    def at(self, cell: str) -> Location:
        """The same sheet, another cell."""
        return Location(self.file, self.sheet, cell)


class Severity(enum.IntEnum):
    """How bad a problem is; errors stop the build, warnings do so only with --strict."""

    NOTICE = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return {Severity.NOTICE: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}[self]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (or worth knowing) about the inputs, with where it is."""

    severity: Severity
    code: str
    message: str
    location: Location | None = None
    unit: str | None = None
    """The unit concerned, when no workbook of it says so (one on the unit list that sent none)."""
    office: bool = False
    """The office's own business (its unit list, last year's workbooks, the year it asked for):
    in the office's 问题清单, never in a letter to the unit."""

    def __str__(self) -> str:
        where = f"{self.location}：" if self.location else ""
        return f"[{self.severity.label}] {where}{self.message}"


@dataclass
class Problems:
    """An ordered collection of problems, added to by every stage."""

    items: list[Problem] = field(default_factory=list)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, severity: Severity, code: str, message: str, location: Location | None) -> None:
        self.items.append(Problem(severity, code, message, location))

    def error(self, code: str, message: str, location: Location | None = None) -> None:
        self.add(Severity.ERROR, code, message, location)

    def warning(self, code: str, message: str, location: Location | None = None) -> None:
        self.add(Severity.WARNING, code, message, location)

    def notice(self, code: str, message: str, location: Location | None = None) -> None:
        self.add(Severity.NOTICE, code, message, location)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.items if p.severity == severity)

    def blocking(self, strict: bool = False) -> bool:
        """Whether these problems stop a build (warnings count only when strict)."""
        floor = Severity.WARNING if strict else Severity.ERROR
        return any(p.severity >= floor for p in self.items)

    def tally(self, strict: bool = False) -> str:
        """How many errors and warnings, in one sentence for the user."""
        errors, warnings = self.count(Severity.ERROR), self.count(Severity.WARNING)
        if not errors and not warnings:
            return "未发现问题。"
        note = "（严格模式：警告也必须处理）" if strict and warnings else ""
        return f"共发现 {errors} 个错误、{warnings} 个警告{note}。"

    def sorted(self) -> list[Problem]:
        """Problems grouped by file, then in the order they were found."""
        order = {id(p): i for i, p in enumerate(self.items)}
        return sorted(
            self.items,
            key=lambda p: (p.location.file if p.location else "", order[id(p)]),
        )
