"""Find the submitted workbooks in an inputs folder; every file is either read or accounted for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.base import limits
from generator.base.problems import Location, Problem, Problems

SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


@dataclass(frozen=True)
class InputFiles:
    """The files to read, and notices about everything else in the folder."""

    files: tuple[Path, ...]
    problems: tuple[Problem, ...]


def list_inputs(folder: Path) -> InputFiles:
    """Every file of the folder to read, in a stable order; lock files and the like are skipped."""
    problems = Problems()
    if not folder.is_dir():
        problems.error("no-inputs", f"找不到输入文件夹 {folder}", None)
        return InputFiles((), tuple(problems))
    files: list[Path] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        where = Location(path.name)
        if path.name.startswith("~$"):
            problems.notice("lock-file", "这是 Excel/WPS 打开文件时产生的临时文件，已跳过", where)
        elif path.name.lower() in SYSTEM_FILES or path.name.startswith("."):
            problems.notice("system-file", "系统或隐藏文件，已跳过", where)
        elif path.is_dir():
            problems.notice("subfolder", "这是子文件夹，其中的文件不读取", where)
        else:
            files.append(path)
    if not files:
        problems.error("no-inputs", f"输入文件夹 {folder} 中没有工作簿", None)
    elif len(files) > limits.MAX_WORKBOOKS:
        problems.error(
            "too-many", f"输入文件夹中有 {len(files)} 个文件，超过上限 {limits.MAX_WORKBOOKS}", None
        )
        files = []
    return InputFiles(tuple(files), tuple(problems))
