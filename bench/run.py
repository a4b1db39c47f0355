"""Benchmark: python bench/run.py [N]  (N unit workbooks, default 1000; run by hand, not in CI).

Generates N unit workbooks through the fill-in workbook code (cached in bench/.cache), then
measures in one run, each command in a fresh process as a user runs it:

  - gen-report --check on the N workbooks (read + validate), and its peak memory;
  - the aggregate build (text + Word + summary) on the shipped inputs/2018, as a whole command;
  - --each on 200 of the workbooks;
  - gen-report --help;
  - --audit of one Word report and of a folder of 100;
and, in this process, the naive ways for comparison: openpyxl load_workbook (default and
read-only) of every workbook, python-calamine when installed, and python-docx with its default
handling (default template, fonts set on every run, tables merged cell by cell).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.fillin.examples import example_workbooks  # noqa: E402
from generator.fillin.workbook import fill_form, new_form  # noqa: E402
from generator.formats.registry import format_for_year  # noqa: E402
from generator.read.xlsx import split_ref  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
YEAR = 2018
RUNS = 3
CHILD = [sys.executable, str(ROOT / "bench" / "child.py")]


def unit_values(name: str) -> dict:
    """A department's values, as in the shipped example (same figures for every copy)."""
    import tomllib

    data = tomllib.loads((ROOT / "tools" / "examples" / "2018.toml").read_text(encoding="utf-8"))
    department = next(u for u in data["units"] if u["level"] == "市政府工作部门")
    values = dict(zip(data["columns"], department["counts"], strict=True))
    values.update(
        {
            k: (v.replace("{name}", name) if isinstance(v, str) else v)
            for k, v in data["unit_defaults"].items()
            if not isinstance(v, list)
        }
    )
    lists = {
        k: [(h or None, t.replace("{name}", name)) for h, t in v]
        for k, v in data["unit_defaults"].items()
        if isinstance(v, list)
    }
    return {"values": values, "lists": lists}


def make_unit(index: int) -> tuple[str, bytes]:
    spec = format_for_year(YEAR)
    name = f"株洲市第{index:04d}局"
    data = unit_values(name)
    form = new_form(spec, name, "市政府工作部门", YEAR)
    return f"{name}.xlsx", fill_form(form, spec, data["values"], data["lists"])


def workbooks(count: int) -> Path:
    """N unit workbooks plus the reporting body, made once and kept in bench/.cache."""
    folder = CACHE / f"{count}" / str(YEAR)
    if folder.is_dir() and len(list(folder.glob("*.xlsx"))) == count + 1:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    body = example_workbooks(ROOT / "tools" / "examples" / f"{YEAR}.toml")["株洲市人民政府.xlsx"]
    (folder / "株洲市人民政府.xlsx").write_bytes(body)
    started = time.perf_counter()
    with ProcessPoolExecutor() as pool:
        for name, data in pool.map(make_unit, range(1, count + 1), chunksize=20):
            (folder / name).write_bytes(data)
    print(
        f"generated {count} workbooks through the fill-in form code in {time.perf_counter() - started:.1f} s"
    )
    return folder


def command(args: list[str], workers: str = "") -> tuple[float, float, int]:
    """(median wall seconds, peak MiB of the process and its workers, exit status) over RUNS."""
    times, peaks, status = [], [], 0
    # as on an office PC: bytecode cached (some shells set PYTHONDONTWRITEBYTECODE)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if workers:
        environment["GEN_REPORT_WORKERS"] = workers
    for _ in range(RUNS):
        started = time.perf_counter()
        result = subprocess.run(
            [*CHILD, *args], capture_output=True, text=True, cwd=ROOT, env=environment
        )
        times.append(time.perf_counter() - started)
        status = result.returncode
        report = json.loads(result.stderr.strip().splitlines()[-1])
        peaks.append(report["peak_mib"])
    return statistics.median(times), max(peaks), status


AUDITED = 100


