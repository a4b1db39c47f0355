"""Report formats: one folder under templates/ each, chosen by the report year."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from generator.formats.spec import FORMAT_FILE, FormatSpec, load_format


class FormatUnavailable(Exception):
    """No format covers the requested year; the message says which years are covered."""


def templates_root() -> Path:
    """The templates/ folder: GEN_REPORT_TEMPLATES when set (an office's own formats), else the
    one packaged beside the code or at the top of a source checkout."""
    configured = os.environ.get("GEN_REPORT_TEMPLATES")
    if configured:
        return Path(configured)
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("templates/")


@cache
def format_at(folder: Path) -> FormatSpec:
    """The format defined in a folder (loaded once per process)."""
    return load_format(folder)


@cache
def all_formats() -> tuple[FormatSpec, ...]:
    """Every format folder, oldest years first."""
    folders = sorted(p.parent for p in templates_root().glob(f"*/{FORMAT_FILE}"))
    return tuple(sorted((format_at(f) for f in folders), key=lambda s: s.first_year))


def format_for_year(year: int) -> FormatSpec:
    """The format a report for this year uses."""
    formats = all_formats()
    for spec in formats:
        if spec.first_year <= year <= spec.last_year:
            return spec
    covered = "；".join(f"{s.years}：{s.name}" for s in formats)
    raise FormatUnavailable(f"{year} 年度没有可用的报告格式。本工具支持：{covered}")
