"""Rewrite an Office zip package so the same content always gives the same bytes."""

from __future__ import annotations

import io
import re
import zipfile

from generator.base.clock import ZIP_EPOCH, source_date

_CHARACTER_REFERENCE = re.compile(rb"&#(\d{3,7});")
CONTENT_TYPES = "[Content_Types].xml"


def entry_timestamp() -> tuple[int, int, int, int, int, int]:
    """The date stamped on zip entries: SOURCE_DATE_EPOCH when set, else 1980-01-01."""
    stamp = max(source_date() or ZIP_EPOCH, ZIP_EPOCH)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def normalize_package(
    data: bytes, replace: dict[str, bytes] | None = None, plain_text: bool = False
) -> bytes:
    """Same entries, same order ([Content_Types].xml first), fixed dates and attributes.

    `replace` gives new contents for some entries (a part the library stamps with the time).
    With `plain_text`, non-ASCII text that was written as character references (&#26631;) is
    written as UTF-8: the same XML, a third of the size, and quicker to read.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    entries = {}
    for name in source.namelist():
        body = (replace or {}).get(name) or source.read(name)
        if plain_text and name.endswith(".xml"):
            body = _CHARACTER_REFERENCE.sub(_as_utf8, body)
        entries[name] = body
    return deterministic_zip(entries)


def deterministic_zip(entries: dict[str, bytes | str]) -> bytes:
    """A zip of these entries that depends on nothing but them ([Content_Types].xml first)."""
    stamp = entry_timestamp()
    ordered = [CONTENT_TYPES] if CONTENT_TYPES in entries else []
    ordered += sorted(n for n in entries if n != CONTENT_TYPES)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, entries[name], compresslevel=6)
    return output.getvalue()


def _as_utf8(match: re.Match[bytes]) -> bytes:
    code = int(match.group(1))
    if code < 0x80 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return match.group(0)
    return chr(code).encode("utf-8")
