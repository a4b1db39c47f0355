"""PDF through LibreOffice, when it is installed (a private profile per run; the result is checked)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 300
_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_PLACE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


class PdfError(Exception):
    """The PDF could not be made; the message is for the user."""


def find_soffice() -> str | None:
    """LibreOffice's soffice: GEN_REPORT_SOFFICE, the PATH, or its usual install places."""
    configured = os.environ.get("GEN_REPORT_SOFFICE")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in (*_WINDOWS_PLACES, _MAC_PLACE) if Path(p).exists()), None)


def convert(source: Path, target_folder: Path, filter_name: str = "MS Word 2007 XML") -> Path:
    """Convert a document to PDF in target_folder; returns the PDF's path."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "未找到 LibreOffice，无法生成 PDF。请安装 LibreOffice（https://zh-cn.libreoffice.org），"
            "或用 Word/WPS 打开 .docx 后“另存为 PDF”"
        )
    target = target_folder / (source.stem + ".pdf")
    with tempfile.TemporaryDirectory(prefix="gen-report-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"--infilter={filter_name}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target_folder),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"LibreOffice 在 {TIMEOUT_SECONDS} 秒内没有完成转换，未生成 PDF"
            ) from None
        except OSError as error:
            raise PdfError(
                f"无法运行 LibreOffice（{error.strerror or error}），未生成 PDF"
            ) from None
    # LibreOffice exits 0 even when it could not convert: only the file tells.
    if not target.exists() or target.stat().st_size == 0 or not target.read_bytes()[:5] == b"%PDF-":
        raise PdfError(
            "LibreOffice 没有生成 PDF（转换失败），请用 Word/WPS 打开 .docx 后“另存为 PDF”"
        )
    return target
