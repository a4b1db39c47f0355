"""The 核查报告 of one report document, as the audit writers lay it out."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.problems import Problem, Severity
from generator.compute.figures import Figure
from generator.document.model import Table


@dataclass(frozen=True)
class ReadNumber:
    """A number as read from a report's table, named by the labels the table prints."""

    table: str
    """The table's title: 收到和处理政府信息公开申请情况."""
    row: str
    """The row's label (empty in a table of one unlabelled row): （一）予以公开."""
    column: str
    """The column's header (its path where the header repeats): 行政复议·结果维持."""
    figure: Figure


@dataclass(frozen=True)
class AuditReport:
    """What was checked and found: the file, the report it holds, the problems, the tables as read."""

    file: str
    title: str
    year: int | None
    format_name: str
    problems: tuple[Problem, ...]
    tables: tuple[Table, ...] = ()
    numbers: tuple[ReadNumber, ...] = ()
    """Every number of the tables, as read (blank and missing cells too)."""
    last_year: str = ""
    """The file of the agency's report of the year before it was checked against, if any."""

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    @property
    def stem(self) -> str:
        return self.file.rsplit(".", 1)[0] if "." in self.file else self.file