def audit_inputs() -> tuple[Path, Path]:
    """The shipped 2025 report as a Word file, and a folder of AUDITED copies of it."""
    folder = CACHE / f"audit-{AUDITED}"
    report = CACHE / "audit-report" / "沭阳县人民政府2025年政府信息公开工作年度报告.docx"
    if not report.exists():
        command(["2025", "--quiet", "--out", str(report.parent)])
    if len(list(folder.glob("*.docx"))) != AUDITED:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for index in range(AUDITED):
            shutil.copy(report, folder / f"部门{index:03d}.docx")
    return report, folder


def naive_openpyxl(folder: Path, read_only: bool) -> float:
    """Seconds to load every workbook with openpyxl and fetch the form's cells (one process)."""
    import openpyxl

    spec = format_for_year(YEAR)
    refs = [(f.sheet, f.ref) for f in spec.fields.values() if f.ref]
    started = time.perf_counter()
    for path in sorted(folder.glob("*.xlsx")):
        book = openpyxl.load_workbook(path, read_only=read_only, data_only=True)
        if read_only:
            for sheet in {s for s, _ in refs}:
                rows = list(book[sheet].iter_rows(values_only=True))
                for s, ref in refs:
                    if s == sheet:
                        row, col = split_ref(ref)
                        _ = (
                            rows[row - 1][col - 1]
                            if row <= len(rows) and col <= len(rows[row - 1])
                            else None
                        )
        else:
            for sheet, ref in refs:
                _ = book[sheet][ref].value
        book.close()
    return time.perf_counter() - started


