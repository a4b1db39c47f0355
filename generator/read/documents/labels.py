"""Matching a label as printed against the official one: exactly, or as a tolerated variant."""

from __future__ import annotations

import enum
import re

from generator.read.names import normalized

_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)|\d+[.．、]|\(\d+\))"
)
MIN_CONTAINED = 4
"""A shortened label must keep at least this many characters of the official one."""


class Match(enum.IntEnum):
    NONE = 0
    VARIANT = 1  # the same label with different numbering, shortened or lengthened
    EXACT = 2  # the same up to spaces, full/half width, traditional characters, line breaks


def bare(text: str) -> str:
    """A normalized label without its leading numbering (（一）, 1., 一、)."""
    return _NUMBERING.sub("", normalized(text))


def match(printed: str, official: str) -> Match:
    """How a printed label matches the official wording."""
    a, b = normalized(printed), normalized(official)
    if not a or not b:
        return Match.NONE
    if a == b:
        return Match.EXACT
    a, b = bare(printed), bare(official)
    if a and a == b:
        return Match.VARIANT
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= MIN_CONTAINED and shorter in longer:
        return Match.VARIANT
    return Match.NONE
