"""A1 notation: column letters, cell references and ranges as Excel writes them."""

from __future__ import annotations

import re
from functools import lru_cache

_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")


def column_index(letters: str) -> int:
    """'A' → 1, 'AA' → 27."""
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index


def column_letters(index: int) -> str:
    """1 → 'A', 27 → 'AA'."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@lru_cache(maxsize=65_536)
def split_ref(ref: str) -> tuple[int, int]:
    """'C7' → (7, 3)."""
    match = _CELL_REF.match(ref)
    if not match:
        raise ValueError(ref)
    return int(match.group(2)), column_index(match.group(1))


def ref_column(ref: str) -> str:
    """'C7' → 'C'."""
    return ref.rstrip("0123456789")
