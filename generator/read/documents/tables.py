"""Find a format's statistical tables in a document by their official labels, and read them.

Each table is found by its column headers and row labels, never by its position: a grid's rows
are split into header rows and data rows; a run of data rows takes its columns from the header
rows just above it (stacked tables and tables split across pages both work); a data row is the
format's row whose label it carries. The result is the same located values a workbook gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.base.numbers import format_decimal
from generator.base.problems import Location, Problems
from generator.formats.spec import Field, FormatSpec
from generator.formats.tables import TableSpec
from generator.read.documents.labels import Match, match
from generator.read.documents.model import Cell, Grid, ReportText
from generator.read.names import normalized
from generator.read.unit import Located, UnitData

PLACEHOLDERS = frozenset({"", "/", "／", "—", "——", "-", "－", "–", "无", "\\"})
_NUMBER = re.compile(r"^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:件|条|项|个|元|万元|次)?$")


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(normalized(text)))


@dataclass(frozen=True)
class _Run:
    """Consecutive data rows of a grid, and the header ranges above them."""

    grid: Grid
    rows: tuple[int, ...]
    headers: tuple[tuple[int, int, tuple[str, ...]], ...]  # (first col, last col, header path)


def read_tables(document: ReportText, spec: FormatSpec, problems: Problems) -> UnitData:
    """The format's table fields found in the document, as a unit's values."""
    unit = UnitData(document.file)
    runs = list(_runs(document.grids))
    found = Problems()
    for table in spec.tables.values():
        _read_table(document.file, table, spec, runs, unit, found)
    if len(unit.unreadable) == len([f for f in spec.fields if f.split(".")[0] in spec.tables]):
        problems.error(
            "no-tables",
            "报告中找不到任何统计表（第二十条、收到和处理申请、行政复议行政诉讼）；只核查了文字部分",
            Location(document.file),
        )
    else:
        problems.extend(found)
    return unit


def _runs(grids: list[Grid]) -> Iterator[_Run]:
    previous: tuple[tuple[int, int, tuple[str, ...]], ...] = ()
    previous_width = -1
    for grid in grids:
        kinds = [_is_data(grid, r) for r in range(grid.height)]
        r = 0
        while r < grid.height:
            if not kinds[r]:
                r += 1
                continue
            start = r
            while r < grid.height and kinds[r]:
                r += 1
            header_top = start
            while header_top > 0 and not kinds[header_top - 1]:
                header_top -= 1
            headers = _header_ranges(grid, header_top, start)
            if not headers and grid.width == previous_width:
                headers = previous  # the rest of a table continued on the next page
            previous, previous_width = headers, grid.width
            yield _Run(grid, tuple(range(start, r)), headers)


def _is_data(grid: Grid, row: int) -> bool:
    """A data row: label cells, then numbers or blanks only (a row left all blank counts)."""
    texts = grid.row_texts(row)
    first = next((i for i, t in enumerate(texts) if is_number(t)), None)
    if first is None:
        labels = [t for t in texts if normalized(t) not in PLACEHOLDERS]
        last_label = max(
            (i for i, t in enumerate(texts) if normalized(t) not in PLACEHOLDERS), default=-1
        )
        return bool(labels) and last_label < len(texts) - 1 and len(set(labels)) <= 3
    return all(is_number(t) or normalized(t) in PLACEHOLDERS for t in texts[first:])


def _header_ranges(
    grid: Grid, top: int, bottom: int
) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """For each run of columns with the same header texts above them: (first, last, texts)."""
    paths = []
    for col in range(grid.width):
        path: list[str] = []
        for row in range(top, bottom):
            cell = grid.at(row, col)
            if cell is not None and cell.text and (not path or path[-1] != cell.text):
                path.append(cell.text)
        paths.append(tuple(path))
    ranges = []
    col = 0
    while col < grid.width:
        end = col
        while (
            end + 1 < grid.width
            and paths[end + 1] == paths[col]
            and _same_lowest(grid, top, bottom, col, end + 1)
        ):
            end += 1
        if paths[col]:
            ranges.append((col, end, paths[col]))
        col = end + 1
    return tuple(ranges)


def _same_lowest(grid: Grid, top: int, bottom: int, a: int, b: int) -> bool:
    """Whether two columns sit under the same lowest header cell."""
    for row in range(bottom - 1, top - 1, -1):
        cell_a, cell_b = grid.at(row, a), grid.at(row, b)
        if cell_a is not None and cell_a.text:
            return cell_a is cell_b
    return True


def _column_paths(table: TableSpec) -> list[tuple[str, ...]]:
    return [tuple(table.column_header(c)[2].split("·")) for c in range(len(table.columns))]


def _matches_column(spec_path: tuple[str, ...], printed: tuple[str, ...]) -> Match:
    """The lowest header must match; every higher one must be among the printed ones."""
    if not printed:
        return Match.NONE
    lowest = match(printed[-1], spec_path[-1])
    if lowest is Match.NONE:
        return Match.NONE
    for part in spec_path[:-1]:
        if not any(match(p, part) for p in printed[:-1]):
            return Match.NONE
    return lowest


def _read_table(
    file: str,
    table: TableSpec,
    spec: FormatSpec,
    runs: list[_Run],
    unit: UnitData,
    problems: Problems,
) -> None:
    paths = _column_paths(table)
    title = table_title(table, spec)
    found_rows: set[int] = set()
    variants: dict[str, str] = {}
    any_run = False
    for run in runs:
        columns = {}
        for index, path in enumerate(paths):
            for first, last, printed in run.headers:
                quality = _matches_column(path, printed)
                if quality:
                    columns[index] = (first, last)
                    if quality is Match.VARIANT:
                        variants[printed[-1]] = path[-1]
                    break
        if len(columns) < max(1, (len(paths) + 1) // 2):
            continue
        data_start = min(first for first, _ in columns.values())
        for row in run.rows:
            index = _row_for(table, run.grid, row, data_start, found_rows, variants)
            if index is None:
                continue
            any_run = True
            found_rows.add(index)
            for c, (first, last) in columns.items():
                cell = _data_cell(run.grid, row, first, last)
                item = spec.field(f"{table.id}.{table.rows[index].key}.{table.columns[c].key}")
                label = table.rows[index].labels[-1] if table.rows[index].labels else ""
                where = f"{row_place(title, label)}“{table.column_name(c)}”列"
                _put(unit, item, cell.text if cell else "", Location(file, place=where), problems)
    where = Location(file, place=f"“{title}”表")
    if not any_run:
        problems.error("table-missing", f"找不到“{title}”表格（按表头和行标签查找）", where)
        unit.unreadable.update(
            f.id for f in spec.fields.values() if f.id.startswith(table.id + ".")
        )
        return
    for index, row in enumerate(table.rows):
        if index not in found_rows and row.labels:
            problems.error("row-missing", f"表格中找不到“{row.labels[-1]}”一行", where)
            unit.unreadable.update(f"{table.id}.{row.key}.{c.key}" for c in table.columns)
    for printed, official in variants.items():
        problems.warning(
            "label-variant", f"标签“{printed}”与官方格式不一致，应为“{official}”", where
        )


def row_place(title: str, label: str) -> str:
    """“收到和处理政府信息公开申请情况”表“（一）予以公开”行."""
    return f"“{title}”表" + (f"“{label}”行" if label else "")


def _row_for(
    table: TableSpec,
    grid: Grid,
    row: int,
    data_start: int,
    found: set[int],
    variants: dict[str, str],
) -> int | None:
    """The index of the format's row this data row is, by its label (or the only unlabelled row)."""
    labels = []
    for col in range(data_start):
        cell = grid.at(row, col)
        if cell is not None and cell.text and (not labels or labels[-1] != cell.text):
            labels.append(cell.text)
    if not any(r.labels for r in table.rows):
        return 0 if 0 not in found else None
    if not labels:
        return None
    best: tuple[Match, int] | None = None
    for index, spec_row in enumerate(table.rows):
        if index in found or not spec_row.labels:
            continue
        quality = match(labels[-1], spec_row.labels[-1])
        if quality and len(spec_row.labels) > 1 and len(labels) > 1:
            parents_fit = any(match(labels[0], p) for p in spec_row.labels[:-1])
            quality = quality if parents_fit else Match.NONE
        if quality and (best is None or quality > best[0]):
            best = (quality, index)
    if best is None:
        return None
    if best[0] is Match.VARIANT:
        variants[labels[-1]] = table.rows[best[1]].labels[-1]
    return best[1]


