"""The writing stage: stage every output of a build in an OutputSet (committed all together)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.document.model import Document
from generator.document.report import report_document
from generator.formats import FormatSpec, format_for_year
from generator.outputs import OutputSet, safe_filename
from generator.parallel import ordered_map
from generator.progress import Progress
from generator.read.unit import UnitData
from generator.writers.text import render_text

if TYPE_CHECKING:
    from generator.build import Checked

UNITS_FOLDER = "单位"
"""Where --each puts one report per unit, inside the output folder."""


def report_files(document: Document, spec: FormatSpec) -> tuple[bytes, bytes]:
    """(text, Word) of a report: UTF-8 text with a byte-order mark and CRLF, as Windows expects."""
    from generator.writers.docx import render_docx

    text = render_text(document).replace("\n", "\r\n").encode("utf-8-sig")
    return text, render_docx(document, spec.reference_path)


def stage_report(
    outputs: OutputSet, folder: str, document: Document, spec: FormatSpec
) -> list[str]:
    """Stage a report's text and Word files; returns the Word file's name."""
    stem = f"{folder}{safe_filename(document.title)}"
    text, word = report_files(document, spec)
    outputs.write_bytes(f"{stem}.txt", text)
    outputs.write_bytes(f"{stem}.docx", word)
    return [f"{stem}.docx"]


def _unit_report(job: tuple[UnitData, int]) -> tuple[str, bytes, bytes]:
    """One unit's own report (title, text, Word): a job for a worker process."""
    unit, year = job
    spec = format_for_year(year)
    document = report_document([unit], unit, spec, year)
    return (document.title, *report_files(document, spec))


def stage_unit_reports(outputs: OutputSet, checked: Checked, progress: Progress) -> list[str]:
    """One report per unit under 单位/, file names made safe and unique; returns the Word files."""
    staged: list[str] = []
    used: set[str] = set()
    jobs = [(unit, checked.year) for unit in checked.units]
    progress.start("生成各单位报告", len(jobs))
    for title, text, word in ordered_map(_unit_report, jobs):
        stem = safe_filename(title)
        name, number = stem, 1
        while name.lower() in used:
            number += 1
            name = f"{stem}_{number}"
        used.add(name.lower())
        outputs.write_bytes(f"{UNITS_FOLDER}/{name}.txt", text)
        outputs.write_bytes(f"{UNITS_FOLDER}/{name}.docx", word)
        staged.append(f"{UNITS_FOLDER}/{name}.docx")
        progress.advance()
    progress.finish()
    return staged


def stage_pdfs(outputs: OutputSet, word_files: list[str]) -> str | None:
    """PDFs of staged Word files through LibreOffice; returns why they could not be made."""
    from generator.writers.pdf import PdfError, convert

    staged = [outputs.path(name) for name in word_files]
    try:
        convert(staged)
    except PdfError as error:
        for name in word_files:
            outputs.drop(name.removesuffix(".docx") + ".pdf")
        return str(error)
    for name in word_files:
        outputs.path(name.removesuffix(".docx") + ".pdf")
    return None


def summary_name(document: Document) -> str:
    return f"{safe_filename(document.title)}汇总表.xlsx"


def stage_summary(outputs: OutputSet, checked: Checked, document: Document) -> None:
    """The office's summary workbook: units side by side, the problems, the figures' sources."""
    from generator.writers.summary_xlsx import render_summary

    data = render_summary(checked.spec, checked.units, checked.problems.sorted(), document)
    outputs.write_bytes(summary_name(document), data)
