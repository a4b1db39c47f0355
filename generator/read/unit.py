"""Read one unit's workbook: check the file, find its sheets, check labels, read the form's cells."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator import limits
from generator.formats.spec import Field, FormatSpec, Kind, Sheet
from generator.problems import Location, Problem, Problems, Severity
from generator.read import cells
from generator.read.names import normalized
from generator.read.opening import open_workbook
from generator.read.xlsx import RawCell, SheetInfo, WorkbookError, XlsxWorkbook, split_ref

LABEL_SEARCH_MARGIN = 30
"""How many rows below a sheet's last item the reader looks for labels that have moved."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A value read from the workbook and where it came from."""

    value: cells.Value
    location: Location


@dataclass(frozen=True, slots=True)
class ListRow:
    """One paragraph row of a list: an optional run-in heading and the paragraph text."""

    heading: str | None
    text: str | None
    location: Location


@dataclass
class UnitData:
    """Everything read from one unit's workbook."""

    file: str
    values: dict[str, Cell] = field(default_factory=dict)
    lists: dict[str, list[ListRow]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)
    """Fields that could not be read (already reported), so they are not also called blank."""

    def value(self, field_id: str) -> cells.Value:
        cell = self.values.get(field_id)
        return cell.value if cell else None

    @property
    def name(self) -> str:
        return str(self.value("unit.name") or Path(self.file).stem)

    @property
    def level(self) -> str | None:
        level = self.value("unit.level")
        return str(level) if level else None


@dataclass
class UnitReading:
    """The outcome of reading one file: its data (if it could be read at all) and its problems."""

    unit: UnitData | None
    problems: list[Problem]


def read_unit(path: Path, spec: FormatSpec, display_name: str | None = None) -> UnitReading:
    """Read one workbook file; never raises for anything the file contains."""
    name = display_name or path.name
    problems = Problems()
    try:
        book = open_workbook(path)
        unit = _read_book(book, spec, name, problems)
    except WorkbookError as error:
        problems.error(error.code, str(error), Location(name))
        return UnitReading(None, problems.items)
    except RecursionError:
        problems.error("bad-workbook", "文件内部结构异常（嵌套过深），无法读取", Location(name))
        return UnitReading(None, problems.items)
    return UnitReading(unit, problems.items)


def _read_book(book: XlsxWorkbook, spec: FormatSpec, name: str, problems: Problems) -> UnitData:
    unit = UnitData(name)
    for sheet in spec.sheets:
        info = _find_sheet(book, sheet.name, name, problems)
        if info is not None:
            _read_sheet(book, info, sheet, unit, problems)
    return unit


def _find_sheet(book: XlsxWorkbook, wanted: str, file: str, problems: Problems) -> SheetInfo | None:
    where = Location(file)
    exact = [s for s in book.sheets if s.name == wanted]
    similar = [
        s for s in book.sheets if s.name != wanted and normalized(s.name) == normalized(wanted)
    ]
    copies = [
        s
        for s in book.sheets
        if s not in exact and s not in similar and normalized(s.name).startswith(normalized(wanted))
    ]
    if exact:
        found = exact[0]
    elif len(similar) == 1:
        found = similar[0]
        problems.warning(
            "sheet-renamed",
            f"工作表“{found.name}”的名称与表式中的“{wanted}”不完全一致（空格或繁简字），已按“{wanted}”读取",
            where,
        )
    else:
        hint = (
            f"；工作簿中有“{copies[0].name}”，如数据填在其中，请把它改名为“{wanted}”"
            if copies
            else ""
        )
        others = "、".join(f"“{s.name}”" for s in book.sheets[:8])
        problems.error(
            "sheet-missing",
            f"找不到工作表“{wanted}”（工作簿中的工作表：{others or '无'}）{hint}",
            where,
        )
        return None
    for copy in copies:
        problems.warning(
            "sheet-copy",
            f"工作簿中还有工作表“{copy.name}”，未读取；本工具只读取“{wanted}”，请确认数据填在其中",
            where,
        )
    if found.state != "visible":
        problems.warning("sheet-hidden", f"工作表“{found.name}”被隐藏了，仍按正常工作表读取", where)
    return found


def _read_sheet(
    book: XlsxWorkbook, info: SheetInfo, sheet: Sheet, unit: UnitData, problems: Problems
) -> None:
    location = Location(unit.file, info.name)
    search = [
        f"{column}{row}"
        for column in sheet.label_columns
        for row in range(1, sheet.last_row + LABEL_SEARCH_MARGIN + 1)
    ]
    wanted = set(search)
    for item in sheet.fields:
        wanted.update(ref for ref, _ in item.labels)
        wanted.update(_value_refs(item))
    raw = book.read_cells(info, wanted)
    labels = _Labels(raw, search, location, problems)
    merged = _merged_rectangles(book.merged_ranges(info))
    for item in sheet.fields:
        if item.kind is Kind.HEADING:
            continue
        if not labels.hold(item) or _merged_over_input(item, merged, location, problems):
            unit.unreadable.add(item.id)
            continue
        errors_before = problems.count(Severity.ERROR)
        if item.kind is Kind.LIST:
            unit.lists[item.id] = _read_list(item, raw, location, problems)
        else:
            cell = _read_value(item, raw[item.ref], location.at(item.ref), book, problems)
            unit.values[item.id] = cell
        if problems.count(Severity.ERROR) > errors_before:
            unit.unreadable.add(item.id)


