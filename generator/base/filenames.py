"""File names made from text typed by people: unit names and report titles."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
MAX_NAME_CHARS = 80


def safe_filename(name: str, fallback: str = "未命名") -> str:
    """A file name made from any text: no folders, no characters Windows refuses, not too long."""
    cleaned = "".join(
        ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C"
    )
    cleaned = _UNSAFE.sub("_", cleaned).strip(" .")
    cleaned = re.sub(r"\.{2,}", "_", cleaned)
    if not cleaned or _RESERVED.match(cleaned):
        cleaned = f"{fallback}_{cleaned}" if cleaned else fallback
    return cleaned[:MAX_NAME_CHARS].rstrip(" .")
