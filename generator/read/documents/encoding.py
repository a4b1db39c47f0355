"""Decode text written by Chinese office software: a BOM, a declared charset, UTF-8, or GB18030."""

from __future__ import annotations

import codecs
import re

_DECLARED = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB = frozenset({"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"})


def decode(data: bytes, declared_in_head: bool = False) -> tuple[str, str]:
    """(text, encoding used). A BOM wins; then a charset declared in the first 4 KB (web pages);
    then UTF-8 if the bytes are valid UTF-8; then GB18030 (which every GB2312/GBK text is)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if declared_in_head:
        match = _DECLARED.search(data[:4096])
        if match:
            name = _codec(match.group(1).decode("ascii", "replace"))
            if name:
                try:
                    return data.decode(name), name
                except UnicodeDecodeError:
                    pass  # declared wrongly: fall through to what the bytes are
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "gb18030"


def _codec(declared: str) -> str | None:
    name = declared.strip().lower()
    if name in _GB:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
