import pytest

from generator.base.grid import GridError
from generator.document.model import Align, Table, TableCell
from generator.document.table_grid import placed_cells
from generator.write.text_table import render_table, wrap


def sample() -> Table:
    return Table(
        header=(
            (TableCell("项目", row_span=2, align=Align.LEFT), TableCell("申请人情况", col_span=2)),
            (TableCell("自然人"), TableCell("总计")),
        ),
        rows=(
            (
                TableCell("一、本年新收政府信息公开申请数量", align=Align.LEFT),
                TableCell("705"),
                TableCell("713"),
            ),
        ),
        widths=(8, 4, 4),
    )


def test_merged_cells_are_placed() -> None:
    positions = [(p.row, p.col, p.cell.text) for p in placed_cells(sample())]
    assert positions[:4] == [(0, 0, "项目"), (0, 1, "申请人情况"), (1, 1, "自然人"), (1, 2, "总计")]


def test_gaps_and_overlaps_are_refused() -> None:
    with pytest.raises(GridError):
        placed_cells(Table(header=(), rows=((TableCell("a"),),), widths=(1, 1)))
    with pytest.raises(GridError):
        placed_cells(Table(header=(), rows=((TableCell("a", col_span=3),),), widths=(1, 1)))


def test_wrap_counts_wide_characters_twice() -> None:
    assert wrap("一二三四五", 4) == ["一二", "三四", "五"]
    assert wrap("ab一", 3) == ["ab", "一"]


def test_rendered_table_is_aligned() -> None:
    lines = render_table(sample()).splitlines()
    from generator.base.textwidth import display_width

    assert len({display_width(line) for line in lines}) == 1
    assert lines[0].startswith("+") and lines[-1].startswith("+")
    text = "\n".join(lines)
    for word in ("申请人情况", "自然人", "705", "713", "本年新收"):
        assert word in text
    # the merged header has no line between its two columns on its first row
    header_row = lines[1]
    assert header_row.count("|") == 3
