"""A lean .xlsx reader: the zip is checked first, then only the requested cells are parsed.

It reads transitional and Strict Open XML alike (elements are matched by local name), refuses any
DTD (so no entity expansion of any kind), and stops reading a sheet after the last requested row.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from xml.parsers import expat

from generator.base import limits
from generator.base.a1 import split_ref
from generator.base.zip_checks import PackageKind, check_member, check_members
from generator.read.sheet_scan import scan_cells
from generator.read.xml_encoding import EncodingProblem, as_utf8
from generator.read.xml_parts import StopParsing, new_parser, parse


class WorkbookError(Exception):
    """The file cannot be read as a workbook; the message is for the user, in Chinese."""

    def __init__(self, message: str, code: str = "bad-workbook") -> None:
        super().__init__(message)
        self.code = code


WORKBOOK = PackageKind(
    "工作簿",
    "填报表",
    ".xlsx",
    "（可能有大量多余的行、格式或数据，也可能是压缩炸弹）；"
    "请删除多余的行，或把填写内容复制到新的空白填报表后重新提交",
    WorkbookError,
)
"""A workbook as the zip checks name it."""


@dataclass(frozen=True, slots=True)
class RawCell:
    """A cell as stored: its type, its stored text, its formula, and its number format class."""

    kind: str  # "blank", "number", "text", "bool", "error", "date"
    value: str = ""
    formula: str | None = None
    number_format: str = "general"  # "general", "date", "percent", "text"


BLANK = RawCell("blank")

_REL_WORKSHEET = "/worksheet"
_REL_OFFICE_DOCUMENT = "/officeDocument"
_REL_SHARED_STRINGS = "/sharedStrings"
_REL_STYLES = "/styles"
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")
_PLAIN_MERGE = re.compile(rb'<mergeCell ref="([^"]+)"')
_DATE_CODE = re.compile(r"[ymdhs]", re.IGNORECASE)
_BUILTIN_DATE_FORMATS = frozenset(range(14, 23)) | frozenset(range(45, 48)) | {27, 30, 36, 50, 57}
_BUILTIN_PERCENT_FORMATS = frozenset({9, 10})


@dataclass(frozen=True, slots=True)
class SheetInfo:
    """A sheet as the workbook lists it."""

    name: str
    state: str  # "visible", "hidden", "veryHidden"
    part: str | None  # the zip member holding it


def _local(name: str) -> str:
    return name.rpartition(" ")[2] if " " in name else name.rpartition(":")[2]


def _new_parser() -> expat.XMLParserType:
    return new_parser("Excel", WorkbookError)


def _parse(data: bytes, parser: expat.XMLParserType) -> None:
    parse(data, parser, WorkbookError)


class XlsxWorkbook:
    """An open .xlsx file whose parts are checked before they are parsed."""

    def __init__(self, archive: zipfile.ZipFile, data: bytes | None = None) -> None:
        """`data`, the file's bytes, lets parts be inflated directly (faster than zipfile)."""
        self._zip = archive
        self._data = data
        check_members(archive, WORKBOOK)
        self._names = {info.filename for info in archive.infolist()}
        self.date1904 = False
        self.sheets: list[SheetInfo] = []
        self._rels_of_workbook: dict[str, tuple[str, str]] = {}
        self._workbook_part = self._find_workbook_part()
        self._read_workbook()
        for info in archive.infolist():  # every part, read or not, before any more parsing
            check_member(info, self._part_name(info.filename), WORKBOOK)
        self._shared: tuple[str, ...] | None = None
        self._formats: tuple[str, ...] | None = None
        self._sheet_data: dict[str, bytes] = {}

    # -- the package ---------------------------------------------------------------------------

    def _part_name(self, name: str) -> str:
        for sheet in self.sheets:
            if sheet.part == name:
                return f"工作表“{sheet.name}”"
        return f"内部部件 {name}"

    def _member(self, name: str) -> bytes:
        """A part's XML as UTF-8, after its declared size and compression ratio have been checked."""
        try:
            return as_utf8(self._stored(name), self._part_name(name))
        except EncodingProblem as error:
            raise WorkbookError(str(error)) from None

    def _stored(self, name: str) -> bytes:
        """A part's bytes as stored (inflated)."""
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise WorkbookError(f"文件缺少内部部件 {name}，可能已损坏") from None
        check_member(info, self._part_name(name), WORKBOOK)
        if self._data is not None and info.compress_type in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            return self._inflate(info)
        try:
            return self._zip.read(name)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            ValueError,
            zlib.error,
        ):
            raise WorkbookError(
                f"文件已损坏，{self._part_name(name)}无法解压；请重新保存后提交"
            ) from None
        except (RuntimeError, NotImplementedError):
            raise WorkbookError(
                f"{self._part_name(name)}经过加密或使用了不支持的压缩方式，无法读取"
            ) from None

    def _inflate(self, info: zipfile.ZipInfo) -> bytes:
        """A part's bytes straight from the file: its local header, zlib, and the CRC check."""
        data, start = self._data, info.header_offset
        broken = WorkbookError(
            f"文件已损坏，{self._part_name(info.filename)}无法解压；请重新保存后提交"
        )
        if data[start : start + 4] != b"PK\x03\x04":
            raise broken
        name_length = int.from_bytes(data[start + 26 : start + 28], "little")
        extra_length = int.from_bytes(data[start + 28 : start + 30], "little")
        begin = start + 30 + name_length + extra_length
        packed = data[begin : begin + info.compress_size]
        if info.compress_type == zipfile.ZIP_STORED:
            body = packed
        else:
            try:
                body = zlib.decompressobj(-15).decompress(packed, info.file_size + 1)
            except zlib.error:
                raise broken from None
        if len(body) != info.file_size or zlib.crc32(body) != info.CRC:
            raise broken
        return body

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Id → (type, target member) for a part's relationships."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self._names:
            return {}
        return dict(_parse_relationships(folder, self._member(rels_name)))

    def _find_workbook_part(self) -> str:
        for rel_type, target in self._relationships("").values():
            if rel_type.endswith(_REL_OFFICE_DOCUMENT) and target in self._names:
                return target
        if "xl/workbook.xml" in self._names:
            return "xl/workbook.xml"
        raise WorkbookError("文件中找不到工作簿部件（xl/workbook.xml），不是有效的 Excel 工作簿")

    def _read_workbook(self) -> None:
        self._rels_of_workbook = self._relationships(self._workbook_part)
        entries, self.date1904 = _parse_workbook(self._member(self._workbook_part))
        for name, state, rel_id in entries:
            rel = self._rels_of_workbook.get(rel_id)
            part = rel[1] if rel and rel[0].endswith(_REL_WORKSHEET) else None
            self.sheets.append(SheetInfo(name, state, part))

    def _related(self, suffix: str) -> str | None:
        for rel_type, target in self._rels_of_workbook.values():
            if rel_type.endswith(suffix) and target in self._names:
                return target
        return None

    # -- shared strings and styles ---------------------------------------------------------------

    def shared_strings(self) -> tuple[str, ...]:
        """All shared strings (rich-text runs joined, phonetic runs left out)."""
        if self._shared is None:
            part = self._related(_REL_SHARED_STRINGS)
            self._shared = _read_shared_strings(self._member(part)) if part else ()
        return self._shared

    def number_formats(self) -> tuple[str, ...]:
        """The number format class of every cell style index."""
        if self._formats is None:
            part = self._related(_REL_STYLES)
            self._formats = _read_number_formats(self._member(part)) if part else ()
        return self._formats

    # -- cells ---------------------------------------------------------------------------------

    def read_cells(self, sheet: SheetInfo, refs: Iterable[str]) -> dict[str, RawCell]:
        """The requested cells of one sheet (absent cells are BLANK)."""
        found = dict.fromkeys(refs, BLANK)
        if sheet.part is None or not found:
            return found
        data = self._sheet(sheet.part)
        raw = scan_cells(data, found)
        if raw is None:
            wanted = {split_ref(ref): ref for ref in found}
            raw = _read_sheet_cells(data, wanted, max(row for row, _ in wanted))
        if raw:
            shared = self.shared_strings() if any(c[0] == "s" for c in raw.values()) else ()
            formats = self.number_formats() if any(c[3] for c in raw.values()) else ()
            for ref, (cell_type, value, formula, style) in raw.items():
                found[ref] = _to_raw_cell(cell_type, value, formula, style, shared, formats)
        return found

    def merged_ranges(self, sheet: SheetInfo) -> list[str]:
        """The merged ranges of a sheet, such as 'B3:C4'."""
        if sheet.part is None:
            return []
        data = self._sheet(sheet.part)
        if b"mergeCell" not in data:
            return []
        start = data.find(b"</sheetData>")
        pattern = _MERGE if b":mergeCell" in data else _PLAIN_MERGE
        return [m.decode("ascii", "replace") for m in pattern.findall(data, max(start, 0))]

    def _sheet(self, part: str) -> bytes:
        if part not in self._sheet_data:
            self._sheet_data[part] = self._member(part)
        return self._sheet_data[part]


