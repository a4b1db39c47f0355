"""The pipeline, as a library: read → validate → aggregate → derive → compose → write.

Nothing is written until every workbook has been read and checked; with any error (or, when
strict, any warning) nothing is written at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.derive import derive
from generator.document.compose import compose
from generator.document.model import Document
from generator.document.tables import report_tables
from generator.formats import FormatSpec, FormatUnavailable, format_for_year
from generator.outputs import OutputSet, safe_filename
from generator.problems import Problems
from generator.read.inputs import list_inputs
from generator.read.unit import UnitData, read_unit
from generator.validate import validate_units
from generator.writers.text import render_text


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


def check_inputs(year: int, inputs: Path) -> Checked:
    """Read and validate every workbook in the folder for this year's format."""
    spec = format_for_year(year)
    found = list_inputs(inputs)
    problems = Problems()
    problems.extend(found.problems)
    units = read_units(found.files, spec, problems)
    previous = previous_year_units(year, inputs, spec, problems)
    problems.extend(validate_units(units, spec, year, previous))
    return Checked(spec, year, units, problems)


def read_units(files: Sequence[Path], spec: FormatSpec, problems: Problems) -> list[UnitData]:
    """Every file that could be read as a workbook, its problems added to `problems`."""
    units: list[UnitData] = []
    for path in files:
        reading = read_unit(path, spec)
        problems.extend(reading.problems)
        if reading.unit is not None:
            units.append(reading.unit)
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
    return read_units(list_inputs(folder).files, spec, Problems())


def report_document(
    units: Sequence[UnitData], body: UnitData, spec: FormatSpec, year: int
) -> Document:
    """The report on these units, with `body` as the reporting unit."""
    data = derive(units, body, spec, year)
    return compose(
        spec.folder, spec.template, data.context, report_tables(spec, data.totals.figures)
    )


def build(year: int, inputs: Path, out: Path, *, strict: bool = False, pdf: bool = False) -> Built:
    """Check the inputs and, when nothing blocks, write the report into `out`."""
    checked = check_inputs(year, inputs)
    result = Built(checked)
    if checked.problems.blocking(strict):
        return result
    body = next(u for u in checked.units if u.level == checked.spec.body_level)
    document = report_document(checked.units, body, checked.spec, year)
    result.document = document
    with OutputSet(out) as outputs:
        result.pdf_error = write_report(outputs, "", document, checked.spec, pdf)
        write_summary(outputs, checked, document)
        result.written = outputs.commit()
    return result


def summary_name(document: Document) -> str:
    return f"{safe_filename(document.title)}汇总表.xlsx"


def write_summary(outputs: OutputSet, checked: Checked, document: Document) -> None:
    """The office's summary workbook: units side by side, the problems, the figures' sources."""
    from generator.writers.summary_xlsx import render_summary

    data = render_summary(checked.spec, checked.units, checked.problems.sorted(), document)
    outputs.write_bytes(summary_name(document), data)


def write_report(
    outputs: OutputSet, folder: str, document: Document, spec: FormatSpec, pdf: bool
) -> str | None:
    """Stage the text and Word files (and the PDF when asked); returns why a PDF failed."""
    from generator.writers.docx import render_docx

    stem = f"{folder}{safe_filename(document.title)}"
    text = render_text(document).replace("\n", "\r\n")
    outputs.write_bytes(f"{stem}.txt", text.encode("utf-8-sig"))
    outputs.write_bytes(f"{stem}.docx", render_docx(document, spec.reference_path))
    if not pdf:
        return None
    from generator.writers.pdf import PdfError, convert

    staged = outputs.path(f"{stem}.docx")
    try:
        convert(staged, staged.parent)
    except PdfError as error:
        outputs.drop(f"{stem}.pdf")
        return str(error)
    outputs.path(f"{stem}.pdf")
    return None
