"""Read an .xls, .et or .ods file in a child process and print its cells as JSON.

    python legacy_child.py FILE MAX_ROWS MAX_COLUMNS MEMORY_BYTES SECONDS

Run by generator.read.legacy, never imported by the package: python-calamine is native code, and
a crafted file can exhaust its memory or abort its process, so it runs here, under a memory and
CPU limit, and the parent only ever sees JSON or a dead child. Besides python-calamine it uses
only the standard library and, found beside it, generator.read's OLE2 reader and its one safe XML
parser and decoding of declared encodings (which use nothing else but generator.base's spacing
of Chinese text).

calamine gives the values, sheets, visibility and (for .xls) merged ranges; what it drops is
recovered from the file itself: each cell's number format, error and logical values (the .xls
BIFF records, the .ods content.xml), and the merged ranges of an .ods. An .ods whose XML parts
declare another encoding (GB2312, say) is handed to both as UTF-8.

Output: {"sheets": [{"name", "state", "cells": [[row, column, kind, text, format]], "merged"}]}
with 1-based rows and columns, `format` a built-in format id or a format code; or {"error": code},
with "message" when the child words the problem for the user itself.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the package, for its readers
from generator.read import ole2
from generator.read.xml_encoding import EncodingProblem, as_utf8
from generator.read.xml_parts import new_parser, parse

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
BIFF_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?"}
BIFF_ERRORS |= {0x24: "#NUM!", 0x2A: "#N/A"}
ODS_FORMATS = {"percentage": "0%", "date": "yyyy-mm-dd", "time": "hh:mm:ss"}
STATES = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}
Overlay = dict[tuple[int, int], tuple[str | None, str | None, int | str | None]]
"""(row, column) → (kind replacing calamine's, its text, number format) recovered from the file."""


def limit(memory: int, seconds: int) -> None:
    """Bound this process's address space and CPU time (where the system allows it)."""
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the bound
        return
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def calamine_value(value: object) -> tuple[str, str, str | None] | None:
    """(kind, text, format code) of a value as calamine gives it; None for an empty cell."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "bool", "1" if value else "0", None
    if isinstance(value, int):
        return "number", str(value), None
    if isinstance(value, float):
        return "number", repr(value), None
    if isinstance(value, dt.datetime | dt.date):
        moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
        return "number", repr((moment - EXCEL_EPOCH) / dt.timedelta(days=1)), "yyyy-mm-dd"
    if isinstance(value, dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return "number", repr(seconds / 86400), "hh:mm:ss"
    if isinstance(value, dt.timedelta):
        return "number", repr(value / dt.timedelta(days=1)), "[h]:mm:ss"
    return "text", str(value), None


# -- .xls and .et: the BIFF records ------------------------------------------


def biff_records(stream: bytes, position: int):
    """(type, body) of each record from a position up to the substream's EOF record."""
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4 : position + 4 + length]
        position += 4 + length
        yield kind, body
        if kind == 0x000A:
            return


