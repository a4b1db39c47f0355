"""Uploaded files saved into a job's folder under names of our own making.

A file's name from the browser is only ever a suggestion: its last part is taken (old browsers
send the whole path), made safe (no folders, no “..”, nothing Windows refuses) and kept unique. A
.zip is unpacked, after the same pre-flight the workbook reader applies to every package, one
member at a time and never more than the limits allow.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import IO, Protocol

from generator.base import limits
from generator.base.filenames import safe_filename
from generator.base.problems import Location, Problems
from generator.base.zip_checks import check_member, check_members, check_zip_directory
from generator.read.xlsx import WORKBOOK, WorkbookError

_CHUNK = 1024 * 1024
_SKIPPED_MEMBERS = re.compile(r"(^|/)(__MACOSX|\.)|(^|/)~\$|(^|/)(thumbs\.db|desktop\.ini)$", re.I)
"""What zip tools add beside the files: macOS resource forks, hidden and lock files."""


class Upload(Protocol):
    """One uploaded file as the web framework hands it over."""

    filename: str | None
    stream: IO[bytes]


class Saved:
    """The files saved into one folder, and what went wrong with the others."""

    def __init__(self, folder: Path, problems: Problems) -> None:
        self.folder = folder
        self.problems = problems
        self.files: list[Path] = []
        self._used: set[str] = set()

    def name_for(self, suggested: str) -> str:
        """A safe, unused name in the folder for a file the browser or a zip calls `suggested`."""
        safe = PurePath(safe_filename(re.split(r"[\\/]", suggested)[-1]))
        stem, suffix = safe.stem, safe.suffix
        name, number = safe.name, 1
        while name.lower() in self._used:
            number += 1
            name = f"{stem}（{number}）{suffix}"
        self._used.add(name.lower())
        return name

    def room(self, what: str) -> bool:
        """Whether one more file may be saved; says so when not."""
        if len(self.files) < limits.MAX_UPLOAD_FILES:
            return True
        self.problems.error(
            "too-many-files",
            f"上传的文件超过 {limits.MAX_UPLOAD_FILES} 个，{what}及其后的文件未读取；请分批上传",
        )
        return False

    def write(self, name: str, source: IO[bytes], most: int) -> bool:
        """Copy at most `most` bytes; False (and nothing kept) when there is more."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / name
        copied = 0
        with target.open("xb") as out:
            while chunk := source.read(_CHUNK):
                copied += len(chunk)
                if copied > most:
                    break
                out.write(chunk)
        if copied > most:
            target.unlink()
            return False
        self.files.append(target)
        return True


def save_uploads(uploads: Iterable[Upload], folder: Path, problems: Problems) -> list[Path]:
    """Save every uploaded file into `folder` (a .zip: the files in it); problems with the files
    themselves (a damaged or hostile .zip, too many files) are added to `problems`. The folder
    is made only when a file is saved into it."""
    saved = Saved(folder, problems)
    for upload in uploads:
        suggested = (upload.filename or "").strip()
        if not suggested:
            continue  # a file field left empty
        if not saved.room(f"“{suggested}”"):
            break
        if suggested.lower().endswith(".zip"):
            _unpack(upload.stream, saved.name_for(suggested), saved)
        else:
            saved.write(saved.name_for(suggested), upload.stream, limits.MAX_UPLOAD_BYTES)
    return saved.files


def _unpack(stream: IO[bytes], name: str, saved: Saved) -> None:
    where = Location(name)
    try:
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(max(0, size - 65_557 - 22))
        check_zip_directory(stream.read(), WORKBOOK)
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            check_members(archive, WORKBOOK)
            for info in archive.infolist():
                member = _member_name(info)
                if info.is_dir() or _SKIPPED_MEMBERS.search(member):
                    continue
                if not saved.room(f"压缩包中的“{member}”"):
                    return
                check_member(info, f"压缩包中的“{member}”", WORKBOOK)
                with archive.open(info) as source:
                    if not saved.write(saved.name_for(member), source, limits.MAX_FILE_BYTES):
                        saved.problems.error(
                            "member-too-large",
                            f"压缩包中的“{member}”超过 {limits.MAX_FILE_BYTES // 2**20} MB，"
                            "不像填报表或报告，未读取",
                            where,
                        )
    except WorkbookError as error:
        saved.problems.error("bad-zip", f"压缩包未能解开：{error}", where)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError):
        saved.problems.error(
            "bad-zip", "压缩包已损坏或格式不受支持，请重新压缩（.zip 格式）后上传", where
        )


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author saw it: zip tools on Chinese Windows write names in GBK
    without saying so, and zipfile then reads them as CP437."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename
