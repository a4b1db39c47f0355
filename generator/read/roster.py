"""The unit list (单位清单.txt): who should send a workbook, one “name, level” a line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple


class UnitListError(ValueError):
    """A unit list cannot be used; the message is for the user."""


class ListedUnit(NamedTuple):
    """One line of the unit list."""

    name: str
    level: str
    line: int


def read_unit_list(path: Path) -> list[ListedUnit]:
    """Units from a text file with one “name, level” per line (UTF-8 or GB18030)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_text(encoding="gb18030", errors="replace")
    except OSError as error:
        raise UnitListError(f"无法读取单位清单 {path}（{error.strerror or error}）") from None
    named = (
        path.name if path.stem == "单位清单" else f"单位清单 {path.name}"
    )  # not 单位清单 单位清单
    return parse_unit_list(text, named)


def parse_unit_list(text: str, name: str) -> list[ListedUnit]:
    """Units from text with one “name, level” per line (commas, tabs or 、 separate); blank lines
    and lines starting with # are skipped. `name` says where the text came from, in messages
    (单位清单 单位清单.txt)."""
    units: list[ListedUnit] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in re.split(r"[,，\t、]", line) if p.strip()]
        if len(parts) != 2:
            raise UnitListError(f"{name} 第 {number} 行应为“单位名称, 单位层级”：{line.strip()}")
        units.append(ListedUnit(parts[0], parts[1], number))
    return units