@lru_cache(maxsize=32)
def _parse_relationships(folder: str, data: bytes) -> tuple[tuple[str, tuple[str, str]], ...]:
    """(Id, (type, target member)) of each internal relationship of a part in `folder`."""
    result: list[tuple[str, tuple[str, str]]] = []
    parser = _new_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            resolved = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            result.append((attrs.get("Id", ""), (attrs.get("Type", ""), resolved)))

    parser.StartElementHandler = start
    _parse(data, parser)
    return tuple(result)


@lru_cache(maxsize=32)
def _parse_workbook(data: bytes) -> tuple[tuple[tuple[str, str, str], ...], bool]:
    """((name, state, relationship id) of each sheet, whether dates count from 1904)."""
    sheets: list[tuple[str, str, str]] = []
    date1904 = [False]
    parser = _new_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "sheet":
            rel_id = next((v for k, v in attrs.items() if _local(k) == "id"), "")
            sheets.append((attrs.get("name", ""), attrs.get("state", "visible"), rel_id))
        elif local == "workbookPr":
            date1904[0] = attrs.get("date1904", "0") in ("1", "true")

    parser.StartElementHandler = start
    _parse(data, parser)
    return tuple(sheets), date1904[0]


def _read_sheet_cells(
    data: bytes, wanted: dict[tuple[int, int], str], last_row: int
) -> dict[str, tuple[str, str, str | None, int]]:
    """Parse a worksheet up to last_row; (type, text, formula, style) of each wanted cell."""
    result: dict[str, tuple[str, str, str | None, int]] = {}
    parser = _new_parser()
    state = {"row": 0, "col": 0, "ref": None, "type": "n", "style": 0, "text": None}
    collecting: list[str] = []
    capture = {"on": False, "formula": None, "value": None, "phonetic": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "row":
            r = attrs.get("r")
            state["row"] = int(r) if r and r.isdigit() else state["row"] + 1
            state["col"] = 0
            if state["row"] > last_row:
                raise StopParsing
        elif local == "c":
            ref = attrs.get("r")
            position = None
            if ref:
                try:
                    position = split_ref(ref)
                except ValueError:
                    position = None
            if position is None:
                position = (state["row"], state["col"] + 1)
            state["row"], state["col"] = position
            key = wanted.get(position)
            state["ref"] = key
            if key is not None:
                state["type"] = attrs.get("t", "n")
                style = attrs.get("s", "0")
                state["style"] = int(style) if style.isdigit() else 0
                capture["formula"] = None
                capture["value"] = None
        elif local == "rPh":
            capture["phonetic"] += 1
        elif state["ref"] is not None and local in ("v", "f", "t") and not capture["phonetic"]:
            capture["on"] = True
            collecting.clear()

    def end(name: str) -> None:
        local = _local(name)
        if local == "rPh":
            capture["phonetic"] -= 1
            return
        key = state["ref"]
        if key is None:
            return
        if local in ("v", "f", "t") and capture["on"]:
            text = "".join(collecting)
            capture["on"] = False
            if local == "f":
                capture["formula"] = text or "="
            elif local == "v":
                capture["value"] = text
            else:  # inline string text, possibly in several runs
                capture["value"] = (capture["value"] or "") + text
        elif local == "c":
            result[key] = (state["type"], capture["value"], capture["formula"], state["style"])
            state["ref"] = None

    def chars(text: str) -> None:
        if capture["on"]:
            collecting.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    _parse(data, parser)
    return result


def _to_raw_cell(
    cell_type: str,
    value: str | None,
    formula: str | None,
    style: int,
    shared: tuple[str, ...],
    formats: tuple[str, ...],
) -> RawCell:
    number_format = formats[style] if 0 <= style < len(formats) else "general"
    if value is None or (value == "" and cell_type not in ("inlineStr", "str", "s")):
        return RawCell("blank", "", formula, number_format)
    if cell_type == "s":
        try:
            text = shared[int(value)]
        except (ValueError, IndexError):
            raise WorkbookError(
                f"单元格引用了不存在的共享字符串（编号 {value}），文件可能已损坏"
            ) from None
        return RawCell("text", text, formula, number_format)
    if cell_type in ("inlineStr", "str"):
        return RawCell("text", value, formula, number_format)
    if cell_type == "b":
        return RawCell("bool", value, formula, number_format)
    if cell_type == "e":
        return RawCell("error", value, formula, number_format)
    if cell_type == "d":
        return RawCell("date", value, formula, number_format)
    return RawCell("number", value.strip(), formula, number_format)


@lru_cache(maxsize=8)
def _read_shared_strings(data: bytes) -> tuple[str, ...]:
    strings: list[str] = []
    parser = _new_parser()
    depth_phonetic = [0]
    current: list[str] = []
    in_text = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "si":
            current.clear()
        elif local == "rPh":
            depth_phonetic[0] += 1
        elif local == "t" and not depth_phonetic[0]:
            in_text[0] = True

    def end(name: str) -> None:
        local = _local(name)
        if local == "si":
            strings.append("".join(current))
            if len(strings) > limits.MAX_SHARED_STRINGS:
                raise WorkbookError(
                    f"共享字符串超过 {limits.MAX_SHARED_STRINGS} 个，不像正常的填报工作簿，拒绝读取"
                )
        elif local == "rPh":
            depth_phonetic[0] -= 1
        elif local == "t":
            in_text[0] = False

    def chars(text: str) -> None:
        if in_text[0]:
            current.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    _parse(data, parser)
    return tuple(strings)


@lru_cache(maxsize=32)
def _read_number_formats(data: bytes) -> tuple[str, ...]:
    """The format class ('general', 'date', 'percent', 'text') of each cellXfs entry."""
    custom: dict[int, str] = {}
    classes: list[str] = []
    parser = _new_parser()
    in_cell_xfs = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        local = _local(name)
        if local == "numFmt":
            fmt_id = attrs.get("numFmtId", "")
            if fmt_id.isdigit():
                custom[int(fmt_id)] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            in_cell_xfs[0] = True
        elif local == "xf" and in_cell_xfs[0]:
            try:
                fmt_id = int(attrs.get("numFmtId", "0"))
            except ValueError:
                fmt_id = 0
            classes.append(format_class(fmt_id, custom.get(fmt_id)))

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            in_cell_xfs[0] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    _parse(data, parser)
    return tuple(classes)


def format_class(fmt_id: int, code: str | None) -> str:
    """The class of a number format, by its built-in id or its code."""
    if code is None:
        if fmt_id in _BUILTIN_DATE_FORMATS:
            return "date"
        if fmt_id in _BUILTIN_PERCENT_FORMATS:
            return "percent"
        return "text" if fmt_id == 49 else "general"
    stripped = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", code)
    if "%" in stripped:
        return "percent"
    if _DATE_CODE.search(stripped):
        return "date"
    return "text" if stripped.strip() == "@" else "general"
