"""The web application: its pages in one list, the guards every request passes, and errors as
pages in Chinese (a failure is logged with a reference; no trace ever reaches the browser)."""

from __future__ import annotations

import logging
import secrets

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from generator import __version__
from generator.base import limits
from generator.web import security
from generator.web.jobs import Jobs
from generator.web.pages import audit, blank_forms, report, results
from generator.web.pages.common import SPLIT_UPLOADS, year_rule
from generator.web.settings import WebSettings

PAGES = (report.page, blank_forms.page, audit.page, results.page)
"""Every page, in the order the menu lists the first three."""
MENU = (("report.form", "生成报告"), ("blank_forms.form", "空白填报表"), ("audit.form", "核查报告"))
LOG = logging.getLogger("gen-report.web")
SPLIT = {report.page.name: report.UPLOAD.split, audit.page.name: audit.UPLOAD.split}
"""What to do with too big an upload, by the page whose form sent it."""

_MESSAGES = {
    400: "请求有误，请返回上一页重新填写后提交。",
    401: "需要访问密码。",
    403: "没有访问权限。",
    404: "找不到这个页面或文件：可能地址有误，或者文件已经删除（结果只保留 {hours} 小时，"
    "服务重新启动后也会清空）。",
    405: "请通过页面上的按钮提交。",
    413: "上传的文件太大：一次最多上传 {mb} MB。{split}。",
}


def create_app(settings: WebSettings) -> Flask:
    """The application for these settings; its jobs live under settings.work."""
    app = Flask(__name__)
    app.config.update(
        MAX_CONTENT_LENGTH=limits.MAX_UPLOAD_BYTES,
        MAX_FORM_PARTS=limits.MAX_UPLOAD_FILES + 20,
        MAX_FORM_MEMORY_SIZE=1024 * 1024,
    )
    app.extensions["gen-report.jobs"] = Jobs(settings.work)
    security.install(app, settings.password)
    for page in PAGES:
        app.register_blueprint(page)
    app.jinja_env.globals.update(
        menu=MENU,
        version=__version__,
        keep_hours=limits.WEB_RESULTS_SECONDS // 3600,
        year_rule=year_rule,
    )
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(security.FormExpired, _form_expired)
    app.register_error_handler(Exception, _failure)
    return app


def _error_page(status: int, message: str, reference: str | None = None) -> tuple[str, int]:
    return render_template(
        "error.html", status=status, message=message, reference=reference
    ), status


def _http_error(error: HTTPException) -> tuple[str, int]:
    status = error.code or 500
    message = _MESSAGES.get(status, "请求未能完成。").format(
        hours=limits.WEB_RESULTS_SECONDS // 3600,
        mb=limits.MAX_UPLOAD_BYTES // 2**20,
        split=SPLIT.get(request.blueprint or "", SPLIT_UPLOADS),
    )
    if status == 404 and request.blueprint == results.page.name:
        message += results.ONLY_ITS_BROWSER
    return _error_page(status, message)


def _form_expired(_error: security.FormExpired) -> tuple[str, int]:
    return _error_page(
        400, "页面已过期（服务可能已重新启动），或表单不是从本页面提交的。请重新打开页面后再提交。"
    )


def _failure(error: Exception) -> tuple[str, int]:
    reference = secrets.token_hex(4)
    LOG.error("内部错误 %s", reference, exc_info=error)
    return _error_page(
        500,
        "程序内部错误，上传的文件没有被改动。请把下面的编号告诉技术支持"
        "（详细信息已记录在启动服务的窗口中）。",
        reference,
    )
