"""The gen-report command's entry point: --help answers at once, everything else goes to cli.

Loading typer takes longer than the whole --help budget, so the help text is kept in
help.txt, written from the typer command itself by ``python -m generator.cli_help`` and checked
against it by the tests.
"""

from __future__ import annotations

import sys
from importlib.resources import files

HELP_FLAGS = (["--help"], ["-h"])


def main(argv: list[str] | None = None) -> int:
    """Entry point of the gen-report command; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if args in HELP_FLAGS:
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="replace")
        print(files("generator").joinpath("help.txt").read_text(encoding="utf-8"), end="")
        return 0
    from generator.cli import main as full

    return full(args)
