"""The writing stage: every writer's file of every report, staged to be committed together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.base.filenames import safe_filename
from generator.check.units import PreviousYear
from generator.document.report import report_document
from generator.formats.registry import format_at
from generator.pipeline.options import BuildOptions
from generator.pipeline.parallel import ordered_map
from generator.pipeline.staging import Staging
from generator.read.unit import UnitData
from generator.write.publication import Publication
from generator.write.registry import Conversion, ConversionError, Writer, writer_for

UNITS_FOLDER = "单位"
"""Where --each puts one report per unit, inside the output folder."""

Staged = dict[str, list[str]]
"""Writer key → the names of the files it staged."""


def stage_report(
    staging: Staging, publication: Publication, writers: Sequence[Writer], staged: Staged
) -> None:
    """Stage one file per writer, named after the report's title."""
    stem = safe_filename(publication.document.title)
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


def stage_unit_reports(
    staging: Staging,
    units: Sequence[UnitData],
    options: BuildOptions,
    staged: Staged,
    previous: PreviousYear | None = None,
) -> None:
    """One report per unit under 单位/, file names made safe and unique; each compared with
    last year's unit of the same name, when there is one."""
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
        stem = safe_filename(title)
        name, number = stem, 1
        while name.lower() in used:
            number += 1
            name = f"{stem}_{number}"
        used.add(name.lower())
        for writer, data in zip(for_each, files, strict=True):
            path = f"{UNITS_FOLDER}/{name}{writer.suffix}"
            staging.write_bytes(path, data)
            staged.setdefault(writer.key, []).append(path)
        progress.advance()
    progress.finish()


def stage_conversion(staging: Staging, conversion: Conversion, staged: Staged) -> str | None:
    """Convert every staged file of the conversion's source; returns why it could not be done.

    When it fails, files of that kind left by an earlier run are removed on commit: they would
    no longer match the report.
    """
    sources = staged.get(conversion.source, [])
    suffix = writer_for(conversion.source).suffix
    stems = [name.removesuffix(suffix) for name in sources]
    try:
        conversion.convert([staging.path(name) for name in sources])
    except ConversionError as error:
        for stem in stems:
            staging.drop(stem + conversion.suffix)
        return str(error)
    for stem in stems:
        staging.path(stem + conversion.suffix)
    return None
