"""Fuzzing the workbook reader with mutated bytes of the shipped workbooks.

Thousands of deterministic cases (GEN_REPORT_FUZZ_CASES=N runs more by hand): the zip as a
whole is damaged, or one part's XML is (re-packed, so the parsers see it rather than the CRC
check), or an .xls copy is (read in the bounded child). Every case must end as a value or as
located messages, through the checks too; a handful of folders go through the command, which
must exit 0 or 1 without a traceback.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.base.problems import Problems
from generator.check.unit import validate_unit
from generator.formats.registry import format_for_year
from generator.read.unit import read_unit
from tests.conftest import ROOT
from tests.support import libreoffice_convert

CASES = int(os.environ.get("GEN_REPORT_FUZZ_CASES", "2500"))
SEEDS = {2018: sorted((ROOT / "inputs" / "2018").glob("*.xlsx"))[:4]}
SEEDS[2025] = sorted((ROOT / "inputs" / "2025").glob("*.xlsx"))[:2]
TOKENS = [
    b'<c r="B5" t="s"><v>99999</v></c>', b'<c r="B5" t="e"><v>#N/A</v></c>', b'<c r="B4"><v>1e999</v></c>',
    b'<c r="B4" s="99999"><v>1</v></c>', b"<!DOCTYPE x>", b"&amp;", b"&#0;", b"&bogus;", b"<![CDATA[x]]>",
    b'<?xml version="1.0" encoding="GBK"?>', b'<?xml version="1.0" encoding="x-none"?>', b"\xff\xfe",
    b"<row r=\"0\">", b'<mergeCell ref="A1:XFD1048576"/>', b"<f>SUM(A1)</f>", b"\xe4\xb8", b"\x00",
    '<sheet name="依申请公开" sheetId="9" r:id="rId1"/>'.encode(), b'Target="../../../../etc/passwd"',
]  # fmt: skip


def mutate(data: bytes, rng: random.Random) -> bytes:
    """A few random damages: flips, cuts, repeats, insertions of tokens a parser must survive."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(max(1, len(data)))
        choice = rng.random()
        if choice < 0.35:
            data[where : where + 1] = bytes([rng.randrange(256)])
        elif choice < 0.55:
            del data[where : where + rng.randint(1, 400)]
        elif choice < 0.7:
            data[where:where] = data[where : where + rng.randint(1, 400)]
        else:
            data[where:where] = rng.choice(TOKENS)
    return bytes(data)


def mutate_part(data: bytes, rng: random.Random) -> bytes:
    """One part's XML damaged, the package re-packed (stored) around it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    target = rng.choice([n for n in names if n.endswith((".xml", ".rels"))])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name in names:
            body = source.read(name)
            package.writestr(name, mutate(body, rng) if name == target else body)
    return out.getvalue()


def survives(path: Path, year: int) -> None:
    spec = format_for_year(year)
    reading = read_unit(path, spec)
    assert reading.unit is not None or reading.problems
    for problem in reading.problems:
        assert problem.location is not None and problem.location.file == path.name
        assert str(problem).startswith(("[错误] ", "[警告] ", "[提示] ")) and problem.message
    if reading.unit is not None:
        validate_unit(reading.unit, spec, year, Problems(reading.problems), each=True)


@pytest.mark.parametrize("year", sorted(SEEDS))
def test_mutated_workbooks_are_read_or_named(year: int, tmp_path: Path) -> None:
    rng = random.Random(f"fuzz-{year}")
    seeds = [p.read_bytes() for p in SEEDS[year]]
    path = tmp_path / "x.xlsx"
    for _ in range(CASES // 2):
        seed = rng.choice(seeds)
        path.write_bytes(mutate_part(seed, rng) if rng.random() < 0.7 else mutate(seed, rng))
        survives(path, year)


def test_mutated_xls_files_are_read_or_named(tmp_path: Path) -> None:
    seed = libreoffice_convert(SEEDS[2018][0], "xls", tmp_path).read_bytes()
    rng = random.Random("fuzz-xls")
    path = tmp_path / "x.xls"
    for _ in range(max(20, CASES // 40)):
        path.write_bytes(mutate(seed, rng))
        survives(path, 2018)


@pytest.mark.parametrize("round_", range(4))
def test_folders_of_mutated_workbooks_through_the_command(round_: int, tmp_path: Path) -> None:
    rng = random.Random(f"fuzz-command-{round_}")
    folder = tmp_path / "2018"
    folder.mkdir()
    for path in SEEDS[2018] + sorted((ROOT / "inputs" / "2018").glob("*.xlsx"))[4:]:
        folder.joinpath(path.name).write_bytes(path.read_bytes())
    for index in range(8):
        seed = rng.choice(SEEDS[2018]).read_bytes()
        damaged = mutate_part(seed, rng) if index % 2 else mutate(seed, rng)
        folder.joinpath(f"坏{index}.xlsx").write_bytes(damaged)
    env = {k: v for k, v in os.environ.items() if k != "GEN_REPORT_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "2018", "--each", "--inputs", str(folder),
         "--out", str(tmp_path / "out")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stdout + result.stderr
    assert "程序内部错误" not in result.stderr
