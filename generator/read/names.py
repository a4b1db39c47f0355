"""Matching sheet names and labels the way a person would: ignoring spaces and character forms."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib.resources import files


@cache
def _traditional() -> dict[int, str]:
    """The Traditional → Simplified table (traditional.txt, generated from OpenCC)."""
    text = files("generator.read").joinpath("traditional.txt").read_text(encoding="utf-8")
    return str.maketrans(
        {line[0]: line[1] for line in text.splitlines() if line and not line.startswith("#")}
    )


@lru_cache(maxsize=4096)
def normalized(text: str) -> str:
    """Text with spaces removed, full-width forms folded and Traditional characters simplified."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "\u200b\ufeff").translate(
        _traditional()
    )
