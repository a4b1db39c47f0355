"""Helpers for tests that look at files the way their users' programs do."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from openpyxl import load_workbook

from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
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


SIX_PARTS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
"""The six part headings of the table formats (2019 试行 and 2021 national)."""


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


def docx_tables(path: Path) -> list[etree._Element]:
    """The tables of a Word file, in document order."""
    document = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return document.findall(f".//{W}tbl")


def spans(row: etree._Element) -> list[tuple[str, str | None, str | None]]:
    """(text, columns spanned, vertical merge) of each cell of a Word table row."""
    result = []
    for tc in row.findall(f"{W}tc"):
        text = "".join(tc.itertext())
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        merge = tc.find(f"{W}tcPr/{W}vMerge")
        result.append(
            (
                text,
                span.get(f"{W}val") if span is not None else None,
                (merge.get(f"{W}val") or "continue") if merge is not None else None,
            )
        )
    return result


def fill_by_labels(path: Path, figures: dict, zeros: tuple[str, ...] = ()) -> None:
    """Fill a fresh form the way a person would: find each row and column by its printed label.

    `figures` are a published report's tables (tools/examples/*.json); a cell printed blank is
    typed as 0. `zeros` are 文字材料 items, by label, typed as 0 (such as 信息处理费).
    """
    book = load_workbook(path)

    def find(sheet, text):
        return next(c for row in sheet.iter_rows() for c in row if c.value == text)

    def typed(value):
        return 0 if value == "" else value

    apply = book["依申请公开"]
    header = [c for row in apply.iter_rows(min_row=2, max_row=4) for c in row]
    for key, row_values in figures["收到和处理政府信息公开申请情况"].items():
        row = find(apply, key.split("/")[-1]).row
        for name, value in row_values.items():
            if name != "总计":
                column = next(c for c in header if c.value == name).column
                apply.cell(row, column).value = typed(value)
    active = book["主动公开"]
    for caption, group in figures["第二十条"].items():
        if not caption.startswith("第二十条"):
            continue  # notes on the labels
        for label, value in group.items():
            row = find(active, label).row
            for offset, number in enumerate(value if isinstance(value, list) else [value]):
                active.cell(row, 2 + offset).value = typed(number)
    appeal = book["复议诉讼"]
    groups = [("行政复议", 0), ("行政诉讼/未经复议直接起诉", 5), ("行政诉讼/复议后起诉", 10)]
    for group, offset in groups:
        for index, name in enumerate(("结果维持", "结果纠正", "其他结果", "尚未审结")):
            value = figures["行政复议、行政诉讼"][group][name]
            appeal.cell(5, 1 + offset + index).value = typed(value)
    basics = book["基本信息"]
    for ref, value in zip(
        ("B7", "B8", "B9", "B10", "B11", "B12", "B13", "B14", "B15"),
        (
            "办公室",
            "某路1号",
            "000000",
            "0000-0000000",
            "a@b.cn",
            "某网",
            "www.x.cn",
            "某县人民政府",
            "2026年1月20日",
        ),
        strict=True,
    ):
        basics[ref] = value
    text = book["文字材料"]
    for row in range(4, text.max_row + 1):
        if text.cell(row, 1).value == "第1段" and text.cell(row, 3).protection.locked is False:
            text.cell(row, 3).value = "本年度工作情况。"
    for label in zeros:
        text["C" + str(next(c.row for c in text["A"] if c.value == label))] = 0
    book.save(path)
