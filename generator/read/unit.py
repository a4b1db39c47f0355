"""Read one unit's workbook: check the file, find its sheets, check labels, read the form's cells."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from generator.base import limits
from generator.base.a1 import ref_column, split_ref
from generator.base.problems import Location, Problem, Problems, Severity
from generator.formats.kinds import Reads
from generator.formats.registry import FormatUnavailable, format_for_year
from generator.formats.spec import Field, FormatSpec, SheetSpec
from generator.read import cells
from generator.read.names import normalized
from generator.read.opening import Workbook, open_workbook
from generator.read.xlsx import BLANK, RawCell, SheetInfo, WorkbookError

LABEL_SEARCH_MARGIN = 30
"""How many rows below a sheet's last item the reader looks for labels that have moved."""
OTHER_FORMAT = "other-format"
THIS_FILE_IS = "这是 "
"""How the message of another format's form starts (the rest says what form it is)."""


class Located(NamedTuple):
    """A value read from the workbook and where it came from (a tuple: see Location)."""

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
    values: dict[str, Located] = field(default_factory=dict)
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
    other = _form_of_another_format(unit, spec, problems)
    if other is not None:
        return UnitReading(None, [Problem(Severity.ERROR, OTHER_FORMAT, other, Location(name))])
    return UnitReading(unit, problems.items)


def _form_of_another_format(unit: UnitData, spec: FormatSpec, problems: Problems) -> str | None:
    """Why the workbook is another format's form (its stated year is that format's, and its
    sheets or labels are not this one's), in one message instead of one per misplaced label."""
    stated = unit.value("unit.year")
    if not isinstance(stated, int) or spec.first_year <= stated <= spec.last_year:
        return None
    if not any(p.code in ("sheet-missing", "label-moved") for p in problems):
        return None
    try:
        other = format_for_year(stated)
    except FormatUnavailable:
        return None
    return THIS_FILE_IS + _ANOTHER_FORMAT.format(year=stated, other=other.name, this=spec.name)


_ANOTHER_FORMAT = (
    "{year} 年度的填报表（{other}），与本次报告所用的表格（{this}）不同，未读取。请核对报告年度；"
    "如确是本次年度的报告，请在本年度的空白填报表中重新填写后提交"
)


def _read_book(book: Workbook, spec: FormatSpec, name: str, problems: Problems) -> UnitData:
    unit = UnitData(name)
    for sheet in spec.sheets:
        info = _find_sheet(book, sheet.name, name, problems)
        if info is not None:
            _read_sheet(book, info, sheet, unit, problems)
    return unit


def _find_sheet(book: Workbook, wanted: str, file: str, problems: Problems) -> SheetInfo | None:
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
    book: Workbook, info: SheetInfo, sheet: SheetSpec, unit: UnitData, problems: Problems
) -> None:
    location = Location(unit.file, info.name)
    raw = book.read_cells(info, sheet.cells_to_read)
    labels = _Labels(book, info, sheet, raw, location, problems)
    merged = _merged_inputs(book.merged_ranges(info), sheet)
    for item in sheet.fields:
        if not item.kind.has_value:
            continue
        if not labels.hold(item) or _merged_over_input(item, merged, location, problems):
            unit.unreadable.add(item.id)
            continue
        before = len(problems)
        if item.kind.reads is Reads.LIST:
            unit.lists[item.id] = _read_list(item, raw, location, problems)
        else:
            cell = _read_value(item, raw[item.ref], location.at(item.ref), book, problems)
            unit.values[item.id] = cell
        if any(p.severity is Severity.ERROR for p in problems.items[before:]):
            unit.unreadable.add(item.id)


def _label_text(raw: RawCell) -> str:
    return normalized(raw.value) if raw.kind in ("text", "number") else ""


