"""PDF through LibreOffice, when it is installed (a private profile per run; the result is checked)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from generator.write.registry import ConversionError

TIMEOUT_SECONDS = 300
_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_MAC_PLACE = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


class PdfError(ConversionError):
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


def convert(sources: list[Path], filter_name: str = "MS Word 2007 XML") -> list[Path]:
    """Convert documents to PDFs beside them (one LibreOffice run per folder); returns the PDFs."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "未找到 LibreOffice，无法生成 PDF。请安装 LibreOffice（https://zh-cn.libreoffice.org），"
            "或用 Word/WPS 打开 .docx 后“另存为 PDF”"
        )
    by_folder: dict[Path, list[Path]] = {}
    for source in sources:
        by_folder.setdefault(source.parent, []).append(source)
    profile = tempfile.mkdtemp(prefix="gen-report-lo-")
    try:
        for folder, files in by_folder.items():
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
                str(folder),
                *map(str, files),
            ]
            try:
                _run_alone(command, TIMEOUT_SECONDS + 2 * len(files), Path(profile) / "tmp")
            except subprocess.TimeoutExpired:
                raise PdfError("LibreOffice 没有在限定时间内完成转换，未生成 PDF") from None
            except OSError as error:
                raise PdfError(
                    f"无法运行 LibreOffice（{error.strerror or error}），未生成 PDF"
                ) from None
    finally:
        _remove_even_if_interrupted(Path(profile))
    targets = [source.with_suffix(".pdf") for source in sources]
    # LibreOffice exits 0 even when it could not convert: only the files tell.
    failed = [t for t in targets if not _is_pdf(t)]
    if failed:
        raise PdfError(
            f"LibreOffice 没有生成 {failed[0].name}（转换失败），请用 Word/WPS 打开 .docx 后“另存为 PDF”"
        )
    return targets


def _run_alone(command: list[str], timeout: float, scratch: Path) -> None:
    """Run LibreOffice in a process group of its own; on a timeout or an interruption (Ctrl+C,
    a kill) the whole group (soffice and the office process it starts) is killed and waited for,
    so none is left running. Ctrl+C in the terminal reaches only this program, which does that.

    Its temporary files go to `scratch` (inside the private profile, removed after), so a killed
    LibreOffice leaves none in the system's temporary folder."""
    scratch.mkdir(exist_ok=True)
    environment = {**os.environ, "TMPDIR": str(scratch), "TMP": str(scratch), "TEMP": str(scratch)}
    if os.name == "nt":
        options: dict = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    else:
        options = {"start_new_session": True}
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
        **options,
    )
    try:
        process.wait(timeout=timeout)
    except BaseException:
        if os.name == "nt":
            process.kill()
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        _wait_for_group(process.pid)
        raise


def _remove_even_if_interrupted(folder: Path) -> None:
    """Remove a folder of our own; a stop request (Ctrl+C, a kill) arriving half-way does not
    leave the rest behind: the removal is finished, then the interruption goes on."""
    interrupted: KeyboardInterrupt | None = None
    while folder.exists():
        try:
            shutil.rmtree(folder, ignore_errors=True)
        except KeyboardInterrupt as stop:
            interrupted = stop
        else:
            break
    if interrupted is not None:
        raise interrupted


def _wait_for_group(group: int, seconds: float = 10) -> None:
    """Until every process of the group has ended: the office process (not the one waited for)
    may still be finishing a write into the profile, which is removed next."""
    if os.name == "nt":
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.02)


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False