def _value_refs(item: Field) -> Iterable[str]:
    if item.kind is Kind.HEADING:
        return ()
    if item.kind is Kind.LIST:
        return [ref for pair in item.list_refs() for ref in pair if ref]
    return (item.ref,)


def _label_text(raw: RawCell) -> str:
    return normalized(raw.value) if raw.kind in ("text", "number") else ""


class _Labels:
    """Checks that labels are where the form puts them; each label cell is judged once."""

    def __init__(
        self, raw: dict[str, RawCell], search: list[str], location: Location, problems: Problems
    ) -> None:
        self.raw = raw
        self.texts = {ref: _label_text(raw[ref]) for ref in search}
        self.location = location
        self.problems = problems
        self.verdicts: dict[str, bool] = {}

    def hold(self, item: Field) -> bool:
        return all(self._check(ref, expected) for ref, expected in item.labels)

    def _check(self, ref: str, expected: str) -> bool:
        if ref not in self.verdicts:
            self.verdicts[ref] = self._judge(ref, expected)
        return self.verdicts[ref]

    def _judge(self, ref: str, expected: str) -> bool:
        found = _label_text(self.raw[ref])
        wanted = normalized(expected)
        if found == wanted:
            return True
        column = ref.rstrip("0123456789")
        moved_to = sorted(
            (r for r, text in self.texts.items() if text == wanted),
            key=lambda r: (r.rstrip("0123456789") != column, len(r), r),
        )
        where = f"现在在 {moved_to[0]}" if moved_to else "在表格中找不到"
        shown_found = cells.shown(self.raw[ref].value) if found else "空白"
        self.problems.error(
            "label-moved",
            f"这里的标签应为“{expected}”，实际是{shown_found}；“{expected}”{where}。"
            "表格可能插入或删除了行、或标签被改动，为避免读错行，此项未读取；请使用原表格填写",
            self.location.at(ref),
        )
        return False


def _merged_rectangles(ranges: list[str]) -> list[tuple[int, int, int, int, str]]:
    """(first row, first column, last row, last column, range) of each merged range."""
    if len(ranges) > limits.MAX_MERGED_RANGES:
        raise WorkbookError(
            f"工作表中有 {len(ranges)} 个合并单元格区域，超过上限 {limits.MAX_MERGED_RANGES}，不像正常的填报表"
        )
    rectangles = []
    for merged in ranges:
        first, _, last = merged.partition(":")
        try:
            (r1, c1), (r2, c2) = split_ref(first), split_ref(last or first)
        except ValueError:
            continue
        rectangles.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2), merged))
    return rectangles


def _merged_over_input(
    item: Field,
    merged: list[tuple[int, int, int, int, str]],
    location: Location,
    problems: Problems,
) -> bool:
    for ref in _value_refs(item):
        row, col = split_ref(ref)
        span = next(
            (m for r1, c1, r2, c2, m in merged if r1 <= row <= r2 and c1 <= col <= c2), None
        )
        if span:
            problems.error(
                "merged-input",
                f"填写单元格所在区域 {span} 被合并了，无法确定数值属于哪一项；请取消合并后重新填写",
                location.at(ref),
            )
            return True
    return False


def _read_list(
    item: Field, raw: dict[str, RawCell], location: Location, problems: Problems
) -> list[ListRow]:
    rows: list[ListRow] = []
    for heading_ref, text_ref in item.list_refs():
        heading = None
        if heading_ref:
            heading = _reported(
                cells.read_text(raw[heading_ref], limits.MAX_SHORT_TEXT_CHARS),
                location.at(heading_ref),
                problems,
            )
        text = _reported(
            cells.read_text(raw[text_ref], limits.MAX_TEXT_CHARS, multiline=True),
            location.at(text_ref),
            problems,
        )
        if heading or text:
            rows.append(ListRow(heading, text, location.at(text_ref)))
    return rows


def _read_value(
    item: Field, raw: RawCell, where: Location, book: XlsxWorkbook, problems: Problems
) -> Cell:
    if item.kind in (Kind.COUNT, Kind.TOTAL):
        reading = cells.read_count(raw, item.unit)
    elif item.kind is Kind.AMOUNT:
        reading = cells.read_count(raw, item.unit, decimals=True)
    elif item.kind is Kind.YEAR:
        reading = cells.read_count(raw, item.unit)
    elif item.kind is Kind.DATE:
        reading = cells.read_date(raw, book.date1904)
    elif item.kind is Kind.PARAGRAPH:
        reading = cells.read_text(raw, limits.MAX_TEXT_CHARS, multiline=True)
    else:
        reading = cells.read_text(raw, limits.MAX_SHORT_TEXT_CHARS)
    if item.kind is Kind.TOTAL and reading.issues:
        # A total is recomputed from its parts; a saved result that cannot be read is ignored.
        reading = cells.Reading()
    return Cell(_reported(reading, where, problems), where)


def _reported(reading: cells.Reading, where: Location, problems: Problems) -> cells.Value:
    for severity, code, message in reading.issues:
        problems.add(Severity(severity), code, message, where)
    return reading.value
