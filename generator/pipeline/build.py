"""The pipeline, as a library: read → check → aggregate and derive → compose → write.

Nothing is written until every workbook has been read and checked; with any error (or, when
strict, any warning) nothing is written at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.base.problems import Problems
from generator.base.progress import Progress, Silent
from generator.check.previous_year import screen_previous_year
from generator.check.roster import check_roster
from generator.check.unit import validate_unit
from generator.check.units import PreviousYear, validate_set
from generator.check.wrong_year import one_message_for_a_wrong_year
from generator.compute.aggregate import summarize
from generator.document.compose import compile_templates
from generator.document.model import Document
from generator.document.report import report_document
from generator.formats.registry import FormatUnavailable, format_at, format_for_year
from generator.formats.spec import FormatSpec
from generator.pipeline.narrative import check_typed_text
from generator.pipeline.options import BuildOptions
from generator.pipeline.parallel import ordered_map
from generator.pipeline.staging import OutputError, Staging
from generator.pipeline.writing import (
    Staged,
    problem_lists_due,
    stage_conversion,
    stage_problem_lists,
    stage_report,
    stage_unit_reports,
)
from generator.read.inputs import list_inputs
from generator.read.roster import read_unit_list
from generator.read.unit import UnitData, UnitReading, read_unit
from generator.write.publication import Publication
from generator.write.registry import WriterError, conversion_for


@dataclass
class Checked:
    """The outcome of reading and validating an inputs folder."""

    options: BuildOptions
    units: list[UnitData]
    problems: Problems
    previous: PreviousYear | None = None
    """Last year's units (the same reporting body's): the checks across years, 同比, 上年总计."""


@dataclass
class Built:
    """The outcome of a build: the check, the report document and the files written."""

    checked: Checked
    document: Document | None = None
    written: list[Path] = field(default_factory=list)
    pdf_error: str | None = None
    """Why the PDF asked for could not be made (the other outputs are written regardless)."""
    letters: dict[str, str] = field(default_factory=dict)
    """Unit → its problem list to send back, by its name in the output folder (问题清单/<单位>.txt)."""

    @property
    def problems(self) -> Problems:
        return self.checked.problems


def check_inputs(options: BuildOptions) -> Checked:
    """Read and validate every workbook in the inputs folder for the year's format.

    With `each`, every unit must also hold what its own report needs (contacts, narrative); with
    a unit list, the units that sent nothing and the workbooks of units not on it are reported.
    The text typed into 文字材料 is checked against the figures. Raises UnitListError when the
    unit list cannot be read.
    """
    listed = read_unit_list(options.unit_list) if options.unit_list is not None else None
    found = list_inputs(options.inputs)
    problems = Problems()
    problems.extend(found.problems)
    units = read_units(
        found.files,
        options.spec,
        options.year,
        problems,
        options.progress,
        validate=True,
        each=options.each,
    )
    one_message_for_a_wrong_year(
        problems, units, len(found.files), options.year, options.input_names
    )
    if listed is not None and options.unit_list is not None:
        problems.extend(
            check_roster(listed, units, found.files, options.unit_list.name, options.input_names)
        )
    previous = previous_year(options, units, problems)
    problems.extend(validate_set(units, options.spec, previous))
    check_typed_text(units, options.spec, previous, options.each, problems)
    return Checked(options, units, problems, previous)


def _read_job(job: tuple[Path, Path, int, bool, bool]) -> UnitReading:
    """Read one workbook and (when asked) check it on its own: a job for a worker process."""
    path, folder, year, validate, each = job
    spec = format_at(folder)
    reading = read_unit(path, spec)
    if validate and reading.unit is not None:
        problems = Problems(reading.problems)
        validate_unit(reading.unit, spec, year, problems, each)
        reading.problems = problems.items
    return reading


def read_units(
    files: Sequence[Path],
    spec: FormatSpec,
    year: int,
    problems: Problems,
    progress: Progress,
    *,
    validate: bool = False,
    each: bool = False,
) -> list[UnitData]:
    """Every file that could be read as a workbook (checked on its own when `validate`); their
    problems are added to `problems`."""
    units: list[UnitData] = []
    progress.start("读取工作簿", len(files))
    jobs = [(path, spec.folder, year, validate, each) for path in files]
    for reading in ordered_map(_read_job, jobs):
        problems.extend(reading.problems)
        if reading.unit is not None:
            units.append(reading.unit)
        progress.advance()
    progress.finish()
    return units


def previous_year(
    options: BuildOptions, units: Sequence[UnitData], problems: Problems
) -> PreviousYear | None:
    """Last year's units, from the sibling folder named for last year (inputs/2024 beside
    inputs/2025), read with last year's format.

    Only read when the format has rules across years or headline figures to compare (同比);
    their own problems were last year's business and are not reported again. A workbook there
    that is not last year's, and a unit in one folder but not the other, are reported (naming the
    files) and not compared.
    """
    spec, year = options.spec, options.year
    if not (spec.cross_year_checks or spec.headlines):
        return None
    folder = options.inputs.parent / str(year - 1)
    names = options.input_names
    if options.inputs.name != str(year) or not folder.is_dir():
        problems.notice(
            "no-previous-year",
            f"没有上年（{year - 1} 年度）的工作簿（{names.no_last_year}），{_not_compared(spec)}",
        )
        return None
    try:
        last_spec = format_for_year(year - 1)
    except FormatUnavailable:
        problems.notice(
            "previous-year-format",
            f"{year - 1} 年度使用另一种报告格式，{_not_compared(spec)}",
        )
        return None
    files = list_inputs(folder).files
    last_units = read_units(files, last_spec, year - 1, Problems(), Silent())
    body = next((u.name for u in units if u.level == spec.body_level), None)
    if body is not None and not any(u.name == body for u in last_units):
        problems.notice(
            "previous-other-body",
            f"{names.last_year}没有本年的报告单位“{body}”的工作簿，不是同一报告单位的上年数据；"
            f"{_not_compared(spec)}",
        )
        return None
    kept, found = screen_previous_year(units, last_units, year, names, spec.cross_year_checks)
    problems.extend(found)
    return PreviousYear(last_spec, year - 1, tuple(kept))


def _not_compared(spec: FormatSpec) -> str:
    """What is left undone without last year: the checks across years, the 同比 figures."""
    undone = [f"未与上年数据核对（{spec.cross_year_checks}）"] if spec.cross_year_checks else []
    if spec.headlines:
        undone.append("报告中不写同比")
    return "，".join(undone)


def check(options: BuildOptions) -> Built:
    """Check the inputs (--check): nothing but the problem lists is written (or, when nothing is
    wrong, an earlier run's lists removed). The format's templates are compiled first: a broken
    one is a TemplateProblem, as in a build."""
    compile_templates(options.spec.folder)
    result = Built(check_inputs(options))
    if problem_lists_due(result.problems, options.out):
        with Staging(options.out) as staging:
            result.letters = stage_problem_lists(
                staging, result.problems, result.checked.units, options
            )
            result.written = staging.commit()
    return result


def build(options: BuildOptions) -> Built:
    """Check the inputs and, when nothing blocks, write the report into the output folder.

    With `each`, also one report per unit in 单位/. The problem lists are written whenever
    anything is wrong, blocked or not; the report files of an earlier build stay as they were
    when this one is blocked.
    """
    checked = check_inputs(options)
    result = Built(checked)
    publication = None
    if not checked.problems.blocking(options.strict):
        spec = options.spec
        body = next(u for u in checked.units if u.level == spec.body_level)
        previous = checked.previous
        result.document = report_document(
            checked.units, body, spec, options.year, aggregate=True, previous=previous
        )
        publication = Publication(
            result.document,
            spec,
            summarize(checked.units, spec, previous),
            tuple(checked.problems.sorted()),
            charts=options.charts,
        )
    if publication is None and not problem_lists_due(checked.problems, options.out):
        return result  # nothing to write: the output folder is not even created
    staged: Staged = {}
    with Staging(options.out) as staging:
        result.letters = stage_problem_lists(staging, checked.problems, checked.units, options)
        if publication is not None:
            try:
                stage_report(staging, publication, options.active_writers, staged)
                if options.each:
                    stage_unit_reports(staging, checked.units, options, staged, checked.previous)
            except WriterError as error:
                raise OutputError(str(error)) from None
            if options.pdf:
                result.pdf_error = stage_conversion(staging, conversion_for("pdf"), staged)
        result.written = staging.commit()
    return result
