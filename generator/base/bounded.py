"""Run a helper program with a time limit and read its JSON answer.

Readers of files that can crash or exhaust a parser (.xls through python-calamine, PDF through
pdfplumber) run in a child process: the child bounds its own memory, the parent its time, and
anything but a JSON object on its output is a failure the caller words for the user.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence


class ChildFailed(Exception):
    """The helper did not answer: `kind` is "timeout", "start" (it could not be run) or
    "crash" (it died, or wrote something that is not a JSON object)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(detail or kind)
        self.kind = kind


def run_bounded(command: Sequence[str], seconds: float, data: bytes | None = None) -> dict:
    """The JSON object the command prints, fed `data` on its input; ChildFailed otherwise."""
    try:
        done = subprocess.run(
            list(command),
            input=data,
            stdin=None if data is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ChildFailed("timeout") from None
    except OSError as error:
        raise ChildFailed("start", str(error.strerror or error)) from None
    try:
        result = json.loads(done.stdout) if done.returncode == 0 else None
    except ValueError:
        result = None
    if not isinstance(result, dict):
        raise ChildFailed("crash")
    return result
