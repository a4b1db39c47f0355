"""生成报告: the units' workbooks in, the problems by unit and every output file out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from flask import Blueprint, render_template, request
from werkzeug.wrappers import Response

from generator.base.problems import Problems
from generator.formats.registry import FormatUnavailable, format_for_year
from generator.pipeline.build import Built, build, check
from generator.pipeline.options import BuildOptions
from generator.pipeline.staging import OutputError
from generator.read.input_names import InputNames
from generator.read.roster import UnitListError
from generator.web.jobs import Job, current_jobs
from generator.web.pages.common import (
    FormProblem,
    UploadWords,
    default_year,
    formats_covered,
    parse_year,
    run_job,
    upload_limits,
)
from generator.web.showing import Group, Line, by_unit, downloads, lines, writer_label
from generator.web.uploads import save_uploads
from generator.write import problem_list
from generator.write.pdf import find_soffice

page = Blueprint("report", __name__)

OPTIONS = (
    ("check_only", "只检查，不生成报告"),
    ("each", "同时为每个单位生成本单位的报告"),
    ("pdf", "同时生成 PDF"),
    ("charts", "同时生成图解，并在 Word 文件末尾附图表"),
    ("strict", "严格模式：有警告也不生成报告"),
)
UNIT_LIST_NAME = "单位清单"
NAMES = InputNames(
    this_year="本年度上传的填报表中",
    last_year="上传的上年填报表中",
    no_last_year="没有上传上年的填报表",
    last_year_files="上年/",
    unit_list="单位清单中",
)
"""The page's fields, as the messages name them."""
UPLOAD = UploadWords(wait="文件较多或生成 PDF 时需要几十秒", split="请分批上传，或只上传填报表本身")


@dataclass(frozen=True)
class Asked:
    """What the form asked for."""

    year: int
    format_name: str
    files_read: int
    checked_only: bool


@dataclass(frozen=True)
class ReportView:
    """What the results page of a build shows."""

    template: ClassVar[str] = "report_result.html"
    form: ClassVar[str] = "report.form"
    asked: Asked
    summary: str
    blocked: bool = True
    groups: tuple[Group, ...] = ()
    title: str = ""
    """The report's title, when it was written."""
    failure: tuple[Line, ...] = ()
    """Why nothing could be done (a damaged .zip, a unit list that cannot be read, an unwritable
    output)."""
    pdf_error: str | None = None

    @property
    def heading(self) -> str:
        """The page's title: what was asked for, and whether a report came of it."""
        if self.asked.checked_only:
            return f"{self.asked.year} 年度检查结果"
        return f"{self.asked.year} 年度报告{'（未生成）' if self.blocked else ''}"

    @property
    def bundle_name(self) -> str:
        return f"{self.asked.year}年度报告文件.zip"


@page.get("/")
def form(problem: str | None = None, status: int = 200) -> tuple[str, int]:
    values = request.form if request.method == "POST" else {}
    return render_template(
        "report.html",
        problem=problem,
        year=values.get("year", default_year()),
        unit_list=values.get("units", ""),
        chosen={key for key, _ in OPTIONS if values.get(key)},
        options=OPTIONS,
        pdf_available=find_soffice() is not None,
        formats=formats_covered(),
        limits=upload_limits(),
        upload=UPLOAD,
    ), status


@page.post("/report")
def run() -> Response | tuple[str, int]:
    chosen = {key: bool(request.form.get(key)) for key, _ in OPTIONS}
    try:
        year = parse_year(request.form.get("year"))
        format_for_year(year)
        if not any(f.filename for f in request.files.getlist("workbooks")):
            raise FormProblem(
                "请选择各单位的填报表（可一次选择多个文件，也可以上传一个 .zip 压缩包）"
            )
    except (FormProblem, FormatUnavailable) as error:
        return form(str(error), 400)
    return run_job(lambda job: _build(job, year, chosen))


def _build(job: Job, year: int, chosen: dict[str, bool]) -> None:
    """Save the uploads, run the library's check or build, keep what the results page shows."""
    problems = Problems()
    inputs = job.folder / "inputs" / str(year)
    received = save_uploads(request.files.getlist("workbooks"), inputs, problems)
    save_uploads(request.files.getlist("previous"), job.folder / "inputs" / str(year - 1), problems)
    unit_list = None
    if text := request.form.get("units", "").strip():
        unit_list = job.folder / UNIT_LIST_NAME
        unit_list.write_text(text, encoding="utf-8")
    options = BuildOptions.for_year(
        year,
        inputs=inputs,
        out=job.folder / "out",
        strict=chosen["strict"],
        each=chosen["each"],
        pdf=chosen["pdf"],
        charts=chosen["charts"],
        unit_list=unit_list,
        names=NAMES,
    )
    asked = Asked(year, options.spec.name, len(received), chosen["check_only"])
    try:
        if not received and not problems.blocking():
            problems.error("no-workbooks", "上传的压缩包中没有文件（只有文件夹或系统文件）")
        if problems.blocking():  # a .zip that could not be unpacked: its units would be missing
            job.view = ReportView(asked, problems.tally(), failure=lines(problems, job))
            return
        with current_jobs().turns:
            built = check(options) if chosen["check_only"] else build(options)
    except (UnitListError, OutputError) as error:
        problems.error("not-done", str(error))
        job.view = ReportView(asked, "未能完成。", failure=lines(problems, job))
        return
    finally:
        job.remove_part("inputs")
        if unit_list is not None:
            unit_list.unlink(missing_ok=True)
    _keep(job, built, options, asked)


def _keep(job: Job, built: Built, options: BuildOptions, asked: Asked) -> None:
    labels = {problem_list.BOOK: "问题清单（全部问题，可筛选）"}
    for unit, name in built.letters.items():
        labels[name] = f"{unit}的问题清单"
    job.downloads = downloads(
        built.written, options.out, lambda name: labels.get(name) or writer_label(name)
    )
    number = {d.name: n for n, d in enumerate(job.downloads)}
    letters = {unit: number[name] for unit, name in built.letters.items()}
    checked = built.checked
    groups = by_unit(
        checked.problems.sorted(),
        {u.file: u.name for u in checked.units},
        options.spec,
        letters,
        job,
    )
    job.view = ReportView(
        asked,
        summary=checked.problems.tally(options.strict),
        blocked=checked.problems.blocking(options.strict),
        groups=tuple(groups),
        title=built.document.title if built.document else "",
        pdf_error=built.pdf_error,
    )
