"""Write outputs completely or not at all: everything goes to a temporary folder, then is renamed.

One run at a time writes to an output folder (a lock file in it, removed when the run ends);
staging folders left by a run that was killed outright are removed by the next one. Moving the
files into place is not interrupted half-way: a Ctrl+C or kill then takes effect just after.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path
from types import TracebackType

from generator.pipeline.interrupts import stop_requests_deferred
from generator.pipeline.lock import LockBusy, OutputLock

STAGING_PREFIX = ".gen-report-"
STAGING_SUFFIX = ".tmp"


class OutputError(Exception):
    """An output could not be written; the message is for the user."""


class Staging:
    """A set of files written into a staging folder and moved into place together on commit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._names: list[str] = []
        self._stale: list[str] = []
        self.lock = OutputLock(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.lock.acquire()
        except OSError as error:
            raise OutputError(f"无法创建输出文件夹 {folder}（{error.strerror or error}）") from None
        except LockBusy as error:
            raise OutputError(str(error)) from None
        try:
            with stop_requests_deferred():
                self._remove_abandoned()
                self.staging = folder / f"{STAGING_PREFIX}{secrets.token_hex(4)}{STAGING_SUFFIX}"
                self.staging.mkdir()
        except OSError as error:
            self.lock.release()
            raise OutputError(f"无法写入输出文件夹 {folder}（{error.strerror or error}）") from None
        except BaseException:
            self.lock.release()
            raise

    def _remove_abandoned(self) -> None:
        """Staging folders of runs killed outright (the lock says none is running now)."""
        for path in self.folder.glob(f"{STAGING_PREFIX}*{STAGING_SUFFIX}"):
            shutil.rmtree(path, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with stop_requests_deferred():
            shutil.rmtree(self.staging, ignore_errors=True)
            self.lock.release()

    def path(self, relative: str) -> Path:
        """Where to stage a file (its folders are created); it is listed for commit."""
        target = self.staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative not in self._names:
            self._names.append(relative)
        return target

    def write_bytes(self, relative: str, data: bytes) -> None:
        try:
            self.path(relative).write_bytes(data)
        except OSError as error:
            raise OutputError(
                f"无法写入输出文件夹 {self.folder}（{error.strerror or error}）；请检查磁盘空间和权限"
            ) from None

    def drop(self, relative: str) -> None:
        """On commit, remove an earlier run's file of this name: it would no longer match."""
        self._stale.append(relative)

    def commit(self) -> list[Path]:
        """Move every staged file into place (removing dropped ones); returns the final paths."""
        with stop_requests_deferred():
            return self._commit()

    def _commit(self) -> list[Path]:
        for relative in self._stale:
            target = self.folder / relative
            try:
                target.unlink(missing_ok=True)
                parent = target.parent
                if parent != self.folder and parent.is_dir() and not any(parent.iterdir()):
                    parent.rmdir()  # a folder of stale files only
            except OSError as error:
                raise OutputError(
                    f"无法删除过时的文件 {target}（{error.strerror or error}）"
                ) from None
        written: list[Path] = []
        for relative in self._names:
            source, target = self.staging / relative, self.folder / relative
            if not source.exists():
                continue
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
            except OSError as error:
                raise OutputError(
                    f"无法写入 {target}（{error.strerror or error}）；"
                    "如果该文件正在 Word、WPS 或 Excel 中打开，请先关闭再重新运行"
                ) from None
            written.append(target)
        return written
