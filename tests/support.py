"""Helpers for tests that look at files the way their users' programs do."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

VALIDATOR = ROOT / "tools" / "ooxml" / "node_modules" / ".bin" / "ooxml-validate"


def ooxml_errors(path: Path) -> list[dict]:
    """Schema errors the Open XML SDK validator finds (tools/install-test-deps.sh installs it)."""
    assert VALIDATOR.exists(), "run sh tools/install-test-deps.sh"
    result = subprocess.run(
        [str(VALIDATOR), "--of", "json", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(text, xMin, yMin, xMax, yMax) of every word on a page, in points from the top left."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = (
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    return [
        (w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, html)
    ]


def page_size(pdf: Path, page: int) -> tuple[float, float]:
    info = subprocess.run(
        ["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(rf"Page\s+{page} size:\s+([\d.]+) x ([\d.]+)", info)
    return float(match.group(1)), float(match.group(2))


def libreoffice_convert(source: Path, target: str, folder: Path) -> Path:
    """The file as LibreOffice (headless, a private profile) saves it in `target` format."""
    converted = libreoffice_convert_all([source], target, folder)
    assert len(converted) == 1, "LibreOffice did not convert the file"
    return converted[0]


def libreoffice_convert_all(sources: list[Path], target: str, folder: Path) -> list[Path]:
    """The files as LibreOffice saves them in `target` format (one run), in folder/converted."""
    from generator.write.pdf import find_soffice

    soffice = find_soffice()
    assert soffice, "run sh tools/install-test-deps.sh"
    out = folder / "converted"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    converted = sorted(out.iterdir()) if out.is_dir() else []
    assert len(converted) == len(sources), "LibreOffice did not convert every file"
    return converted


def assert_headings_in_order(text: str, headings: list[str]) -> None:
    """Each heading is a paragraph of the text report, and they come in this order."""
    positions = [text.index("\u3000\u3000" + heading + "\n") for heading in headings]
    assert positions == sorted(positions)


def rewrite(
    data: bytes, changes: dict[str, Callable[[bytes], bytes]], extra: dict[str, bytes] | None = None
) -> bytes:
    """A copy of a zip package with some members transformed and others added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, changes.get(name, lambda b: b)(source.read(name)))
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()