def _data_cell(grid: Grid, row: int, first: int, last: int) -> Cell | None:
    """The data cell under a header range: the one starting inside it, else the one covering it."""
    for col in range(first, last + 1):
        cell = grid.at(row, col)
        if cell is not None and cell.col == col:
            return cell
    return grid.at(row, first)


def _put(unit: UnitData, item: Field, text: str, where: Location, problems: Problems) -> None:
    """A cell's value: a number, or None for a blank (reported by the blank check)."""
    cleaned = normalized(text)
    if cleaned in PLACEHOLDERS:
        unit.values[item.id] = Located(None, where)
        return
    found = _NUMBER.match(cleaned)
    if not found:
        problems.error("not-a-number", f"应为数字，表格中是“{text[:20]}”", where)
        unit.unreadable.add(item.id)
        return
    sign, digits, decimals = found.groups()
    try:
        number = Decimal(digits.replace(",", "") + (decimals or ""))
    except InvalidOperation:
        unit.unreadable.add(item.id)
        return
    if sign in ("-", "−"):
        number = -number
    if number < 0 and not item.kind.signed:
        problems.error("negative", f"应为不小于 0 的数，表格中是 {format_decimal(number)}", where)
    if item.kind.whole and number != number.to_integral_value():
        problems.error("not-whole", f"应为整数，表格中是 {format_decimal(number)}", where)
        unit.unreadable.add(item.id)
        return
    unit.values[item.id] = Located(int(number) if item.kind.whole else number, where)


def table_title(table: TableSpec, spec: FormatSpec) -> str:
    """What the report calls a table: its caption row (第二十条第（一）项), else its part's title."""
    caption = next((s for s in table.header_spans if s.row == 0 and s.cols == table.width), None)
    if caption is not None and len(caption.text) <= 20:
        return caption.text
    sheet = next(s for s in spec.sheets if s.name == table.sheet)
    return re.sub(r"^[一二三四五六七八九十]+、", "", sheet.title)
