"""What the pages share: the year field, the upload field's limits, running a form's job."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from flask import redirect, url_for
from werkzeug.wrappers import Response

from generator.base import limits
from generator.formats.registry import all_formats
from generator.web.jobs import Job, current_jobs
from generator.web.security import visitor


@dataclass(frozen=True)
class UploadWords:
    """How a page's upload form speaks of the wait and of too much at once."""

    wait: str
    """When the work takes long, shown while it runs."""
    split: str
    """What to do with files over the size limit (the page's script and the server say it)."""


SPLIT_UPLOADS = "请分批上传"
"""The advice for too big an upload whose page is not known."""


class FormProblem(ValueError):
    """Something in a form must be corrected before anything runs; the message says what."""


def default_year() -> int:
    """The year whose report is being written now: last year."""
    return dt.date.today().year - 1


YEARS_IN_NAME = re.compile(r"（[^（）]*年度[^（）]*）$")
"""A format name's own note of its years (叙述式年度报告（2018年度及以前）), which the hint gives."""


def formats_covered() -> str:
    """The years each format covers, as the year field's hint: 2008—2018 年度：叙述式年度报告."""
    return "；".join(f"{s.years}：{YEARS_IN_NAME.sub('', s.name)}" for s in all_formats())


def year_rule() -> str:
    """What the year field takes, as its error message and the browser's own check say it."""
    return f"四位数字，如 {default_year()}"


def parse_year(text: str | None) -> int:
    """The year typed in the form: four digits."""
    value = (text or "").strip()
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise FormProblem(f"年度应为{year_rule()}")
    return int(value)


def upload_limits() -> dict[str, int]:
    """The bounds the upload fields state (and the page's script checks before sending)."""
    return {
        "max_bytes": limits.MAX_UPLOAD_BYTES,
        "max_mb": limits.MAX_UPLOAD_BYTES // 2**20,
        "max_files": limits.MAX_UPLOAD_FILES,
    }


def run_job(work: Callable[[Job], None]) -> Response:
    """Do a form's work in a new job of the visitor's (removed again if the work fails), then
    go to its results page (so reloading that page does not send the files again)."""
    jobs = current_jobs()
    job = jobs.create(visitor())
    try:
        work(job)
    except BaseException:
        jobs.remove(job)
        raise
    return redirect(url_for("results.show", job_id=job.id), code=303)
