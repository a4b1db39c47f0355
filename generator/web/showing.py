"""The outcome of the library's work as the result pages show it: problems in lines, grouped by
unit, and the files to download, in the order the command line lists them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.base.problems import Problem, Severity
from generator.formats.spec import FormatSpec
from generator.web.jobs import Download, Job
from generator.write import problem_list
from generator.write.registry import output_of

SEVERITY_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}


@dataclass(frozen=True)
class Line:
    """One problem, worded exactly as the command line prints it."""

    severity: str
    """error, warning or notice: how the page colours it."""
    text: str


@dataclass(frozen=True)
class Group:
    """The problems of one unit (or of the whole request), with its problem list to send back."""

    title: str
    lines: tuple[Line, ...]
    letter: int | None = None
    """The number of its problem list among the job's downloads."""

    def count(self, severity: str) -> int:
        return sum(1 for line in self.lines if line.severity == severity)


def lines(problems: Iterable[Problem], job: Job) -> tuple[Line, ...]:
    """The problems as lines; the job's own folder is left out of any path they name."""
    hidden = f"{job.folder}{os.sep}"
    return tuple(Line(SEVERITY_CLASS[p.severity], str(p).replace(hidden, "")) for p in problems)


def by_unit(
    problems: Sequence[Problem],
    unit_of_file: Mapping[str, str],
    spec: FormatSpec,
    letters: Mapping[str, int],
    job: Job,
) -> list[Group]:
    """One group per unit, in the order the command line lists them; the problems that concern
    no unit (the whole set of workbooks) come first, under 总体."""
    grouped: dict[str, list[Problem]] = {}
    files: dict[str, dict[str, None]] = {}
    for row in problem_list.rows(problems, unit_of_file, spec):
        grouped.setdefault(row.unit, []).append(row.problem)
        if row.file:
            files.setdefault(row.unit, {})[row.file] = None
    groups = []
    for unit, found in grouped.items():
        # 财政局.xlsx is 财政局's; a file whose unit could not be read is its own unit
        named = [f for f in files.get(unit, {}) if unit not in (f, Path(f).stem)]
        title = f"{unit}（{'、'.join(named)}）" if unit and named else unit or "总体"
        groups.append(Group(title, lines(found, job), letters.get(unit)))
    groups.sort(key=lambda g: g.title != "总体")
    return groups


def downloads(written: Iterable[Path], out: Path, label: Callable[[str], str]) -> list[Download]:
    """The files written into `out` as the command line lists them: the report's (in the writers'
    order), the other files beside them, the units' reports (each unit's files together, in the
    writers' order, its PDF too), then the units' problem lists.
    `label` says what a file is, from its path in `out`."""
    found = []
    for path in written:
        name = path.relative_to(out).as_posix()
        found.append(Download(label(name), name, path))
    reports: dict[str, int] = {}  # the report each file is of → its place, in the order written
    for item in found:
        reports.setdefault(_report_of(item.name), len(reports))
    return sorted(found, key=lambda item: _place(item, reports))


def writer_label(name: str) -> str:
    """What a report's file is, by the writer that made it."""
    made = output_of(name)
    return made.label if made else ""


def _report_of(name: str) -> str:
    """The report a file is one form of (its name less its writer's suffix), or the file itself."""
    made = output_of(name)
    return name.removesuffix(made.suffix) if made else name


def _place(download: Download, reports: Mapping[str, int]) -> tuple[int, int, int]:
    made = output_of(download.name)
    rank = made.rank if made else 0
    parts = Path(download.name).parts
    if len(parts) > 1:  # in a subfolder: unit by unit as written, each unit's in the writers' order
        folder = 3 if parts[0] == problem_list.FOLDER else 2
        return folder, reports[_report_of(download.name)], rank
    return (0, 0, rank) if made else (1, 0, 0)
