"""Benchmark: python bench/legacy.py  (run by hand, not in CI; needs LibreOffice).

The shipped inputs/2018 saved as .xls by LibreOffice, then read the two ways considered for
.xls/.et/.ods inputs: gen-report --check on them (python-calamine in a child process per file),
and LibreOffice converting them back to .xlsx (one run for all, and one run for a single file).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.write.pdf import find_soffice  # noqa: E402

RUNS = 3


def soffice(profile: Path, target: str, out: Path, files: list[Path]) -> None:
    subprocess.run(
        [find_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", target, "--outdir", str(out), *map(str, files)],
        capture_output=True, check=True,
    )  # fmt: skip


def seconds(action) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work_path = Path(work)
        profile, xls = work_path / "profile", work_path / "2018"
        sources = sorted((ROOT / "inputs" / "2018").glob("*.xlsx"))
        soffice(profile, "xls", xls, sources)
        copies = sorted(xls.glob("*.xls"))

        def check(folder: Path) -> None:
            subprocess.run(
                [sys.executable, "-m", "generator", "2018", "--check", "--inputs", str(folder),
                 "--out", str(work_path / "out")],
                cwd=ROOT, capture_output=True, check=True,
            )  # fmt: skip

        print(f"{len(copies)} workbooks, median of {RUNS} runs")
        print(
            f"  gen-report --check, .xlsx originals:        {seconds(lambda: check(ROOT / 'inputs' / '2018')):.2f} s"
        )
        print(f"  gen-report --check, .xls via calamine:      {seconds(lambda: check(xls)):.2f} s")
        back = work_path / "back"
        print(
            f"  LibreOffice .xls → .xlsx, all in one run:   {seconds(lambda: soffice(profile, 'xlsx', back, copies)):.2f} s"
        )
        print(
            f"  LibreOffice .xls → .xlsx, one file:         {seconds(lambda: soffice(profile, 'xlsx', back, copies[:1])):.2f} s"
        )


if __name__ == "__main__":
    main()
