"""What a writer is given: the report document and what goes with it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.problems import Problem
from generator.compute.summary import Summary
from generator.document.model import Document
from generator.formats.spec import FormatSpec


@dataclass(frozen=True)
class Publication:
    """One report to write: its document and format, for the office's own report the summary of
    every unit and the problems found, and whether the Word file carries the charts."""

    document: Document
    spec: FormatSpec
    summary: Summary | None = None
    problems: tuple[Problem, ...] = ()
    charts: bool = False
