"""How wide text is in a fixed-width CJK layout."""

from __future__ import annotations

import re
import unicodedata

_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z])|(?<=[A-Za-z])(?=[\u4e00-\u9fff])")


def display_width(text: str) -> int:
    """Columns a text takes in a fixed-width CJK layout: wide and full-width characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def char_width(text: str) -> float:
    """Width in characters of the body font: a Chinese character is 1, a digit or letter 0.5."""
    return display_width(text) / 2


def spaced(text: str) -> str:
    """Chinese text with a space between Chinese characters and Latin words: 文本和 Word 各一份."""
    return _CJK_LATIN.sub(" ", text)
