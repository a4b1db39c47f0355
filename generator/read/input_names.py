"""How messages name the places the user put the workbooks in.

The command line names folders and files (上年文件夹 2024, 单位清单 名单.txt); the web page names
the fields the files were uploaded through (上年的填报表, 单位清单). The checks say the same
things either way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputNames:
    """What each place is called in a message, and how last year's files are located."""

    this_year: str
    """In this year's workbooks: 本年度的输入文件夹中."""
    last_year: str
    """In last year's workbooks: 上年文件夹 2024 中."""
    no_last_year: str
    """Why there are none: 找不到与 2025 并列的文件夹 2024."""
    last_year_files: str
    """How the location of one of last year's files starts: inputs/2024/ (the system's
    separator on the command line; the web page's own 上年/)."""
    unit_list: str
    """In the unit list: 单位清单 名单.txt 中."""

    @classmethod
    def folders(cls, inputs: Path, year: int, unit_list: Path | None) -> InputNames:
        """The command line's names: the folders and files as given."""
        last = inputs.parent / str(year - 1)
        return cls(
            this_year="本年度的输入文件夹中",
            last_year=f"上年文件夹 {last.name} 中",
            no_last_year=f"找不到与 {inputs.name} 并列的文件夹 {last.name}",
            last_year_files=f"{last}{os.sep}",
            unit_list=f"单位清单 {unit_list.name} 中" if unit_list else "单位清单中",
        )

    def last_year_file(self, name: str) -> str:
        """The location of one of last year's files."""
        return f"{self.last_year_files}{name}"
