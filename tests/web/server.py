"""A `gen-report --serve` process for the tests, as staff start it from a command prompt."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator.web.serve import WORK_PREFIX
from tests.conftest import ROOT

STARTED_WITHIN = 5.0
"""Seconds the issue allows between starting the command and the page answering."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `gen-report --serve` process."""

    def __init__(self, *args: str, **env: str) -> None:
        self.before = set(Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "--serve", "--no-browser", *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )

    def wait_until_answering(
        self, url: str, seconds: float = STARTED_WITHIN, **headers: str
    ) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=1)
                return
            except urllib.error.HTTPError:
                return  # it answered (401 when a password is asked)
            except OSError:
                assert self.process.poll() is None, self.output()
                assert time.monotonic() < deadline, f"no answer from {url} within {seconds} s"
                time.sleep(0.05)

    def work_folders(self) -> set[Path]:
        return set(Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*")) - self.before

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(20)

    def output(self) -> str:
        if self.process.poll() is None:
            self.process.kill()
        return self.process.communicate()[0]
