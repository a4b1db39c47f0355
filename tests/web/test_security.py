"""What every request passes: the password, the form's token, the headers, and failures shown
as a Chinese message with a reference (the details go to the log, never to the browser)."""

from __future__ import annotations

import base64
import io
import logging
import re
from pathlib import Path

import pytest
from flask import Flask

from generator.base import limits
from generator.web.app import create_app
from generator.web.security import HEADERS
from generator.web.settings import WebSettings
from tests.web.conftest import Visitor, shipped, text_of


def test_every_answer_carries_the_security_headers(visitor: Visitor) -> None:
    cookie = visitor.client.get("/").headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    for address in ("/", "/forms", "/audit", "/static/style.css", "/nowhere"):
        answer = visitor.client.get(address)
        for name, value in HEADERS.items():
            if name == "Cache-Control" and address.startswith("/static/"):
                assert answer.headers[name] == "no-cache"  # the style sheet: checked each time
                continue
            assert answer.headers[name] == value, (address, name)


@pytest.mark.parametrize("token", [None, "", "forged", "伪造"])
def test_a_form_without_this_browser_s_token_is_refused(
    visitor: Visitor, token: str | None
) -> None:
    visitor.client.get("/")
    data = {"year": "2018", "workbooks": [(io.BytesIO(shipped()[0][0]), "a.xlsx")]}
    if token is not None:
        data["csrf"] = token
    answer = visitor.client.post("/report", data=data, content_type="multipart/form-data")
    assert answer.status_code == 400
    assert "页面已过期" in text_of(answer)


def test_a_token_from_another_browser_is_refused(visitor: Visitor, another: Visitor) -> None:
    stolen = visitor.token("/forms")
    another.client.get("/forms")
    answer = another.client.post("/forms", data={"csrf": stolen, "year": "2018", "units": ""})
    assert answer.status_code == 400


def test_a_password_is_asked_when_set(tmp_path: Path) -> None:
    client = create_app(WebSettings(tmp_path, password="k3y-口令")).test_client()
    answer = client.get("/")
    assert answer.status_code == 401
    assert "Basic" in answer.headers["WWW-Authenticate"]
    assert "需要访问密码" in answer.text
    wrong = base64.b64encode("任意:wrong".encode()).decode()
    assert client.get("/", headers={"Authorization": f"Basic {wrong}"}).status_code == 401
    right = base64.b64encode("任意:k3y-口令".encode()).decode()
    assert client.get("/", headers={"Authorization": f"Basic {right}"}).status_code == 200


def test_too_big_an_upload_is_refused_in_chinese(visitor: Visitor) -> None:
    token = visitor.token()
    body = io.BytesIO(b"\0" * (limits.MAX_UPLOAD_BYTES + 1))
    answer = visitor.client.post(
        "/report",
        data={"csrf": token, "year": "2018", "workbooks": [(body, "大文件.xlsx")]},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 413
    assert f"一次最多上传 {limits.MAX_UPLOAD_BYTES // 2**20} MB" in text_of(answer)


@pytest.mark.parametrize(
    ("page", "field", "advice"),
    [
        ("/", "workbooks", "请分批上传，或只上传填报表本身。"),
        ("/audit", "reports", "请分批上传报告。"),
    ],
)
def test_too_big_an_upload_is_advised_as_its_page_speaks(
    app: Flask, visitor: Visitor, page: str, field: str, advice: str
) -> None:
    """The server's refusal gives the same advice as the page's own check before sending."""
    app.config["MAX_CONTENT_LENGTH"] = 4096
    form = visitor.client.get(page).text
    action = re.search(r'<form method="post" action="([^"]+)"', form).group(1)
    answer = visitor.client.post(
        action,
        data={"csrf": visitor.token(page), field: [(io.BytesIO(b"\0" * 8192), "大文件.docx")]},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 413
    assert advice in text_of(answer)
    assert advice in form  # the page's script shows it before sending


def test_a_failure_shows_a_reference_and_no_trace(
    app: Flask, visitor: Visitor, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(options: object) -> None:
        raise RuntimeError("secret detail /home/office/secret.xlsx")

    monkeypatch.setattr("generator.web.pages.report.build", broken)
    with caplog.at_level(logging.ERROR, logger="gen-report.web"):
        answer = visitor.submit("/report", {"year": "2018"}, {"workbooks": shipped()[:1]})
    assert answer.status_code == 500
    text = text_of(answer)
    assert "程序内部错误" in text and "Traceback" not in text and "secret" not in text
    reference = answer.text.split('class="reference">')[1].split("<")[0]
    assert reference in caplog.text and "secret detail" in caplog.text
    assert list(app.extensions["gen-report.jobs"].root.iterdir()) == []  # its folder is gone
