"""One report per unit (--each), the same with one process or several, and progress."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.base.progress import Silent
from generator.cli.console import Console, ProgressBar
from generator.pipeline.build import build, check_inputs
from generator.pipeline.options import BuildOptions
from generator.pipeline.writing import UNITS_FOLDER
from tests.conftest import BODY_2018, BODY_LISTS_2018, ROOT, Workbooks

SHIPPED = ROOT / "inputs" / "2018"


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def each_2018(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("each")
    result = build(BuildOptions.for_year(2018, SHIPPED, out, each=True))
    assert not result.problems.blocking(), [str(p) for p in result.problems][:5]
    return out


def test_one_report_per_unit(each_2018: Path) -> None:
    units = each_2018 / UNITS_FOLDER
    reports = sorted(p.name for p in units.glob("*.docx"))
    assert len(reports) == 16 and len(list(units.glob("*.txt"))) == 16
    assert len(list(units.glob("*年度报告.html"))) == 16
    assert "株洲市财政局2018年政府信息公开工作年度报告.docx" in reports
    text = (units / "株洲市财政局2018年政府信息公开工作年度报告.txt").read_text(
        encoding="utf-8-sig"
    )
    assert text.lstrip().startswith("株洲市财政局2018年政府信息公开工作年度报告")
    assert "株洲市财政局按照全市政务公开工作要点" in text  # the unit's own narrative
    assert "共收到政府信息公开申请96件" in text  # the unit's own figures
    assert "市本级" not in text  # no breakdowns in a single unit's report
    assert text.rstrip().endswith("2019年3月15日")
    body = (units / "株洲市人民政府2018年政府信息公开工作年度报告.txt").read_text(
        encoding="utf-8-sig"
    )
    assert "共收到政府信息公开申请50件" in body


def test_the_aggregate_is_unchanged_by_each(each_2018: Path, tmp_path: Path) -> None:
    build(BuildOptions.for_year(2018, SHIPPED, tmp_path))
    plain = digests(tmp_path)
    assert {k: v for k, v in digests(each_2018).items() if not k.startswith(UNITS_FOLDER)} == plain


def test_each_requires_every_units_own_contacts(workbooks: Workbooks, tmp_path: Path) -> None:
    workbooks.standard()
    assert not check_inputs(BuildOptions.for_year(2018, workbooks.folder)).problems.blocking()
    problems = check_inputs(BuildOptions.for_year(2018, workbooks.folder, each=True)).problems
    missing = {(p.location.file, p.location.cell) for p in problems if p.code == "blank"}
    assert ("某市财政局.xlsx", "B7") in missing  # 联系机构
    assert all("--each" in p.message for p in problems if p.code == "blank")
    assert not any(p.location and p.location.file == "某市人民政府.xlsx" for p in problems)


def department(workbooks: Workbooks, name: str, file: str | None = None) -> Path:
    """A department's workbook with what its own report needs (contacts, narrative)."""
    own = {
        k: v
        for k, v in BODY_2018.items()
        if not k.startswith(("gazette", "reading", "press.leader"))
    }
    return workbooks.unit(name, "市政府工作部门", own, BODY_LISTS_2018, file=file, body=False)


def test_unit_file_names_are_safe_and_unique(workbooks: Workbooks, tmp_path: Path) -> None:
    workbooks.unit("某市人民政府", "市政府")
    department(workbooks, "../../局", file="a.xlsx")
    department(workbooks, "__..局", file="b.xlsx")
    result = build(BuildOptions.for_year(2018, workbooks.folder, tmp_path / "out", each=True))
    assert result.written, [str(p) for p in result.problems if p.severity > 0]
    names = sorted(p.name for p in (tmp_path / "out" / UNITS_FOLDER).glob("*.docx"))
    assert len(names) == 3 and len(set(names)) == 3
    assert all(
        (tmp_path / "out" / UNITS_FOLDER / n).resolve().parent
        == (tmp_path / "out" / UNITS_FOLDER).resolve()
        for n in names
    )


def test_a_rebuild_leaves_only_its_own_reports_in_the_units_folder(
    workbooks: Workbooks, tmp_path: Path
) -> None:
    workbooks.unit("某市人民政府", "市政府")
    gone = department(workbooks, "某市财政局")
    department(workbooks, "某市教育局")
    out = tmp_path / "out"
    assert build(BuildOptions.for_year(2018, workbooks.folder, out, each=True, charts=True)).written
    gone.unlink()  # the unit sends no workbook this time; no 图解 is asked for either
    assert build(BuildOptions.for_year(2018, workbooks.folder, out, each=True)).written
    names = sorted(p.name for p in (out / UNITS_FOLDER).iterdir())
    assert names == sorted(
        f"{unit}2018年政府信息公开工作年度报告{suffix}"
        for unit in ("某市人民政府", "某市教育局")
        for suffix in (".txt", ".docx", ".html", "（网站编辑器用）.html")
    )


def test_several_processes_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    from openpyxl import load_workbook

    for copy in range(3):  # 46 workbooks: enough for the work to be spread
        for path in SHIPPED.glob("*.xlsx"):
            if copy and path.name == "株洲市人民政府.xlsx":
                continue
            book = load_workbook(path)
            book["基本信息"]["B3"] = f"{book['基本信息']['B3'].value}{copy or ''}"
            book.save(folder / f"{copy}-{path.name}")
    monkeypatch.setenv("GEN_REPORT_WORKERS", "1")
    build(BuildOptions.for_year(2018, folder, tmp_path / "one", each=True))
    monkeypatch.setenv("GEN_REPORT_WORKERS", "2")
    build(BuildOptions.for_year(2018, folder, tmp_path / "two", each=True))
    one, two = digests(tmp_path / "one"), digests(tmp_path / "two")
    assert len(one) == 5 + 4 * 46 and one == two  # .txt .docx .html （网站编辑器用）.html each


def test_progress_is_drawn_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert isinstance(Console().progress(), Silent)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert isinstance(Console().progress(), ProgressBar)
    assert isinstance(Console(quiet=True).progress(), Silent)


def test_progress_bar_only_for_long_stages() -> None:
    bar = ProgressBar()
    bar.start("读取工作簿", 5)
    assert bar._bar is None
    bar.start("读取工作簿", 50)
    assert bar._bar is not None
    bar.advance()
    bar.finish()
    assert bar._bar is None


@pytest.mark.parametrize("args", [["--help"], ["20x8"], ["2018", "--nope"], []])
def test_help_and_usage_errors_do_not_load_the_heavy_libraries(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from generator.cli.main import main\n"
        f"main({args!r})\n"
        "heavy = ('openpyxl', 'docx', 'lxml', 'jinja2', 'matplotlib', 'PIL', 'selenium')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_only_a_build_with_charts_loads_matplotlib(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from generator.cli.main import main\n"
        f"main(['2018', '--quiet', '--out', {str(tmp_path / 'a')!r}])\n"
        "print('matplotlib' in sys.modules)\n"
        f"main(['2018', '--quiet', '--charts', '--out', {str(tmp_path / 'b')!r}])\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True"]
    assert not list((tmp_path / "a").glob("*图解.html"))
    assert len(list((tmp_path / "b").glob("*图解.html"))) == 1
