"""Check report documents written by anyone: the library behind gen-report --audit.

Each report is read (Word, web page, PDF, text), its year and format are taken from the document
(or given), its tables are found by their labels and checked by the format's rules, its running
text by the format's narrative rules; with last year's reports, each report is also checked
against the one its agency (named in its title) published last year. Each report gets a 核查报告
(.txt and .xlsx); a folder of reports also gets a 核查汇总.xlsx.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from generator.base.filenames import safe_filename
from generator.base.numbers import format_decimal
from generator.base.problems import Location, Problem, Problems, Severity
from generator.base.progress import Progress, Silent
from generator.check.narrative.claims import check_claims
from generator.check.narrative.figures import check_figures
from generator.check.narrative.repetition import check_repetition
from generator.check.narrative.structure import Outline, check_structure, outline
from generator.check.narrative.values import Figures, FigureSet
from generator.check.rules import LastYearUnit, check_rule
from generator.check.tables import check_report_tables
from generator.check.units import comparable_rules
from generator.compute.figures import Figure
from generator.document.audit import AuditReport, ReadNumber
from generator.document.model import Table
from generator.document.tables import report_tables
from generator.formats.registry import FormatUnavailable, format_for_year
from generator.formats.spec import FormatSpec
from generator.pipeline.staging import Staging
from generator.read.documents.model import ReportText
from generator.read.documents.opening import REPORT_SUFFIXES, read_report
from generator.read.documents.tables import read_tables, table_title
from generator.read.inputs import SYSTEM_FILES
from generator.read.names import normalized
from generator.read.unit import UnitData

AUDIT_FOLDER = Path("out") / "核查"
SUMMARY_NAME = "核查汇总.xlsx"
YEAR_DIFFERS = "year-differs"
FINDINGS = "核查报告"
"""What the audit's own file for a report is called after it (…核查报告.txt, …核查报告.xlsx)."""
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")
"""Files a folder of reports may hold that are units' workbooks, not reports."""


