"""核查报告: report documents in (and last year's), the audit's findings and 核查报告 files out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flask import Blueprint, render_template, request
from werkzeug.wrappers import Response

from generator.base.problems import Problems
from generator.document.audit import AuditReport
from generator.pipeline.audit import SUMMARY_NAME, AuditOptions, ReportAudit, audit
from generator.pipeline.staging import OutputError
from generator.read.documents.opening import REPORT_SUFFIXES
from generator.web.jobs import Job, current_jobs
from generator.web.pages.common import (
    FormProblem,
    UploadWords,
    formats_covered,
    parse_year,
    run_job,
    upload_limits,
)
from generator.web.showing import Line, downloads, lines
from generator.web.uploads import save_uploads

page = Blueprint("audit", __name__)

UPLOAD = UploadWords(wait="报告较多时需要几十秒", split="请分批上传报告")


@dataclass(frozen=True)
class ReportFindings:
    """One report document as the results page shows it."""

    file: str
    heading: str
    """Its title, year and format, as far as they were read."""
    last_year: str
    """The file of last year's report it was compared with, or ""."""
    summary: str
    lines: tuple[Line, ...]
    passed: bool


@dataclass(frozen=True)
class AuditView:
    """What the results page of an audit shows."""

    template: ClassVar[str] = "audit_result.html"
    form: ClassVar[str] = "audit.form"
    bundle_name: ClassVar[str] = "核查结果.zip"
    reports: tuple[ReportFindings, ...]
    request_lines: tuple[Line, ...]
    """Problems with the request itself (a damaged .zip, last year's report unreadable)."""
    passed: bool


@page.get("/audit")
def form(problem: str | None = None, status: int = 200) -> tuple[str, int]:
    values = request.form if request.method == "POST" else {}
    return render_template(
        "audit.html",
        problem=problem,
        year=values.get("year", ""),
        strict=bool(values.get("strict")),
        suffixes="、".join(REPORT_SUFFIXES[:6]),
        accept=",".join((*REPORT_SUFFIXES, ".zip")),
        formats=formats_covered(),
        limits=upload_limits(),
        upload=UPLOAD,
    ), status


@page.post("/audit")
def run() -> Response | tuple[str, int]:
    try:
        text = request.form.get("year", "").strip()
        year = parse_year(text) if text else None
        if not any(f.filename for f in request.files.getlist("reports")):
            raise FormProblem("请选择要核查的报告文件（Word、网页、PDF 或文本，可一次选择多个）")
    except FormProblem as error:
        return form(str(error), 400)
    strict = bool(request.form.get("strict"))
    return run_job(lambda job: _audit(job, year, strict))


def _audit(job: Job, year: int | None, strict: bool) -> None:
    problems = Problems()
    reports = save_uploads(request.files.getlist("reports"), job.folder / "reports", problems)
    previous = save_uploads(request.files.getlist("previous"), job.folder / "previous", problems)
    out = job.folder / "out"
    options = AuditOptions(
        paths=tuple(reports),
        out=out,
        year=year,
        previous=tuple(previous),
        strict=strict,
    )
    try:
        with current_jobs().turns:
            result = audit(options) if reports else None
    except OutputError as error:
        problems.error("not-done", str(error))
        result = None
    finally:
        job.remove_part("reports")
        job.remove_part("previous")
    if result is not None:
        problems.extend(result.problems)
        job.downloads = downloads(result.written, out, _label)
    findings = tuple(_findings(r, strict, job) for r in (result.reports if result else ()))
    job.view = AuditView(
        reports=findings,
        request_lines=lines(problems.sorted(), job),
        passed=not problems.blocking(strict) and all(f.passed for f in findings),
    )


def _findings(audited: ReportAudit, strict: bool, job: Job) -> ReportFindings:
    report = audited.report()
    return ReportFindings(
        file=audited.path.name,
        heading=_heading(report),
        last_year=report.last_year,
        summary=audited.problems.tally(strict),
        lines=lines(audited.problems.sorted(), job),
        passed=not audited.problems.blocking(strict),
    )


def _label(name: str) -> str:
    if name == SUMMARY_NAME:
        return "核查汇总（每份报告一行）"
    return "核查报告（Excel 表格）" if name.endswith(".xlsx") else "核查报告（文本）"


def _heading(report: AuditReport) -> str:
    what = f"{report.year} 年度，{report.format_name}" if report.format_name else ""
    title = report.title or "（未找到报告标题）"
    return f"{title}（{what}）" if what else title
