"""Old and other spreadsheet formats (.xls, .et, .ods), read in a bounded child process.

python-calamine reads them; it is native code that a crafted file can exhaust or abort, so it runs
in legacy_child.py under a time and memory limit. Whatever happens there, the parent gets cells or
a Chinese message for the file, never a crash. The workbook it returns answers the unit reader as
an .xlsx workbook does, with the same cell kinds and number format classes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from generator.base import limits
from generator.base.a1 import column_letters
from generator.base.bounded import ChildFailed, run_bounded
from generator.read.advice import SAVE_AS_XLSX
from generator.read.xlsx import BLANK, RawCell, SheetInfo, WorkbookError, format_class

CHILD = Path(__file__).with_name("legacy_child.py")
KINDS = frozenset({"number", "text", "bool", "error", "blank"})
_MESSAGES = {
    "password": "工作簿设置了打开密码，无法读取；请取消密码，保存后再提交",
    "broken": "文件已损坏，无法作为{what}读取；" + SAVE_AS_XLSX,
    "memory": "读取这个{what}文件所需的内存超过上限，文件可能已损坏或被篡改；" + SAVE_AS_XLSX,
    "no-calamine": "读取{what}需要 python-calamine 组件，但没有安装；"
    "请运行 python -m pip install python-calamine，或把文件另存为 .xlsx",
}
_CRASHED = "读取这个{what}文件时读取程序异常退出（文件可能已损坏或被篡改）；" + SAVE_AS_XLSX
_TIMED_OUT = (
    "读取这个{what}文件超过 {seconds} 秒仍未完成（文件可能已损坏或被篡改），已停止；" + SAVE_AS_XLSX
)


class LegacyWorkbook:
    """The cells of an .xls/.et/.ods file, as the child process handed them back."""

    def __init__(self, sheets: list[dict], what: str) -> None:
        self.date1904 = False  # calamine hands dates over already counted; serials are 1900-based
        self.sheets: list[SheetInfo] = []
        self._cells: dict[str, dict[str, RawCell]] = {}
        self._merged: dict[str, list[str]] = {}
        try:
            for sheet in sheets:
                name = str(sheet["name"])
                self.sheets.append(SheetInfo(name, str(sheet["state"]), name))
                self._cells[name] = dict(_cells(sheet["cells"]))
                self._merged[name] = [_range(*corners) for corners in sheet["merged"]]
        except (KeyError, TypeError, ValueError):
            raise WorkbookError(_CRASHED.format(what=what), "legacy-crash") from None

    def read_cells(self, sheet: SheetInfo, refs: Iterable[str]) -> dict[str, RawCell]:
        """The requested cells of one sheet (absent cells are BLANK)."""
        cells = self._cells.get(sheet.name, {})
        return {ref: cells.get(ref, BLANK) for ref in refs}

    def merged_ranges(self, sheet: SheetInfo) -> list[str]:
        """The merged ranges of a sheet, such as 'B3:C4'."""
        return self._merged.get(sheet.name, [])


def _cells(entries: list) -> Iterable[tuple[str, RawCell]]:
    for row, column, kind, text, fmt in entries:
        if kind not in KINDS:
            raise ValueError(kind)
        number_format = (
            format_class(fmt, None) if isinstance(fmt, int) else format_class(-1, fmt or "General")
        )
        yield (
            f"{column_letters(int(column))}{int(row)}",
            RawCell(kind, str(text), None, number_format),
        )


def _range(top: int, left: int, bottom: int, right: int) -> str:
    """0-based corners as an A1 range."""
    return f"{column_letters(left + 1)}{top + 1}:{column_letters(right + 1)}{bottom + 1}"


def open_legacy(path: Path, what: str) -> LegacyWorkbook:
    """Read the file in the child process; `what` names its format in messages."""
    command = [
        sys.executable,
        "-P",  # the child's folder is not put on the import path: it imports nothing of ours
        str(CHILD),
        str(path),
        str(limits.LEGACY_MAX_ROWS),
        str(limits.LEGACY_MAX_COLUMNS),
        str(limits.LEGACY_MEMORY_BYTES),
        str(limits.LEGACY_SECONDS),
    ]
    try:
        result = run_bounded(command, limits.LEGACY_SECONDS)
    except ChildFailed as failed:
        if failed.kind == "timeout":
            message = _TIMED_OUT.format(what=what, seconds=limits.LEGACY_SECONDS)
            raise WorkbookError(message, "legacy-timeout") from None
        if failed.kind == "start":
            raise WorkbookError(
                f"无法启动读取{what}的程序（{failed}）；" + SAVE_AS_XLSX, "legacy-crash"
            ) from None
        raise WorkbookError(_CRASHED.format(what=what), "legacy-crash") from None
    if "error" in result:
        code = str(result["error"])
        message = result.get("message") or _MESSAGES.get(code, _MESSAGES["broken"]).format(
            what=what
        )
        raise WorkbookError(str(message), f"legacy-{code}")
    return LegacyWorkbook(result.get("sheets", []), what)
