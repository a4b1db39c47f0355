"""Check report documents written by anyone: the library behind gen-report --audit.

Each report is read (Word, web page, PDF, text), its year and format are taken from the document
(or given), its tables are found by their labels and checked by the format's rules, its running
text by the format's narrative rules; with last year's report, across years too. Each report
gets a 核查报告 (.txt and .xlsx); a folder of reports also gets a 核查汇总.xlsx.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.base.filenames import safe_filename
from generator.base.numbers import format_decimal
from generator.base.problems import Location, Problems
from generator.base.progress import Progress, Silent
from generator.check.narrative.claims import check_claims
from generator.check.narrative.figures import check_figures
from generator.check.narrative.repetition import check_repetition
from generator.check.narrative.structure import Outline, check_structure, outline
from generator.check.narrative.values import Figures, FigureSet
from generator.check.rules import LastYear, check_rule
from generator.check.tables import check_report_tables
from generator.check.units import comparable_rules
from generator.compute.figures import Figure
from generator.document.audit import AuditReport
from generator.document.tables import report_tables
from generator.formats.registry import FormatUnavailable, format_for_year
from generator.formats.spec import FormatSpec
from generator.pipeline.staging import Staging
from generator.read.documents.model import ReportText
from generator.read.documents.opening import REPORT_SUFFIXES, read_report
from generator.read.documents.tables import read_tables
from generator.read.unit import UnitData

AUDIT_FOLDER = Path("out") / "核查"
SUMMARY_NAME = "核查汇总.xlsx"


@dataclass(frozen=True)
class AuditOptions:
    """The reports (files or folders) to check, and how."""

    paths: tuple[Path, ...]
    out: Path = AUDIT_FOLDER
    year: int | None = None
    """The report year, when it should not be taken from the documents."""
    previous: Path | None = None
    """Last year's report, for the checks across years."""
    strict: bool = False
    progress: Progress = field(default_factory=Silent, compare=False)


@dataclass
class ReportAudit:
    """One report checked: what was read and what was found."""

    path: Path
    problems: Problems
    year: int | None = None
    spec: FormatSpec | None = None
    document: ReportText | None = None
    tables: UnitData | None = None
    outline: Outline | None = None

    def report(self) -> AuditReport:
        """The 核查报告's model."""
        title = self.outline.title if self.outline else ""
        tables = ()
        if self.spec is not None and self.tables is not None and self.spec.tables:
            tables = tuple(report_tables(self.spec, _read_figures(self.tables, self.spec)).values())
        return AuditReport(
            file=self.path.name,
            title=title,
            year=self.year,
            format_name=self.spec.name if self.spec else "",
            problems=tuple(self.problems.sorted()),
            tables=tables,
        )


@dataclass
class AuditResult:
    """Every report checked, the files written, and problems with the request itself."""

    reports: list[ReportAudit]
    written: list[Path] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)

    def blocking(self, strict: bool = False) -> bool:
        return self.problems.blocking(strict) or any(
            r.problems.blocking(strict) for r in self.reports
        )


def audit(options: AuditOptions) -> AuditResult:
    """Check every report named (a folder: every report document in it) and write the results."""
    result = AuditResult([])
    files = _report_files(options.paths, result.problems)
    previous = audit_report(options.previous, None) if options.previous else None
    if previous is not None and previous.document is None:
        result.problems.extend(previous.problems)
        previous = None
    options.progress.start("核查报告", len(files))
    for path in files:
        result.reports.append(audit_report(path, options.year, previous))
        options.progress.advance()
    options.progress.finish()
    if result.reports:
        result.written = _write(result, options)
    return result


