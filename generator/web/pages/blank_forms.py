"""空白填报表: a list of units and levels in, one .zip of their fill-in workbooks out."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import quote

from flask import Blueprint, render_template, request
from werkzeug.wrappers import Response

from generator.base import limits
from generator.fillin.init import init_forms
from generator.formats.registry import FormatUnavailable, all_formats
from generator.read.roster import UnitListError, parse_unit_list
from generator.web.jobs import current_jobs
from generator.web.pages.common import FormProblem, default_year, parse_year
from generator.web.security import visitor

page = Blueprint("blank_forms", __name__)

NOTICE_FIELDS = ("deadline", "contact")
"""The office's own lines for the instructions sheet, as --deadline and --contact give them."""


@page.get("/forms")
def form(problem: str | None = None, status: int = 200) -> tuple[str, int]:
    values = request.form if request.method == "POST" else {}
    return render_template(
        "blank_forms.html",
        problem=problem,
        year=values.get("year", default_year()),
        unit_list=values.get("units", ""),
        notice={key: values.get(key, "") for key in NOTICE_FIELDS},
        levels=_levels(),
    ), status


def _levels() -> list[tuple[str, str]]:
    """Each set of unit levels once, with the years of every format that has it."""
    years: dict[tuple[str, ...], list[str]] = {}
    for spec in all_formats():
        years.setdefault(spec.levels, []).append(spec.years)
    return [("、".join(covered), "、".join(levels)) for levels, covered in years.items()]


@page.post("/forms")
def make() -> Response | tuple[str, int]:
    try:
        year = parse_year(request.form.get("year"))
        units = parse_unit_list(request.form.get("units", ""), "单位清单")
        if len(units) > limits.MAX_BLANK_FORMS:
            raise FormProblem(f"一次最多生成 {limits.MAX_BLANK_FORMS} 个单位的填报表，请分批生成")
        notice = {k: v for k in NOTICE_FIELDS if (v := request.form.get(k, "").strip())}
        jobs = current_jobs()
        job = jobs.create(visitor())
        try:
            written = init_forms(
                year, job.folder / "forms", [(u.name, u.level) for u in units], notice
            )
            bundle = _zip(written.written)
        finally:
            jobs.remove(job)  # nothing is kept: the workbooks go back in the answer
    except (FormProblem, FormatUnavailable, UnitListError) as error:
        return form(str(error), 400)
    name = f"{year}年度填报表.zip"
    return Response(
        bundle,
        mimetype="application/zip",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"},
    )


def _zip(paths: list) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in paths:
            archive.write(path, path.name)
    return buffer.getvalue()