def calamine(folder: Path) -> float | None:
    """Seconds for python-calamine to read every sheet of every workbook (None if not installed)."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    started = time.perf_counter()
    for path in sorted(folder.glob("*.xlsx")):
        book = CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()
    return time.perf_counter() - started


def naive_docx(count: int) -> tuple[float, float]:
    """(seconds per report with python-docx's default handling, with the project's writer)."""
    import docx
    from docx.oxml.ns import qn

    from generator.document.model import Paragraph, Table
    from generator.document.report import report_document
    from generator.document.table_grid import placed_cells
    from generator.pipeline.build import check_inputs
    from generator.pipeline.options import BuildOptions
    from generator.write.docx import render_docx

    checked = check_inputs(BuildOptions.for_year(2025, ROOT / "inputs" / "2025"))
    spec = checked.options.spec
    documents = [report_document([u], u, spec, 2025, aggregate=False) for u in checked.units]
    documents = (documents * (count // len(documents) + 1))[:count]

    started = time.perf_counter()
    for document in documents:
        word = docx.Document()
        for block in document.blocks:
            if isinstance(block, Table):
                table = word.add_table(rows=len(block.header) + len(block.rows), cols=block.columns)
                table.style = "Table Grid"
                for placed in placed_cells(block):
                    cell = table.cell(placed.row, placed.col)
                    if placed.cell.row_span > 1 or placed.cell.col_span > 1:
                        cell = cell.merge(
                            table.cell(
                                placed.row + placed.cell.row_span - 1,
                                placed.col + placed.cell.col_span - 1,
                            )
                        )
                    cell.text = placed.cell.text
                continue
            paragraph = word.add_paragraph()
            for run in block.runs:
                r = paragraph.add_run(run.text)
                r.font.name = "Times New Roman"
                r._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
        word.save(io.BytesIO())
    naive = (time.perf_counter() - started) / count

    started = time.perf_counter()
    for document in documents:
        render_docx(document, spec.reference_path)
    ours = (time.perf_counter() - started) / count
    assert isinstance(documents[0].blocks[0], Paragraph)
    return naive, ours


def main(count: int) -> None:
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    folder = workbooks(count)
    files = count + 1

    check_s, check_mib, status = command([str(YEAR), "--check", "--quiet", "--inputs", str(folder)])
    assert status == 0, "the generated workbooks must pass --check"
    check_one_s, _, _ = command(
        [str(YEAR), "--check", "--quiet", "--inputs", str(folder)], workers="1"
    )
    build_s, build_mib, _ = command([str(YEAR), "--quiet", "--out", str(CACHE / "out-aggregate")])
    each_folder = CACHE / "each-200" / str(YEAR)
    if not each_folder.is_dir():
        each_folder.mkdir(parents=True)
        for path in sorted(folder.glob("*.xlsx"))[:200]:
            shutil.copy(path, each_folder / path.name)
    each_s, each_mib, _ = command(
        [
            str(YEAR),
            "--each",
            "--quiet",
            "--inputs",
            str(each_folder),
            "--out",
            str(CACHE / "out-each"),
        ]
    )
    aggregate_only_s, _, _ = command(
        [
            str(YEAR),
            "--quiet",
            "--inputs",
            str(each_folder),
            "--out",
            str(CACHE / "out-each-aggregate"),
        ]
    )
    help_s, help_mib, _ = command(["--help"])
    report, reports = audit_inputs()
    audit_s, audit_mib, _ = command(
        ["--audit", str(report), "--quiet", "--out", str(CACHE / "audit-1-out")]
    )
    audit_folder_s, audit_folder_mib, _ = command(
        ["--audit", str(reports), "--quiet", "--out", str(CACHE / "audit-100-out")]
    )

    openpyxl_s = naive_openpyxl(folder, read_only=False)
    openpyxl_ro_s = naive_openpyxl(folder, read_only=True)
    calamine_s = calamine(folder)
    naive_docx_s, our_docx_s = naive_docx(50)

    units_each = len(list(each_folder.glob("*.xlsx")))
    per_unit_each = (each_s - aggregate_only_s) / units_each
    rows = [
        (
            "read + validate, whole command",
            f"{check_s:.2f} s for {files} workbooks",
            f"{check_s / files * 1000:.2f} ms/workbook",
            "≤ 1.5 s; ≤ 1 ms/workbook",
        ),
        (
            "  the same, one process",
            f"{check_one_s:.2f} s",
            f"{check_one_s / files * 1000:.2f} ms/workbook",
            "",
        ),
        ("  peak memory", f"{check_mib:.0f} MiB", "", "≤ 100 MiB"),
        (
            "naive openpyxl load_workbook",
            f"{openpyxl_s:.2f} s",
            f"{openpyxl_s / files * 1000:.2f} ms/workbook",
            f"ratio {openpyxl_s / check_s:.1f}× (≥ 7×)",
        ),
        (
            "openpyxl read-only",
            f"{openpyxl_ro_s:.2f} s",
            f"{openpyxl_ro_s / files * 1000:.2f} ms/workbook",
            f"ratio {openpyxl_ro_s / check_s:.1f}×",
        ),
    ]
    if calamine_s is not None:
        rows.append(
            (
                "python-calamine (reading only)",
                f"{calamine_s:.2f} s",
                f"{calamine_s / files * 1000:.2f} ms/workbook",
                "",
            )
        )
    rows += [
        ("aggregate build, shipped 2018", f"{build_s:.2f} s", f"{build_mib:.0f} MiB", "≤ 0.3 s"),
        (
            f"--each, {units_each} units",
            f"{each_s:.2f} s",
            f"{per_unit_each * 1000:.1f} ms/unit beyond the aggregate",
            "≤ 20 ms/unit",
        ),
        ("  peak memory", f"{each_mib:.0f} MiB", "", ""),
        ("gen-report --help", f"{help_s:.3f} s", f"{help_mib:.0f} MiB", "≤ 0.15 s"),
        (
            "--audit one Word report, whole command",
            f"{audit_s:.2f} s",
            f"{audit_mib:.0f} MiB",
            "≤ 0.3 s",
        ),
        (
            f"--audit a folder of {AUDITED} reports",
            f"{audit_folder_s:.2f} s",
            f"{audit_folder_mib:.0f} MiB",
            "≤ 10 s",
        ),
        (
            "Word report, python-docx default handling",
            f"{naive_docx_s * 1000:.0f} ms/report",
            "",
            "",
        ),
        (
            "Word report, gen-report's writer",
            f"{our_docx_s * 1000:.0f} ms/report",
            f"ratio {naive_docx_s / our_docx_s:.1f}×",
            "",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, *values in rows:
        print(f"{name:<{width}}  " + "  ".join(f"{v:<28}" for v in values))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