@dataclass(frozen=True)
class AuditOptions:
    """The reports (files or folders) to check, and how."""

    paths: tuple[Path, ...]
    out: Path = AUDIT_FOLDER
    year: int | None = None
    """The report year, when it should not be taken from the documents."""
    previous: tuple[Path, ...] = ()
    """Last year's reports (files or folders): each report is checked against its agency's."""
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
    last_year: ReportAudit | None = None
    """The agency's report of the year before, when one was given: the checks across years."""

    @property
    def agency(self) -> str:
        """Who reports, as the title names them (沭阳县教育局), folded for comparing; or ""."""
        return normalized(self.outline.agency) if self.outline else ""

    def report(self, file: str = "") -> AuditReport:
        """The 核查报告's model; `file` is how it names the report (default: the file's name)."""
        title = self.outline.title if self.outline else ""
        tables: tuple[Table, ...] = ()
        numbers: tuple[ReadNumber, ...] = ()
        if self.spec is not None and self.tables is not None and self.spec.tables:
            figures = _read_figures(self.tables, self.spec)
            tables = tuple(report_tables(self.spec, figures).values())
            numbers = tuple(_read_numbers(self.spec, figures))
        return AuditReport(
            file=file or self.path.name,
            title=title,
            year=self.year,
            format_name=self.spec.name if self.spec else "",
            problems=tuple(self.problems.sorted()),
            tables=tables,
            numbers=numbers,
            last_year=self.last_year.path.name if self.last_year else "",
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


@dataclass
class LastYears:
    """Last year's reports given with --previous, and what kept any of them from use."""

    reports: list[ReportAudit]
    unusable: list[Problem]
    """Why a file could not be used (unreadable, no year, no agency): for the reports that find
    none of their own, since it may have been theirs (when every report found its own, the
    request's notices)."""
    handed_out: bool = False
    """Whether `unusable` went into some report's findings."""

    def of(self, report: ReportAudit) -> ReportAudit | None:
        """The report its agency published the year before; when there is none, says so in the
        report's findings (with what kept files from use) and gives None."""
        assert report.year is not None
        wanted = report.year - 1
        same_agency = [r for r in self.reports if report.agency and r.agency == report.agency]
        found = [r for r in same_agency if r.year == wanted]
        if found:
            return max(found, key=lambda r: r.tables is not None)  # the first with tables
        report.problems.extend(self.unusable)
        self.handed_out = self.handed_out or bool(self.unusable)
        where = Location(report.path.name)
        if not report.agency:
            report.problems.notice(
                "no-last-year",
                f"标题中没有写明机关名称，无法确定哪一份是本机关上一年（{wanted} 年度）的报告；"
                "未与上年核对",
                where,
            )
            return None
        others = "、".join(f"{r.year} 年度的 {r.path.name}" for r in same_agency)
        report.problems.notice(
            "no-last-year",
            f"所给的上年报告中没有“{report.outline.agency}”上一年（{wanted} 年度）的报告"
            + (f"（只有 {others}）" if others else "")
            + "；未与上年核对",
            where,
        )
        return None


def audit(options: AuditOptions) -> AuditResult:
    """Check every report named (a folder: every report document in it) and write the results."""
    result = AuditResult([])
    files = _report_files(options.paths, "--audit", result.problems)
    last_years = None
    if options.previous:
        year = options.year - 1 if options.year else None
        last_years = last_years_reports(options.previous, year, result.problems)
    options.progress.start("核查报告", len(files))
    for path in files:
        result.reports.append(audit_report(path, options.year, last_years))
        options.progress.advance()
    options.progress.finish()
    if last_years is not None and not last_years.handed_out:  # not needed: worth a word only
        result.problems.extend(replace(p, severity=Severity.NOTICE) for p in last_years.unusable)
    if result.reports:
        result.written = _write(result, options)
    return result


def last_years_reports(paths: Sequence[Path], year: int | None, problems: Problems) -> LastYears:
    """Last year's reports (files or folders), read; `year` when it is not to be taken from them.
    Problems with the request (a path not found, files skipped) go to `problems`."""
    found = LastYears([], [])
    for path in _report_files(paths, "--previous", problems):
        report = audit_report(path, year)
        differs = [p for p in report.problems if p.code == YEAR_DIFFERS]
        if report.spec is None:
            found.unusable += [_unusable(p) for p in report.problems]
        elif differs:  # another year's report: comparing with it would mislead
            found.unusable += [_unusable(p) for p in differs]
        elif not report.agency:
            found.unusable.append(
                _unusable(
                    Problem(
                        Severity.WARNING,
                        "no-agency",
                        "标题中没有写明机关名称，无法确定是哪个机关的报告",
                        Location(path.name),
                    )
                )
            )
        else:
            found.reports.append(report)
    return found


def _unusable(problem: Problem) -> Problem:
    """A problem of a last year's report, saying that the report was not used for it."""
    message = f"这份上年报告（--previous）未能使用：{problem.message}"
    return Problem(problem.severity, problem.code, message, problem.location)


def _report_files(paths: Sequence[Path], option: str, problems: Problems) -> list[Path]:
    """The report documents named (a folder: those in it); a notice for anything else in a
    folder, an error for a path not found."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = []
            for item in sorted(path.iterdir(), key=lambda p: p.name):
                skipped = _why_skipped(item, option)
                if skipped is None:
                    found.append(item)
                else:
                    problems.notice(*skipped, Location(str(item)))
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


def _ours(path: Path) -> bool:
    """Whether a file is one the audit writes (its 核查报告 or 核查汇总, from an earlier run)."""
    return path.stem.endswith(FINDINGS) or path.name == SUMMARY_NAME


def _hidden(path: Path) -> bool:
    return path.name.startswith(("~$", ".")) or path.name.lower() in SYSTEM_FILES


def _why_skipped(path: Path, option: str) -> tuple[str, str] | None:
    """Why something in a folder of reports is not read (its notice's code and message), or
    None for a report."""
    if path.name.startswith("~$"):
        return "lock-file", "这是 Word/WPS 打开文件时产生的临时文件，已跳过"
    if _hidden(path):
        return "system-file", "系统或隐藏文件，已跳过"
    if path.is_dir():
        return "subfolder", f"这是子文件夹，其中的文件没有读取；如需要，请把它也写在 {option} 后面"
    if path.is_file() and _ours(path):
        return "own-output", "这是本工具写出的核查结果，不是报告，已跳过"
    if path.is_file() and path.suffix.lower() in REPORT_SUFFIXES:
        return None
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return (
            "workbook-skipped",
            "看起来是填报工作簿，不是写好的报告，已跳过；检查工作簿请用 gen-report 年度 --check",
        )
    return "not-a-report", "不是报告文档（.docx、.html、.pdf、.txt），已跳过"


def audit_report(
    path: Path, year: int | None = None, last_years: LastYears | None = None
) -> ReportAudit:
    """Read and check one report document (against its agency's report of the year before, when
    last year's reports are given); never raises for anything the file contains."""
    reading = read_report(path)
    result = ReportAudit(path, Problems(reading.problems), document=reading.document)
    document = reading.document
    if document is None:
        return result
    where = Location(path.name)
    stated = outline(document)
    result.outline = stated
    result.year = year or stated.year
    if year is not None and stated.year is not None and stated.year != year:
        result.problems.warning(
            YEAR_DIFFERS,
            f"报告本身写的是 {stated.year} 年度（标题或统计期限），不是 {year} 年度；"
            f"按 {year} 年度核查，请核对报告年度",
            where,
        )
    if result.year is None:
        result.problems.error(
            "no-year",
            "无法从文档中确定报告年度（找不到标题中的年度和统计期限）；请写明报告年度"
            "（命令行如 gen-report 2024 --audit 文件；网页版填写“报告年度”）",
            where,
        )
        return result
    try:
        spec = format_for_year(result.year)
    except FormatUnavailable as error:
        result.problems.error("no-format", str(error), where)
        return result
    result.spec = spec
    result.last_year = last = last_years.of(result) if last_years is not None else None
    if spec.tables and document.tables_found:
        result.tables = read_tables(document, spec, result.problems)
        check_report_tables(result.tables, spec, result.problems)
    if spec.narrative is not None:
        result.outline = check_structure(document, spec.narrative, result.year, result.problems)
        figures = Figures(
            main=figure_set("表格", result.tables, spec),
            previous=figure_set("上年报告表格", last.tables, last.spec, last.year)
            if last
            else None,
        )
        check_figures(result.outline.passages, spec.narrative, figures, result.problems)
        check_claims(result.outline.passages, spec.narrative, figures, result.problems)
    if last is not None:
        _check_across_years(result, last)
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
    """The checks across years: carry-over against last year's tables, repetition of its text."""
    where = Location(result.path.name)
    spec = result.spec
    if result.tables is not None and previous.tables is not None and spec and previous.spec:
        assert previous.year is not None
        last = LastYearUnit(previous.tables, previous.spec, previous.year)
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


def _read_numbers(spec: FormatSpec, figures: dict[str, Figure]) -> Iterator[ReadNumber]:
    """Every table cell's figure, named by the table's title and its row's and column's labels."""
    for table in spec.tables.values():
        title = table_title(table, spec)
        for row in table.rows:
            label = row.labels[-1] if row.labels else ""
            for index, column in enumerate(table.columns):
                figure = figures[f"{table.id}.{row.key}.{column.key}"]
                yield ReadNumber(title, label, table.column_name(index), figure)


def _distinct_names(paths: list[Path]) -> list[tuple[str, str]]:
    """How each report is named in the findings, and what its findings files are called.

    A report is named by its file's name; where two reports share a stem, by as many of the
    folders it is in as tell them apart (教育局/报告.docx, 2024/教育局/报告.docx), its findings
    called after those folders and the stem (教育局-报告), or, beside a twin in the same
    folder, after its file type too (报告（pdf）); a number is the last resort.
    """
    stems = [safe_filename(p.stem).lower() for p in paths]
    named: list[tuple[str, str]] = []
    used: set[str] = set()
    for path, stem in zip(paths, stems, strict=True):
        twins = [p for p, s in zip(paths, stems, strict=True) if s == stem]
        folders = _telling_folders(path, twins)
        shown = "/".join((*folders, path.name))
        name = "-".join(safe_filename(part) for part in (*folders, path.stem))
        if sum(1 for p in twins if p.resolve().parent == path.resolve().parent) > 1:
            name = f"{name}（{path.suffix.lstrip('.').lower()}）"
        candidate, number = name, 1
        while candidate.lower() in used:
            number += 1
            candidate = f"{name}_{number}"
        used.add(candidate.lower())
        named.append((shown, candidate))
    return named


def _telling_folders(path: Path, twins: list[Path]) -> tuple[str, ...]:
    """The fewest last folders of `path` that no twin in another folder shares (none when all
    twins are in its folder)."""
    own = path.resolve().parent.parts[1:]  # without the root or drive
    others = [p.resolve().parent.parts[1:] for p in twins]
    others = [p for p in others if p != own]
    if not others:
        return ()
    for depth in range(1, len(own) + 1):
        if all(p[-depth:] != own[-depth:] for p in others):
            return own[-depth:]
    return own


def _write(result: AuditResult, options: AuditOptions) -> list[Path]:
    from generator.write import audit_report as writer
    from generator.write import audit_summary

    named = _distinct_names([r.path for r in result.reports])
    reports = [r.report(shown) for r, (shown, _) in zip(result.reports, named, strict=True)]
    with Staging(options.out) as staging:
        for report, (_, name) in zip(reports, named, strict=True):
            staging.write_bytes(f"{name}{FINDINGS}.txt", writer.render_text(report))
            staging.write_bytes(f"{name}{FINDINGS}.xlsx", writer.render_xlsx(report))
        if len(reports) > 1 or any(p.is_dir() for p in options.paths):
            staging.write_bytes(
                SUMMARY_NAME, audit_summary.render(reports, result.problems.sorted())
            )
        return staging.commit()
