"""A job's results: its page, each file to download, all of them as one .zip, and removal.

Only the visitor who made a job sees it; to anyone else it does not exist. Files are found by
their number in the job's list: nothing in the address is ever used as a path.
"""

from __future__ import annotations

import os
import tempfile
import zipfile

from flask import Blueprint, abort, make_response, redirect, render_template, send_file, url_for
from werkzeug.wrappers import Response

from generator.web.jobs import Job, current_jobs
from generator.web.security import visitor

page = Blueprint("results", __name__)

ONLY_ITS_BROWSER = "结果只能在提交的那个浏览器中查看和下载；请把下载的文件转给同事。"
"""Why a job's address may show nothing: said whether or not the job exists."""
BUNDLE = "all.zip"
"""Where the job's folder keeps the .zip of all its files, once asked for."""


def _job(job_id: str) -> Job:
    job = current_jobs().find(visitor(), job_id)
    if job is None or job.view is None:
        abort(404)
    return job


ADDRESS_HEADER = "X-Page-Address"
"""Where the results are, for the page's script on browsers that cannot tell where an upload's
redirect led (IE 11 has no responseURL)."""


@page.get("/jobs/<job_id>")
def show(job_id: str) -> Response:
    job = _job(job_id)
    answer = make_response(render_template(job.view.template, job=job, view=job.view))
    answer.headers[ADDRESS_HEADER] = url_for("results.show", job_id=job.id)
    return answer


@page.get("/jobs/<job_id>/files/<int:number>")
def download(job_id: str, number: int) -> Response:
    item = _job(job_id).download(number)
    if item is None or not item.path.is_file():
        abort(404)
    return send_file(item.path, as_attachment=True, download_name=item.path.name)


@page.get("/jobs/<job_id>/all.zip")
def bundle(job_id: str) -> Response:
    """Every file of the job in one .zip, in the folders they were written to."""
    job = _job(job_id)
    if not job.downloads:
        abort(404)
    target = job.folder / BUNDLE
    if not target.exists():
        handle, temporary = tempfile.mkstemp(dir=job.folder, suffix=".zip")
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            for item in job.downloads:
                archive.write(item.path, item.name, zipfile.ZIP_DEFLATED)
        os.replace(temporary, target)  # complete, or not there at all
    return send_file(target, as_attachment=True, download_name=job.view.bundle_name)


@page.post("/jobs/<job_id>/remove")
def remove(job_id: str) -> Response:
    """Remove the job's files now rather than when they expire."""
    job = _job(job_id)
    current_jobs().remove(job)
    return redirect(url_for(job.view.form), code=303)
