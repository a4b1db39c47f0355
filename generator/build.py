"""The pipeline, as a library: read → validate → aggregate → derive → compose → write.

Nothing is written until every workbook has been read and checked; with any error (or, when
strict, any warning) nothing is written at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.document.model import Document
from generator.document.report import report_document
from generator.formats import FormatSpec, FormatUnavailable, format_for_year
from generator.outputs import OutputSet
from generator.parallel import ordered_map
from generator.problems import Problems
from generator.progress import Progress, Silent
from generator.read.inputs import list_inputs
from generator.read.unit import UnitData, UnitReading, read_unit
from generator.validate import validate_set, validate_unit
from generator.write import stage_pdfs, stage_report, stage_summary, stage_unit_reports


@dataclass
class Checked:
    """The outcome of reading and validating an inputs folder."""

    spec: FormatSpec
    year: int
    units: list[UnitData]
    problems: Problems


@dataclass
class Built:
    """The outcome of a build: the check, the report document and the files written."""

    checked: Checked
    document: Document | None = None
    written: list[Path] = field(default_factory=list)
    pdf_error: str | None = None
    """Why the PDF asked for could not be made (the other outputs are written regardless)."""

    @property
    def problems(self) -> Problems:
        return self.checked.problems


def check_inputs(
    year: int, inputs: Path, *, each: bool = False, progress: Progress | None = None
) -> Checked:
    """Read and validate every workbook in the folder for this year's format.

    With `each`, every unit must also hold what its own report needs (contacts, narrative).
    """
    spec = format_for_year(year)
    found = list_inputs(inputs)
    problems = Problems()
    problems.extend(found.problems)
    units = read_units(found.files, year, problems, progress or Silent(), validate=True, each=each)
    previous = previous_year_units(year, inputs, spec, problems)
    problems.extend(validate_set(units, spec, year, previous))
    return Checked(spec, year, units, problems)


def _read_job(job: tuple[Path, int, bool, bool]) -> UnitReading:
    """Read one workbook and (when asked) check it on its own: a job for a worker process."""
    path, year, validate, each = job
    spec = format_for_year(year)
    reading = read_unit(path, spec)
    if validate and reading.unit is not None:
        problems = Problems(reading.problems)
        validate_unit(reading.unit, spec, year, problems, each)
        reading.problems = problems.items
    return reading


def read_units(
    files: Sequence[Path],
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
    for reading in ordered_map(_read_job, [(path, year, validate, each) for path in files]):
        problems.extend(reading.problems)
        if reading.unit is not None:
            units.append(reading.unit)
        progress.advance()
    progress.finish()
    return units


def previous_year_units(
    year: int, inputs: Path, spec: FormatSpec, problems: Problems
) -> list[UnitData]:
    """Last year's units, from the sibling folder named for last year (inputs/2024 beside inputs/2025).

    Only read when the format has rules across years and last year used the same format; their
    own problems were last year's business and are not reported again.
    """
    if not any(rule.across_years for rule in spec.rules):
        return []
    folder = inputs.parent / str(year - 1)
    if inputs.name != str(year) or not folder.is_dir():
        problems.notice(
            "no-previous-year",
            f"没有找到上年（{year - 1} 年度）的输入文件夹 {folder}，未与上年数据核对"
            "（上年结转、现行有效件数）",
        )
        return []
    try:
        same_format = format_for_year(year - 1).key == spec.key
    except FormatUnavailable:
        same_format = False
    if not same_format:
        problems.notice(
            "previous-year-format", f"{year - 1} 年度使用另一种报告格式，未与上年数据核对"
        )
        return []
    return read_units(list_inputs(folder).files, year - 1, Problems(), Silent())


def build(
    year: int,
    inputs: Path,
    out: Path,
    *,
    strict: bool = False,
    pdf: bool = False,
    each: bool = False,
    progress: Progress | None = None,
) -> Built:
    """Check the inputs and, when nothing blocks, write the report into `out`.

    With `each`, also one report per unit in `out/单位/`.
    """
    progress = progress or Silent()
    checked = check_inputs(year, inputs, each=each, progress=progress)
    result = Built(checked)
    if checked.problems.blocking(strict):
        return result
    body = next(u for u in checked.units if u.level == checked.spec.body_level)
    document = report_document(checked.units, body, checked.spec, year)
    result.document = document
    with OutputSet(out) as outputs:
        staged = stage_report(outputs, "", document, checked.spec)
        if each:
            staged += stage_unit_reports(outputs, checked, progress)
        if pdf:
            result.pdf_error = stage_pdfs(outputs, staged)
        stage_summary(outputs, checked, document)
        result.written = outputs.commit()
    return result