class _Labels:
    """Checks that labels are where the form puts them; each label cell is judged once.

    When a label is not where it belongs, the sheet's label columns are searched to say where it
    went (read only then: a correct workbook costs nothing extra).
    """

    def __init__(
        self,
        book: Workbook,
        info: SheetInfo,
        sheet: SheetSpec,
        raw: dict[str, RawCell],
        location: Location,
        problems: Problems,
    ) -> None:
        self.book, self.info, self.sheet = book, info, sheet
        self.raw = raw
        self.location = location
        self.problems = problems
        self.verdicts: dict[str, bool] = {}
        self._texts: dict[str, str] | None = None

    def hold(self, item: Field) -> bool:
        return all(self._check(ref, expected) for ref, expected in item.labels)

    def _check(self, ref: str, expected: str) -> bool:
        if ref not in self.verdicts:
            self.verdicts[ref] = self._judge(ref, expected)
        return self.verdicts[ref]

    def _judge(self, ref: str, expected: str) -> bool:
        raw = self.raw[ref]
        if raw.kind == "text" and raw.value == expected:
            return True
        found = _label_text(raw)
        wanted = normalized(expected)
        if found == wanted:
            return True
        column = ref_column(ref)
        moved_to = sorted(
            (r for r, text in self._search().items() if text == wanted),
            key=lambda r: (ref_column(r) != column, len(r), r),
        )
        where = f"现在在 {moved_to[0]}" if moved_to else "在表格中找不到"
        shown_found = cells.shown(raw.value) if found else "空白"
        self.problems.error(
            "label-moved",
            f"这里的标签应为“{expected}”，实际是{shown_found}；“{expected}”{where}。"
            "表格可能插入或删除了行、或标签被改动，为避免读错行，此项未读取；请使用原表格填写",
            self.location.at(ref),
        )
        return False

    def _search(self) -> dict[str, str]:
        """The normalized text of every cell in the sheet's label columns."""
        if self._texts is None:
            refs = [
                f"{column}{row}"
                for column in self.sheet.label_columns
                for row in range(1, self.sheet.last_row + LABEL_SEARCH_MARGIN + 1)
            ]
            found = self.book.read_cells(self.info, refs)
            self._texts = {ref: _label_text(cell) for ref, cell in found.items()}
        return self._texts


def _merged_inputs(ranges: list[str], sheet: SheetSpec) -> dict[str, str]:
    """Input cells of the sheet that lie inside a merged range: cell → the range."""
    if len(ranges) > limits.MAX_MERGED_RANGES:
        raise WorkbookError(
            f"工作表中有 {len(ranges)} 个合并单元格区域，超过上限 {limits.MAX_MERGED_RANGES}，不像正常的填报表"
        )
    covered: dict[str, str] = {}
    inputs = sheet.inputs_by_row
    for merged in ranges:
        first, _, last = merged.partition(":")
        try:
            (r1, c1), (r2, c2) = split_ref(first), split_ref(last or first)
        except ValueError:
            continue
        for row in range(max(1, min(r1, r2)), min(max(r1, r2), sheet.last_row) + 1):
            for column, ref in inputs.get(row, ()):
                if min(c1, c2) <= column <= max(c1, c2):
                    covered.setdefault(ref, merged)
    return covered


def _merged_over_input(
    item: Field, merged: dict[str, str], location: Location, problems: Problems
) -> bool:
    if not merged:
        return False
    for ref in item.value_refs:
        if ref in merged:
            problems.error(
                "merged-input",
                f"填写单元格所在区域 {merged[ref]} 被合并了，无法确定数值属于哪一项；请取消合并后重新填写",
                location.at(ref),
            )
            return True
    return False


def _read_list(
    item: Field, raw: dict[str, RawCell], location: Location, problems: Problems
) -> list[ListRow]:
    rows: list[ListRow] = []
    for heading_ref, text_ref in item.list_refs():
        if raw[text_ref] is BLANK and (heading_ref is None or raw[heading_ref] is BLANK):
            continue
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
    item: Field, raw: RawCell, where: Location, book: Workbook, problems: Problems
) -> Located:
    reading = cells.read_cell(raw, item.kind, item.unit, book.date1904)
    if item.kind.computed and reading.issues:
        # A total is recomputed from its parts; a saved result that cannot be read is ignored.
        reading = cells.Reading()
    return Located(_reported(reading, where, problems), where)


def _reported(reading: cells.Reading, where: Location, problems: Problems) -> cells.Value:
    for severity, code, message in reading.issues:
        problems.add(Severity(severity), code, message, where)
    return reading.value