def biff_string(body: bytes, offset: int, count: int) -> str:
    wide = body[offset] & 1
    raw = body[offset + 1 : offset + 1 + count * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace")


def xls_overlay(data: bytes, rows: int, columns: int) -> dict[str, Overlay]:
    """Each sheet's cells' number formats, error and logical values, from the BIFF8 records."""
    stream = ole2.stream(data, ("Workbook", "Book"))
    if stream is None:
        return {}
    codes: dict[int, str] = {}
    formats: list[int] = []
    sheets: list[tuple[int, str]] = []
    for kind, body in biff_records(stream, 0):
        if kind == 0x041E and len(body) >= 5:  # FORMAT
            fmt_id, count = struct.unpack_from("<HH", body)
            codes[fmt_id] = biff_string(body, 4, count)
        elif kind == 0x00E0 and len(body) >= 4:  # XF
            formats.append(struct.unpack_from("<H", body, 2)[0])
        elif kind == 0x0085 and len(body) >= 8:  # BOUNDSHEET8
            sheets.append((struct.unpack_from("<I", body)[0], biff_string(body, 7, body[6])))
    return {
        name: biff_cells(stream, start, codes, formats, rows, columns) for start, name in sheets
    }


def biff_cells(
    stream: bytes, start: int, codes: dict[int, str], formats: list[int], rows: int, columns: int
) -> Overlay:
    """One sheet's substream: every cell's format, and its error or logical value."""
    cells: Overlay = {}

    def put(row: int, column: int, xf: int, kind: str | None = None, text: str | None = None):
        if row < rows and column < columns:
            fmt_id = formats[xf] if xf < len(formats) else 0
            cells[row + 1, column + 1] = (kind, text, codes.get(fmt_id, fmt_id))

    for kind, body in biff_records(stream, start):
        if kind in (0x0203, 0x027E, 0x00FD, 0x0201) and len(body) >= 6:  # NUMBER RK LABELSST BLANK
            put(*struct.unpack_from("<HHH", body))
        elif kind == 0x00BD and len(body) >= 6:  # MULRK
            row, first = struct.unpack_from("<HH", body)
            for index in range((len(body) - 6) // 6):
                put(row, first + index, struct.unpack_from("<H", body, 4 + 6 * index)[0])
        elif kind == 0x0006 and len(body) >= 14:  # FORMULA, with a logical or error result
            row, column, xf = struct.unpack_from("<HHH", body)
            if body[12:14] == b"\xff\xff" and body[6] in (1, 2):
                value = str(body[8]) if body[6] == 1 else BIFF_ERRORS.get(body[8], "#N/A")
                put(row, column, xf, "bool" if body[6] == 1 else "error", value)
            else:
                put(row, column, xf)
        elif kind == 0x0205 and len(body) >= 8:  # BOOLERR
            row, column, xf = struct.unpack_from("<HHH", body)
            if body[7]:
                put(row, column, xf, "error", BIFF_ERRORS.get(body[6], "#N/A"))
            else:
                put(row, column, xf, "bool", str(body[6]))
    return cells


# -- .ods: content.xml ----------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0 "


class Refused(Exception):
    """content.xml declares a DTD (no spreadsheet program writes one): refused, not parsed."""


class Damaged(Exception):
    """content.xml is not well-formed: calamine decides whether the file can be read at all."""


def ods_as_utf8(data: bytes) -> tuple[bytes, bytes]:
    """The .ods with every XML part as UTF-8 (all calamine and expat read), and its content.xml;
    the file as it is when its parts already are. EncodingProblem when a part is not what it
    declares."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        stored = {i.filename: archive.read(i) for i in infos if i.filename.endswith(".xml")}
        parts = {name: as_utf8(body, f"内部部件 {name}") for name, body in stored.items()}
        if parts == stored:
            return data, parts["content.xml"]
        copy = io.BytesIO()
        with zipfile.ZipFile(copy, "w") as recoded:
            for info in infos:
                body = parts[info.filename] if info.filename in parts else archive.read(info)
                recoded.writestr(info, body)
    return copy.getvalue(), parts["content.xml"]


def ods_overlay(
    content: bytes, rows: int, columns: int
) -> tuple[dict[str, Overlay], dict[str, list]]:
    """Each table's cell types calamine drops (percent, date, logical, error) and merged ranges,
    from content.xml (as UTF-8)."""
    overlays: dict[str, Overlay] = {}
    merged: dict[str, list] = {}
    state = {"table": "", "row": 0, "column": 0, "repeat": 1, "error": None}
    text: list[str] = []
    parser = new_parser("表格", Refused)

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == _TABLE + "table":
            state.update(table=attrs.get(_TABLE + "name", ""), row=0)
            overlays[state["table"]], merged[state["table"]] = {}, []
        elif name == _TABLE + "table-row":
            state["column"] = 0
            state["repeat"] = int(attrs.get(_TABLE + "number-rows-repeated", "1"))
        elif name in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
            row, column = state["row"], state["column"]
            state["column"] += int(attrs.get(_TABLE + "number-columns-repeated", "1"))
            if row >= rows or column >= columns:
                return
            across = int(attrs.get(_TABLE + "number-columns-spanned", "1"))
            down = int(attrs.get(_TABLE + "number-rows-spanned", "1"))
            if across > 1 or down > 1:
                merged[state["table"]].append([row, column, row + down - 1, column + across - 1])
            kind = attrs.get(_CALCEXT + "value-type") or attrs.get(_OFFICE + "value-type")
            for copy in range(min(state["repeat"], rows - row)):
                cells = overlays[state["table"]]
                if kind == "boolean":
                    value = attrs.get(_OFFICE + "boolean-value", "false") == "true"
                    cells[row + copy + 1, column + 1] = ("bool", str(int(value)), None)
                elif kind in ODS_FORMATS:
                    cells[row + copy + 1, column + 1] = (None, None, ODS_FORMATS[kind])
                elif kind == "error":
                    state["error"] = (row + copy + 1, column + 1)
                    text.clear()

    def end(name: str) -> None:
        if name == _TABLE + "table-row":
            state["row"] += state["repeat"]
        elif name == _TABLE + "table-cell" and state["error"]:
            overlays[state["table"]][state["error"]] = ("error", "".join(text) or "#N/A", None)
            state["error"] = None

    def characters(data: str) -> None:
        if state["error"]:
            text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parse(content, parser, Damaged)
    return overlays, merged


# -- the whole file -------------------------------------------------------------------------------


def read(path: str, rows: int, columns: int) -> dict:
    import python_calamine

    with open(path, "rb") as handle:
        data = handle.read()
    is_ods = data.startswith(b"PK")
    try:
        if is_ods:
            data, content = ods_as_utf8(data)
            overlays, ods_merged = ods_overlay(content, rows, columns)
        else:
            overlays, ods_merged = xls_overlay(data, rows, columns), {}
    except Refused as refused:
        return {"error": "dtd", "message": str(refused)}
    except EncodingProblem as problem:
        return {"error": "encoding", "message": str(problem)}
    except (struct.error, ValueError, KeyError, IndexError, zipfile.BadZipFile, Damaged):
        overlays, ods_merged = {}, {}  # calamine decides whether the file can be read at all
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        return {"error": "password"}
    except Exception:  # calamine's errors (CalamineError, XmlError, ZipError, …) and panics
        return {"error": "broken"}
    sheets = []
    for meta in book.sheets_metadata:
        try:
            sheet = book.get_sheet_by_name(meta.name)
            values = sheet.to_python(skip_empty_area=False, nrows=rows)
            ranges = sheet.merged_cell_ranges or []
        except Exception:
            return {"error": "broken"}
        overlay = overlays.get(meta.name, {})
        cells = []
        for r, line in enumerate(values[:rows], start=1):
            for c, value in enumerate(line[:columns], start=1):
                found = calamine_value(value)
                kind, text, recovered = overlay.get((r, c), (None, None, None))
                if found is None and kind is None:
                    continue
                base_kind, base_text, code = found or ("blank", "", None)
                cells.append([r, c, kind or base_kind, text or base_text, recovered or code])
        merged = (
            ods_merged.get(meta.name, [])
            if is_ods
            else [[a[0], a[1], b[0], b[1]] for a, b in ranges]
        )
        state = STATES.get(str(meta.visible).rpartition(".")[2], "visible")
        sheets.append({"name": meta.name, "state": state, "cells": cells, "merged": merged})
    return {"sheets": sheets}


def main(argv: list[str]) -> int:
    path, rows, columns, memory, seconds = argv[0], *map(int, argv[1:5])
    try:
        import python_calamine  # noqa: F401  (before the limits: a failure here is the install's)
    except ImportError:
        result = {"error": "no-calamine"}
    else:
        limit(memory, seconds)
        try:
            result = read(path, rows, columns)
        except MemoryError:
            result = {"error": "memory"}
        except (OSError, RecursionError, struct.error, ValueError):
            result = {"error": "broken"}
    sys.stdout.write(json.dumps(result, ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
