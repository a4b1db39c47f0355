"""The --help text, in Chinese, made from the command's own parameter declarations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.document.layout import display_width

COLUMN = 30


def render_help(command: Any, description: str, epilog: str) -> str:
    """Usage, description, every argument and option with its help, then the epilog."""
    arguments, options = [], []
    for param in command.params:
        help_text = getattr(param, "help", None) or ""
        if param.param_type_name == "argument":
            arguments.append((param.metavar or param.name, help_text))
        else:
            names = ", ".join([*param.opts, *param.secondary_opts])
            if not param.is_flag and param.metavar:
                names += f" {param.metavar}"
            options.append((names, help_text))
    lines = ["用法：gen-report 年度 [选项]", "", description, "", "参数："]
    lines += [_row(name, text) for name, text in arguments]
    lines += ["", "选项："]
    lines += [_row(name, text) for name, text in options]
    return "\n".join([*lines, "", epilog])


def _row(name: str, text: str) -> str:
    pad = COLUMN - display_width(name)
    if pad < 2:
        return f"  {name}\n  {' ' * COLUMN}{text}"
    return f"  {name}{' ' * pad}{text}"


def stored_help_path() -> Path:
    return Path(__file__).resolve().parent / "help.txt"


def current_help() -> str:
    """The help text as the typer command renders it now."""
    import typer

    from generator.cli import DESCRIPTION, EPILOG, app

    return render_help(typer.main.get_command(app), DESCRIPTION, EPILOG) + "\n"


if __name__ == "__main__":
    stored_help_path().write_text(current_help(), encoding="utf-8")
    print(stored_help_path())
