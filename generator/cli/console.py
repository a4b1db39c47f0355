"""What the command prints: problems, progress lines and results, in Chinese."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from generator.base.problems import Problem, Severity
from generator.base.progress import Progress, Silent

PROGRESS_THRESHOLD = 20
"""Stages with more steps than this show a progress bar (on a terminal)."""


class Console:
    """Prints to standard output; quiet mode keeps only errors and warnings."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

    def progress(self) -> Progress:
        """A progress bar on a terminal (not in quiet mode, nor when output goes to a file)."""
        if self.quiet or not sys.stdout.isatty():
            return Silent()
        return ProgressBar()

    def say(self, text: str) -> None:
        if not self.quiet:
            print(text, flush=True)

    def problems(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if problem.severity is Severity.NOTICE and self.quiet:
                continue
            print(problem, flush=True)

    def error(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)


class ProgressBar:
    """A rich progress bar for stages long enough to need one."""

    def __init__(self) -> None:
        self._bar = None
        self._task = None

    def start(self, label: str, total: int) -> None:
        if total <= PROGRESS_THRESHOLD:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task(label, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, steps)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