def _report_files(paths: Sequence[Path], problems: Problems) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in REPORT_SUFFIXES
                and not p.name.startswith(("~$", "."))
            )
            if not found:
                problems.error(
                    "no-reports", f"文件夹 {path} 中没有报告文档（.docx、.html、.pdf、.txt）"
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.error("no-reports", f"找不到 {path}")
    return files


def audit_report(
    path: Path, year: int | None = None, previous: ReportAudit | None = None
) -> ReportAudit:
    """Read and check one report document; never raises for anything the file contains."""
    reading = read_report(path)
    result = ReportAudit(path, Problems(reading.problems), document=reading.document)
    document = reading.document
    if document is None:
        return result
    where = Location(path.name)
    stated = outline(document)
    result.outline = stated
    result.year = year or stated.year
    if result.year is None:
        result.problems.error(
            "no-year",
            "无法从文档中确定报告年度（找不到标题中的年度和统计期限）；请在命令中写明年度，如 gen-report 2024 --audit 文件",
            where,
        )
        return result
    try:
        spec = format_for_year(result.year)
    except FormatUnavailable as error:
        result.problems.error("no-format", str(error), where)
        return result
    result.spec = spec
    if spec.tables and document.tables_found:
        result.tables = read_tables(document, spec, result.problems)
        check_report_tables(result.tables, spec, result.problems)
    if spec.narrative is not None:
        result.outline = check_structure(document, spec.narrative, result.year, result.problems)
        figures = Figures(
            main=figure_set("表格", result.tables, spec),
            previous=figure_set("上年报告表格", previous.tables, previous.spec, previous.year)
            if previous is not None and previous.spec is not None
            else None,
        )
        check_figures(result.outline.passages, spec.narrative, figures, result.problems)
        check_claims(result.outline.passages, spec.narrative, figures, result.problems)
    if previous is not None:
        _check_across_years(result, previous)
    return result


def figure_set(
    label: str, unit: UnitData | None, spec: FormatSpec | None, year: int | None = None
) -> FigureSet:
    """The numbers of a report's tables, to compare its text with: a blank cell counts as 0 here
    (it is reported as blank on its own), a blank total as the sum of its parts."""
    if unit is None or spec is None:
        return FigureSet(label, {})
    numbers: dict[str, Decimal] = {}
    for item in spec.fields.values():
        if item.id in unit.values and item.id not in unit.unreadable:
            value = unit.value(item.id)
            numbers[item.id] = Decimal(value) if isinstance(value, int | Decimal) else Decimal(0)
    for item_id, parts in spec.parts.items():
        printed = unit.value(item_id)
        if item_id in numbers and printed is None and all(p in numbers for p in parts):
            numbers[item_id] = sum((numbers[p] for p in parts), Decimal(0))
    return FigureSet(label, numbers, {f.id: f.label for f in spec.fields.values()}, year)


def _check_across_years(result: ReportAudit, previous: ReportAudit) -> None:
    where = Location(result.path.name)
    if previous.year is not None and result.year is not None and previous.year != result.year - 1:
        result.problems.warning(
            "previous-not-last-year",
            f"--previous 给出的是 {previous.year} 年度的报告（{previous.path.name}），"
            f"不是上一年（{result.year - 1} 年度）的；未与上年核对",
            where,
        )
        return
    spec = result.spec
    if result.tables is not None and previous.tables is not None and spec and previous.spec:
        last = LastYear(previous.tables, previous.spec, previous.year or 0)
        for rule in comparable_rules(spec, previous.spec, last.year, result.problems):
            check_rule(result.tables, rule, spec, result.problems, last)
    if spec and spec.narrative and result.outline and previous.outline:
        check_repetition(
            result.outline.passages,
            previous.outline.passages,
            spec.narrative,
            where.file,
            result.problems,
        )


def _read_figures(unit: UnitData, spec: FormatSpec) -> dict[str, Figure]:
    """The tables as read, as figures a table can be drawn from (空白 where a cell was blank)."""
    figures = {}
    for item in spec.fields.values():
        cell = unit.values.get(item.id)
        if cell is None:
            figures[item.id] = Figure(item.id, None, "—")
        elif cell.value is None:
            figures[item.id] = Figure(item.id, None, "空白", (cell.location,))
        else:
            value = Decimal(cell.value)
            figures[item.id] = Figure(item.id, value, format_decimal(value), (cell.location,))
    return figures


def _write(result: AuditResult, options: AuditOptions) -> list[Path]:
    from generator.write import audit_report as writer
    from generator.write import audit_summary

    reports = [r.report() for r in result.reports]
    stems = [safe_filename(r.stem) for r in reports]
    used: set[str] = set()
    with Staging(options.out) as staging:
        for report, stem in zip(reports, stems, strict=True):
            name = stem
            if stems.count(stem) > 1:  # the same report as .docx and .pdf, say
                name = f"{stem}（{report.file.rsplit('.', 1)[-1].lower()}）"
            number = 1
            while name.lower() in used:
                number += 1
                name = f"{stem}_{number}"
            used.add(name.lower())
            staging.write_bytes(f"{name}核查报告.txt", writer.render_text(report))
            staging.write_bytes(f"{name}核查报告.xlsx", writer.render_xlsx(report))
        if len(reports) > 1 or any(p.is_dir() for p in options.paths):
            staging.write_bytes(SUMMARY_NAME, audit_summary.render(reports))
        return staging.commit()
