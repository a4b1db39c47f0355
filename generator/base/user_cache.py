"""The user's own cache folder, for what is worth keeping between runs and safe to lose."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_cache_folder(part: str) -> Path | None:
    """gen-report's folder `part` in the user's cache (%LOCALAPPDATA% on Windows, else
    $XDG_CACHE_HOME or ~/.cache), private to the user; None when it cannot be made."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "gen-report" / part
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None
    return folder if os.access(folder, os.W_OK) else None
