"""The user's own cache folder, for what is worth keeping between runs and safe to lose."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


def user_cache_folder(part: str) -> Path | None:
    """gen-report's folder `part` in the user's cache (%LOCALAPPDATA% on Windows, else
    $XDG_CACHE_HOME or ~/.cache), private to the user; None when it cannot be made so.

    What is cached there may be run (compiled templates), so a folder someone else owns or
    can write to is not used.
    """
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        else:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "gen-report" / part
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if sys.platform != "win32" and not _private(folder):
            return None
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return folder if os.access(folder, os.W_OK) else None


def _private(folder: Path) -> bool:
    """Whether the folder is the user's own and no one else may write to it (made so if it is
    the user's)."""
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False
    if stat.S_IMODE(info.st_mode) & 0o077:
        folder.chmod(0o700)
    return True
