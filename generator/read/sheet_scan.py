"""Find a few cells in a worksheet's XML quickly, without a callback per element.

Excel, WPS, LibreOffice and openpyxl all write worksheets the same plain way: no namespace
prefix, rows in order as ``<row r="7"``, every cell as ``<c r="B7"``. This scanner relies on
exactly that: it indexes the row tags with byte searches, then looks for each wanted cell inside
its own row. Whenever the XML departs from that shape (a prefix, a cell or row without its
reference first, rows out of order, CDATA or comments, a very long row) it returns None and the
caller uses the full XML parser instead.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

from generator.base.a1 import ref_column

RawTuple = tuple[str, str | None, str | None, int]
"""(cell type, stored text or None, formula or None, style index)."""

MAX_FAST_CELLS = 20_000
"""A sheet with more cells than this is left to the full parser."""

MAX_CELL_BYTES = 65_536
"""The longest cell the scanner matches (bounding the work on a crafted sheet). A longer cell
reads as blank: no cell of a form is anywhere near as long (text is capped at 5,000 characters),
and a blank required cell is an error, never a zero."""

_CELL_PATTERN = rb'<c r="(%s\d{1,7})"([^>]*)(?<!/)>(.{0,%d}?)</c>'
_TYPE = re.compile(rb'\st="(\w+)"')
_STYLE = re.compile(rb'\ss="(\d{1,6})"')
_VALUE = re.compile(rb"<v(?:/>|>(.*?)</v>)", re.S)
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_INLINE = re.compile(rb"<is>(.*?)</is>", re.S)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_TEXT = re.compile(rb"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)


@lru_cache(maxsize=64)
def _cells_in(columns: frozenset[str]) -> re.Pattern[bytes]:
    """A pattern matching the non-empty cells of these columns only (others are skipped in C)."""
    letters = b"|".join(sorted(c.encode() for c in columns))
    return re.compile(_CELL_PATTERN % (b"(?:" + letters + b")", MAX_CELL_BYTES), re.S)


def plain_shape(data: bytes) -> bool:
    """Whether a worksheet is written the plain way this scanner understands."""
    if not data.endswith((b"</worksheet>", b"</worksheet>\n", b"</worksheet>\r\n")):
        return False
    if b"<!" in data or data.count(b"<?") > 1 or b"<c>" in data or b"<c/>" in data:
        return False  # CDATA, comments or a DTD; processing instructions; cells without r
    return data.count(b"<c ") == data.count(b'<c r="') <= MAX_FAST_CELLS


def scan_cells(data: bytes, wanted: Iterable[str]) -> dict[str, RawTuple] | None:
    """The wanted cells (by reference) that hold something, or None to use the full parser.

    Cells written empty (``<c r="B7" s="3"/>``) are simply not matched."""
    if not plain_shape(data):
        return None
    by_ref = {ref.encode(): ref for ref in wanted}
    pattern = _cells_in(frozenset(ref_column(ref) for ref in wanted))
    found: dict[str, RawTuple] = {}
    try:
        for match in pattern.finditer(data):
            if match.end(3) == match.start(3):
                continue  # <c r="B7" s="3"></c>: empty
            ref = by_ref.get(match.group(1))
            if ref is not None:
                found[ref] = _parts(match.group(2), match.group(3))
    except UnicodeDecodeError:
        return None  # not UTF-8: the full parser reports it
    return found


def _parts(attributes: bytes, body: bytes | None) -> RawTuple:
    """A cell's type, stored text, formula and style, from its attributes and content."""
    kind = _TYPE.search(attributes)
    style = _STYLE.search(attributes)
    value = formula = None
    cell_type = kind.group(1).decode() if kind else "n"
    if body:
        if cell_type == "inlineStr":
            inline = _INLINE.search(body)
            if inline:
                texts = _TEXT.findall(_PHONETIC.sub(b"", inline.group(1)))
                value = _text(b"".join(texts)) if texts else None
        else:
            found = _VALUE.search(body)
            if found:
                value = _text(found.group(1) or b"")
        formula_match = _FORMULA.search(body)
        if formula_match:
            formula = _text(formula_match.group(1) or b"") or "="
    return cell_type, value, formula, int(style.group(1)) if style else 0


def _text(raw: bytes) -> str:
    """Element text as an XML parser reports it: line ends normalized, references resolved."""
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return html.unescape(text) if "&" in text else text
