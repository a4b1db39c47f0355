"""The 核查报告 of one report document, as the audit writers lay it out."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.problems import Problem, Severity
from generator.document.model import Table


@dataclass(frozen=True)
class AuditReport:
    """What was checked and found: the file, the report it holds, the problems, the tables as read."""

    file: str
    title: str
    year: int | None
    format_name: str
    problems: tuple[Problem, ...]
    tables: tuple[Table, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    @property
    def stem(self) -> str:
        return self.file.rsplit(".", 1)[0] if "." in self.file else self.file
