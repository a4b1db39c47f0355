"""What the command prints: problems, progress lines and results, in Chinese."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from generator.problems import Problem, Severity

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL, EXIT_OUTPUT = 0, 1, 2, 3, 4


class Console:
    """Prints to standard output; quiet mode keeps only errors and warnings."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet

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


class UsageProblem(Exception):
    """The command line is wrong; the message says how, in Chinese."""
