"""Problem lists to send back, the unit list, and what a blocked build leaves in place."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.pipeline.build import build, check
from generator.pipeline.options import BuildOptions
from tests.conftest import ROOT, Workbooks

SHIPPED = ROOT / "inputs" / "2018"


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def letter(out: Path, unit: str) -> str:
    raw = (out / "问题清单" / f"{unit}.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    return raw.decode("utf-8-sig").replace("\r\n", "\n")


def rows(out: Path) -> list[tuple]:
    sheet = load_workbook(out / "问题清单.xlsx").active
    assert sheet.auto_filter.ref == f"A1:G{sheet.max_row}"
    return [tuple(c or "" for c in r) for r in sheet.iter_rows(values_only=True)]


def test_a_blocked_build_writes_the_lists_and_keeps_the_last_report(
    workbooks: Workbooks, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    workbooks.standard()
    assert build(BuildOptions.for_year(2018, workbooks.folder, out)).written
    before = tree(out)
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": "一", "active.news": "无"})
    result = build(BuildOptions.for_year(2018, workbooks.folder, out))
    assert result.document is None
    after = tree(out)
    assert {k: v for k, v in after.items() if not k.startswith("问题清单")} == before
    assert rows(out) == [
        ("单位", "文件", "工作表", "单元格", "标签", "说明", "级别"),
        ("某市财政局", "某市财政局.xlsx", "主动公开", "B10", "资讯信息",
         "填的是“无”，按 0 读取；没有时请直接填 0", "警告"),
        ("某市财政局", "某市财政局.xlsx", "依申请公开", "B6", "传真申请",
         "请用阿拉伯数字填写，“一”不能自动识别", "错误"),
    ]  # fmt: skip
    text = letter(out, "某市财政局")
    assert text.startswith("某市财政局：\n\n\u3000\u3000经检查，你单位报送的2018年度")
    assert "（某市财政局.xlsx）" in text
    assert (
        "一、必须改正的错误（共 1 项）\n1. 工作表“依申请公开”B6 单元格（传真申请）：请用阿拉伯数字"
        in text
    )
    assert (
        "二、请核实的警告（共 1 项；如确实无误，可不修改）\n1. 工作表“主动公开”B10 单元格" in text
    )
    assert sorted(p.name for p in (out / "问题清单").iterdir()) == ["某市财政局.txt"]


def test_lists_follow_the_problems_and_go_when_they_are_fixed(
    workbooks: Workbooks, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    workbooks.standard()
    workbooks.unit("某县人民政府", "县市区政府", {"apply.fax": None})
    workbooks.unit("某市财政局", "市政府工作部门", {"apply.fax": None})
    check(BuildOptions.for_year(2018, workbooks.folder, out))
    assert sorted(p.name for p in (out / "问题清单").iterdir()) == [
        "某县人民政府.txt",
        "某市财政局.txt",
    ]
    workbooks.unit("某市财政局", "市政府工作部门")
    check(BuildOptions.for_year(2018, workbooks.folder, out))
    assert sorted(p.name for p in (out / "问题清单").iterdir()) == ["某县人民政府.txt"]
    workbooks.unit("某县人民政府", "县市区政府")
    result = build(BuildOptions.for_year(2018, workbooks.folder, out))
    assert result.written
    assert not (out / "问题清单").exists() and not (out / "问题清单.xlsx").exists()


def test_a_clean_check_writes_nothing(tmp_path: Path) -> None:
    result = check(BuildOptions.for_year(2018, SHIPPED, tmp_path / "out"))
    assert result.written == [] and not (tmp_path / "out").exists()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GEN_REPORT_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_check_with_a_broken_workbook_writes_the_lists_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "2018"
    shutil.copytree(SHIPPED, folder)
    book = load_workbook(folder / "株洲市财政局.xlsx")
    book["依申请公开"]["B13"] = book["依申请公开"]["B13"].value + 1
    book.save(folder / "株洲市财政局.xlsx")
    (folder / "坏的.xlsx").write_bytes(b"PK\x03\x04" + bytes(100))
    out = tmp_path / "out"
    result = run("2018", "--check", "--inputs", str(folder), "--out", str(out))
    assert result.returncode == 1
    assert f"问题清单已写入 {out / '问题清单.xlsx'}" in result.stdout
    assert "2 个单位各一份，可直接转发给相应单位" in result.stdout
    assert "工作表“依申请公开”B10 单元格（已答复）" in letter(out, "株洲市财政局")
    assert "文件已损坏" in letter(out, "坏的.xlsx")


def unit_list(tmp_path: Path, extra: list[str]) -> Path:
    names = [p.stem for p in sorted(SHIPPED.glob("*.xlsx"))]
    path = tmp_path / "单位清单.txt"
    path.write_text("\n".join(f"{n}, 县市区政府" for n in names + extra) + "\n", encoding="utf-8")
    return path


def test_the_unit_list_names_the_unit_still_missing(tmp_path: Path) -> None:
    listing = unit_list(tmp_path, ["株洲市教育局"])
    out = tmp_path / "out"
    result = run(
        "2018", "--check", "--inputs", str(SHIPPED), "--out", str(out), "--units", str(listing)
    )
    assert result.returncode == 0, result.stdout + result.stderr  # a warning: the check passes
    missing = [line for line in result.stdout.splitlines() if "还没有提交工作簿" in line]
    assert missing == [
        "[警告] 单位清单.txt：第 17 行的“株洲市教育局”还没有提交工作簿（本年度的输入文件夹中没有该单位的工作簿）"
    ]
    assert rows(out)[1][:2] == ("株洲市教育局", "单位清单.txt")
    assert "本办尚未收到你单位的2018年度政府信息公开工作情况填报表" in letter(out, "株洲市教育局")


def test_workbooks_of_units_not_on_the_list(tmp_path: Path) -> None:
    listing = unit_list(tmp_path, [])
    listing.write_text(
        listing.read_text(encoding="utf-8").replace("攸县人民政府, ", "攸 县, "), encoding="utf-8"
    )
    built = build(BuildOptions.for_year(2018, SHIPPED, tmp_path / "out", unit_list=listing))
    found = sorted((p.code, str(p.location)) for p in built.problems if p.severity > 0)
    assert found == [("not-listed", "攸县人民政府.xlsx"), ("not-submitted", "单位清单.txt")]
    assert built.written  # warnings do not stop the report
    # The list is the office's: 攸县 gets no letter for it, the unit not found gets a reminder.
    assert sorted(built.letters) == ["攸 县"]
    assert rows(tmp_path / "out")[2][:2] == ("攸县人民政府", "攸县人民政府.xlsx")


def test_a_wrong_year_is_one_problem_for_the_office_and_no_letters(tmp_path: Path) -> None:
    built = check(BuildOptions.for_year(2025, SHIPPED, tmp_path / "out"))
    [problem] = [p for p in built.problems if p.severity > 0]
    assert (problem.code, problem.location, problem.office) == ("other-format", None, True)
    assert problem.message.startswith("本年度的输入文件夹中的 16 个工作簿都是 2018 年度的填报表（")
    assert built.letters == {}


def test_one_unit_sending_another_years_form_is_told_in_its_letter(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    shutil.copytree(ROOT / "inputs" / "2025", folder)
    shutil.copy(SHIPPED / "株洲市财政局.xlsx", folder)
    built = check(BuildOptions.for_year(2025, folder, tmp_path / "out"))
    [problem] = [p for p in built.problems if p.severity > 0]
    assert (problem.code, str(problem.location)) == ("other-format", "株洲市财政局.xlsx")
    assert "这是 2018 年度的填报表" in letter(tmp_path / "out", "株洲市财政局.xlsx")


def test_a_unit_list_that_cannot_be_read_is_a_usage_error(tmp_path: Path) -> None:
    result = run("2018", "--check", "--units", str(tmp_path / "无此清单.txt"))
    assert result.returncode == 2 and "无法读取单位清单" in result.stderr


@pytest.mark.parametrize("option", ["--unit", "--deadline"])
def test_init_only_options_are_still_refused(option: str) -> None:
    result = run("2018", "--check", option, "x")
    assert result.returncode == 2 and "只能与 --init 一起使用" in result.stderr
