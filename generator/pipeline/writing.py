"""The writing stage: every writer's file of every report, staged to be committed together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.base.filenames import safe_filename
from generator.base.problems import Problems, Severity
from generator.check.units import PreviousYear
from generator.document.report import report_document
from generator.formats.registry import format_at
from generator.pipeline.options import BuildOptions
from generator.pipeline.parallel import ordered_map
from generator.pipeline.staging import Staging
from generator.read.unit import UnitData
from generator.write import problem_list
from generator.write.publication import Publication
from generator.write.registry import (
    CONVERSIONS,
    WRITERS,
    Conversion,
    ConversionError,
    Writer,
    output_of,
    writer_for,
)

UNITS_FOLDER = "单位"
"""Where --each puts one report per unit, inside the output folder."""

Staged = dict[str, list[str]]
"""Writer key → the names of the files it staged."""


def stage_report(
    staging: Staging, publication: Publication, writers: Sequence[Writer], staged: Staged
) -> None:
    """Stage one file per writer, named after the report's title. An earlier file of the report
    that is not written again (a PDF or 图解 not asked for this time) is removed on commit: it
    would no longer match."""
    stem = safe_filename(publication.document.title)
    for suffix in (*(w.suffix for w in WRITERS), *(c.suffix for c in CONVERSIONS)):
        staging.drop(stem + suffix)
    for writer in writers:
        name = f"{stem}{writer.suffix}"
        staging.write_bytes(name, writer.render(publication))
        staged.setdefault(writer.key, []).append(name)


@dataclass(frozen=True)
class _UnitJob:
    """One unit's report to make in a worker process (formats travel as their folders)."""

    unit: UnitData
    folder: Path
    year: int
    writers: tuple[Writer, ...]
    charts: bool
    last_unit: UnitData | None = None
    last_folder: Path | None = None


def _unit_report(job: _UnitJob) -> tuple[str, list[bytes]]:
    """One unit's own report (its title, then each writer's bytes): a job for a worker process."""
    spec = format_at(job.folder)
    previous = None
    if job.last_unit is not None and job.last_folder is not None:
        previous = PreviousYear(format_at(job.last_folder), job.year - 1, (job.last_unit,))
    document = report_document(
        [job.unit], job.unit, spec, job.year, aggregate=False, previous=previous
    )
    publication = Publication(document, spec, charts=job.charts)
    return document.title, [writer.render(publication) for writer in job.writers]


def unique_name(stem: str, used: set[str]) -> str:
    """The stem, or stem_2, stem_3 …: the first not yet used (ignoring case, as Windows does)."""
    name, number = stem, 1
    while name.lower() in used:
        number += 1
        name = f"{stem}_{number}"
    used.add(name.lower())
    return name


def stage_unit_reports(
    staging: Staging,
    units: Sequence[UnitData],
    options: BuildOptions,
    staged: Staged,
    previous: PreviousYear | None = None,
) -> None:
    """One report per unit under 单位/, file names made safe and unique; each compared with
    last year's unit of the same name, when there is one. The earlier reports there that are not
    written again (a unit no longer sending a workbook, a kind of file not asked for this time)
    are removed on commit."""
    for earlier in sorted((options.out / UNITS_FOLDER).glob("*")):
        if earlier.is_file() and output_of(earlier.name) is not None:
            staging.drop(f"{UNITS_FOLDER}/{earlier.name}")
    for_each = tuple(w for w in options.active_writers if w.each)
    used: set[str] = set()
    progress = options.progress
    last_units = {u.name: u for u in previous.units} if previous else {}
    last_folder = previous.spec.folder if previous else None
    jobs = [
        _UnitJob(
            unit,
            options.spec.folder,
            options.year,
            for_each,
            options.charts,
            last_units.get(unit.name),
            last_folder,
        )
        for unit in units
    ]
    progress.start("生成各单位报告", len(jobs))
    for title, files in ordered_map(_unit_report, jobs):
        name = unique_name(safe_filename(title), used)
        for writer, data in zip(for_each, files, strict=True):
            path = f"{UNITS_FOLDER}/{name}{writer.suffix}"
            staging.write_bytes(path, data)
            staged.setdefault(writer.key, []).append(path)
        progress.advance()
    progress.finish()


def stage_conversion(staging: Staging, conversion: Conversion, staged: Staged) -> str | None:
    """Convert every staged file of the conversion's source; returns why it could not be done
    (files of that kind left by an earlier run are then removed on commit, as every earlier
    report file not written again is: they would no longer match the report)."""
    sources = staged.get(conversion.source, [])
    suffix = writer_for(conversion.source).suffix
    try:
        conversion.convert([staging.path(name) for name in sources])
    except ConversionError as error:
        return str(error)
    for name in sources:
        staging.path(name.removesuffix(suffix) + conversion.suffix)
    return None


def _old_problem_lists(out: Path) -> list[str]:
    folder = out / problem_list.FOLDER
    names = [problem_list.BOOK] if (out / problem_list.BOOK).exists() else []
    return names + [f"{problem_list.FOLDER}/{p.name}" for p in sorted(folder.glob("*.txt"))]


def _to_send_back(problems: Problems) -> bool:
    """Whether an error or warning concerns a unit (one with no workbook or file, such as a
    missing inputs folder, is for the office alone)."""
    return any(p.severity >= Severity.WARNING and (p.location or p.unit) for p in problems)


def problem_lists_due(problems: Problems, out: Path) -> bool:
    """Whether there are problem lists to write, or an earlier run's to remove."""
    return _to_send_back(problems) or (
        not problems.blocking(strict=True) and bool(_old_problem_lists(out))
    )


def stage_problem_lists(
    staging: Staging, problems: Problems, units: Sequence[UnitData], options: BuildOptions
) -> dict[str, str]:
    """问题清单.xlsx and one letter per unit with errors or warnings, replacing every earlier list;
    when nothing is wrong, the earlier lists are removed (they would no longer match). Returns
    unit → the name of its letter."""
    letters: dict[str, str] = {}
    if not problem_lists_due(problems, options.out):
        return letters
    old = _old_problem_lists(options.out)
    new: set[str] = set()
    if _to_send_back(problems):
        concern = [p for p in problems.sorted() if p.severity >= Severity.WARNING or p.location]
        listed = problem_list.rows(concern, {u.file: u.name for u in units}, options.spec)
        staging.write_bytes(problem_list.BOOK, problem_list.render_book(listed))
        new.add(problem_list.BOOK)
        used: set[str] = set()
        for unit, data in problem_list.letters(listed, options.year).items():
            name = f"{problem_list.FOLDER}/{unique_name(safe_filename(unit), used)}.txt"
            staging.write_bytes(name, data)
            new.add(name)
            letters[unit] = name
    for name in old:
        if name not in new:
            staging.drop(name)
    return letters
