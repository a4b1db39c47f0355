"""What every request passes through: the password, the visitor's identity, the forms' tokens,
and the headers that keep pages from being framed, sniffed or loaded with outside code."""

from __future__ import annotations

import hmac
import secrets

from flask import Flask, Response, request, session

HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
CSRF_FIELD = "csrf"


class FormExpired(Exception):
    """A form came without this visitor's token: sent from another site, or before a restart."""


def visitor() -> str:
    """This browser's own identity (in its session cookie): jobs belong to it."""
    if "visitor" not in session:
        session["visitor"] = secrets.token_urlsafe(18)
    return session["visitor"]


def csrf_token() -> str:
    """The token every form of this visitor carries back."""
    if CSRF_FIELD not in session:
        session[CSRF_FIELD] = secrets.token_urlsafe(24)
    return session[CSRF_FIELD]


def install(app: Flask, password: str | None) -> None:
    """Check the password and the forms' tokens before every request; add the headers after."""
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # a restart forgets every session and its jobs
        SESSION_COOKIE_NAME="gen_report",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
    )
    app.jinja_env.globals["csrf_token"] = csrf_token

    @app.before_request
    def _guard() -> Response | None:
        if password is not None and not _password_given(password):
            return Response(
                "需要访问密码：用户名任意填写，密码是启动 gen-report --serve 时显示的密码"
                "（或环境变量 GEN_REPORT_PASSWORD 的值）。",
                401,
                {"WWW-Authenticate": 'Basic realm="gen-report", charset="UTF-8"'},
                content_type="text/plain; charset=utf-8",
            )
        if request.method == "POST":
            given = request.form.get(CSRF_FIELD, "").encode()
            expected = session.get(CSRF_FIELD, "").encode()
            if not given or not hmac.compare_digest(given, expected):
                raise FormExpired
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _password_given(password: str) -> bool:
    auth = request.authorization
    given = (auth.password or "") if auth is not None and auth.type == "basic" else ""
    return hmac.compare_digest(given.encode(), password.encode())
