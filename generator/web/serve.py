"""Run the web page: waitress (pure Python, the same on Windows and Linux) serves the application
until Ctrl+C, then every job's files are removed."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from generator.base import limits
from generator.pipeline.lock import LockBusy, OutputLock
from generator.web.settings import (
    PASSWORD_VARIABLE,
    WebSettings,
    is_loopback,
    new_password,
)

WORK_PREFIX = "gen-report-web-"
THREADS = 4
"""Requests served at once (builds beyond WEB_BUILDS_AT_ONCE wait their turn)."""


class ServeProblem(Exception):
    """The server cannot start (the port is taken, the address is not this machine's)."""


def serve(
    host: str, port: int, *, open_browser: bool = True, say: Callable[[str], None] = print
) -> None:
    """Serve until interrupted (KeyboardInterrupt ends it; its files are removed either way)."""
    from waitress import create_server

    from generator.web.app import create_app

    password = os.environ.get(PASSWORD_VARIABLE) or None
    shown_password = None
    if password is None and not is_loopback(host):
        password = shown_password = new_password()
    _remove_abandoned(Path(tempfile.gettempdir()))
    settings = WebSettings(Path(tempfile.mkdtemp(prefix=WORK_PREFIX)), host, port, password)
    held = OutputLock(settings.work)  # while the server runs, its folder is not abandoned
    held.acquire(wait=0)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    app = create_app(settings)
    try:
        server = create_server(
            app,
            host=host,
            port=port,
            threads=THREADS,
            ident="gen-report",
            max_request_body_size=4 * limits.MAX_UPLOAD_BYTES,
            clear_untrusted_proxy_headers=True,
        )
    except OSError as error:
        held.release()
        shutil.rmtree(settings.work, ignore_errors=True)
        raise ServeProblem(_why_not(error, settings)) from None
    say(f"gen-report 网页版已启动：{settings.address}")
    if shown_password:
        say(f"访问密码（只显示这一次，请记下）：{shown_password}")
    elif password:
        say(f"访问密码为环境变量 {PASSWORD_VARIABLE} 的值。")
    if not is_loopback(host):
        say("局域网内的其他电脑可以访问：请用本机的 IP 地址代替上面地址中的主机部分。")
    say("按 Ctrl+C 停止（停止后，上传的文件和生成的结果都会删除）。")
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(settings.address,), daemon=True).start()
    try:
        server.run()
    finally:
        server.close()
        held.release()
        app.extensions["gen-report.jobs"].close()
        say("已停止。")


def _why_not(error: OSError, settings: WebSettings) -> str:
    if isinstance(error, PermissionError) or settings.port < 1024:
        return (
            f"无法使用端口 {settings.port}（{error.strerror or error}），请换一个大于 1024 的端口"
        )
    return (
        f"无法在 {settings.host}:{settings.port} 上启动（{error.strerror or error}）："
        f"端口可能已被占用（如已启动了一个 gen-report --serve），请换一个端口，如 --port {settings.port + 1}"
    )


def _remove_abandoned(folder: Path) -> None:
    """Work folders left by a server that was killed (no running server holds their lock)."""
    for path in folder.glob(f"{WORK_PREFIX}*"):
        lock = OutputLock(path)
        try:
            lock.acquire(wait=0)
        except (LockBusy, OSError):
            continue
        lock.release()
        shutil.rmtree(path, ignore_errors=True)
