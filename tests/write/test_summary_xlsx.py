"""The office's summary workbook, written by every build."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from tests.conftest import COUNTS_2018, ROOT, Workbooks


def summary(folder: Path, out: Path):
    result = build(BuildOptions.for_year(2018, folder, out))
    assert result.written, [str(p) for p in result.problems]
    path = next(p for p in result.written if p.name.endswith("汇总表.xlsx"))
    return result, path, load_workbook(path)


def rows(sheet) -> list[tuple]:
    return [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=4)]


def test_one_row_per_unit_with_subtotals_and_total(workbooks: Workbooks, tmp_path: Path) -> None:
    workbooks.standard()
    workbooks.unit("+1+1局", "市政府工作部门", {"apply.fax": "无"})
    workbooks.unit("=1+1局", "县市区政府")
    result, path, book = summary(workbooks.folder, tmp_path)
    table = rows(book["汇总"])
    names = [r[2] for r in table]
    assert names[:2] == ["某市人民政府", "小计（市政府）"]
    assert {"+1+1局", "=1+1局", "某市财政局", "某县人民政府"} <= set(names)
    assert (
        "小计（市政府工作部门）" in names and "小计（县市区政府）" in names and names[-1] == "总计"
    )
    assert "合计（市本级）" in names
    header = [c.value for c in book["汇总"][3]]
    received = header.index("收到申请总数（件）")
    assert table[-1][received] == 5 * COUNTS_2018["apply.received"]
    assert table[-1][received] == int(result.checked.units[0].values["apply.received"].value) * 5
    # Formula-like names are stored as text.
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet_xml
    cell = next(c for row in book["汇总"].iter_rows() for c in row if c.value == "+1+1局")
    assert cell.data_type == "s"


def test_problem_list_names_every_warning(workbooks: Workbooks, tmp_path: Path) -> None:
    workbooks.standard()
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": "无"})
    _, _, book = summary(workbooks.folder, tmp_path)
    listed = [tuple(c.value for c in row) for row in book["问题清单"].iter_rows(min_row=2)]
    assert listed == [
        (
            "提示",
            None,
            None,
            None,
            f"没有上年（2017 年度）的工作簿（找不到与 {workbooks.folder.name} 并列的文件夹 2017），"
            "报告中不写同比",
        ),
        ("警告", "某市财政局.xlsx", "依申请公开", "B6", "填的是“无”，按 0 读取；没有时请直接填 0"),
    ]


def test_sources_list_every_printed_figure(tmp_path: Path) -> None:
    result, _, book = summary(ROOT / "inputs" / "2018", tmp_path)
    sheet = book["数据来源"]
    figures = list(result.document.figures())
    assert sheet.max_row - 1 == len(figures)
    received = next(
        r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "total.apply.received"
    )
    assert received[1] == "1120" and received[3] == 16
    assert "株洲市财政局.xlsx 依申请公开!B3" in received[4]


def test_summary_is_deterministic(tmp_path: Path) -> None:
    first = summary(ROOT / "inputs" / "2018", tmp_path / "a")[1].read_bytes()
    second = summary(ROOT / "inputs" / "2018", tmp_path / "b")[1].read_bytes()
    assert first == second
    assert zipfile.ZipFile(io.BytesIO(first)).testzip() is None
