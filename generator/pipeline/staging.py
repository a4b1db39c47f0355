"""Write outputs completely or not at all: everything goes to a temporary folder, then is renamed.

One run at a time writes to an output folder (a lock file in it, removed when the run ends);
staging folders left by a run that was killed outright are removed by the next one. The commit
first moves every earlier file it replaces or removes aside, then the new ones in; when any step
fails, what was done is undone, so the folder is never left half new, half old. The commit is not
interrupted half-way (a Ctrl+C or kill then takes effect just after), and not begun at all once a
stop was requested.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from generator.base.os_errors import describe
from generator.pipeline.interrupts import raise_if_stop_requested, stop_requests_deferred
from generator.pipeline.lock import LockBusy, OutputLock

STAGING_PREFIX = ".gen-report-"
STAGING_SUFFIX = ".tmp"
KEPT_SUFFIX = ".earlier"
"""A folder of earlier files that could not be put back after a failed commit: it stays."""


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
            raise OutputError(f"无法创建输出文件夹 {folder}（{describe(error)}）") from None
        except LockBusy as error:
            raise OutputError(str(error)) from None
        token = secrets.token_hex(4)
        self.staging = folder / f"{STAGING_PREFIX}{token}{STAGING_SUFFIX}"
        self._earlier = folder / f"{STAGING_PREFIX}{token}{KEPT_SUFFIX}"
        self._keep_earlier = False
        try:
            with stop_requests_deferred():
                self._remove_abandoned()
                self.staging.mkdir()
        except OSError as error:
            self.lock.release()
            raise OutputError(f"无法写入输出文件夹 {folder}（{describe(error)}）") from None
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
            if not self._keep_earlier:
                shutil.rmtree(self._earlier, ignore_errors=True)
            self.lock.release()

    def path(self, relative: str) -> Path:
        """Where to stage a file (its folders are created); it is listed for commit."""
        target = self.staging / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"无法写入输出文件夹 {self.folder}（{describe(error)}）") from None
        if relative not in self._names:
            self._names.append(relative)
        return target

    def write_bytes(self, relative: str, data: bytes) -> None:
        target = self.path(relative)
        try:
            target.write_bytes(data)
        except OSError as error:
            raise OutputError(f"无法写入输出文件夹 {self.folder}（{describe(error)}）") from None

    def drop(self, relative: str) -> None:
        """On commit, remove an earlier run's file of this name: it would no longer match (when
        a file of this name is staged too, it is replaced instead)."""
        self._stale.append(relative)

    def commit(self) -> list[Path]:
        """Move every staged file into place (removing dropped ones), all or none; returns the
        final paths. Raises KeyboardInterrupt, touching nothing, when a stop was requested."""
        with stop_requests_deferred():
            raise_if_stop_requested()
            return self._commit()

    def _commit(self) -> list[Path]:
        staged = [name for name in self._names if (self.staging / name).exists()]
        earlier = [
            name
            for name in dict.fromkeys([*self._stale, *staged])
            if os.path.lexists(self.folder / name)
        ]
        swap = _Swap(self.folder, self.staging, self._earlier)
        replaced = set(staged)
        for name in earlier:
            action = "无法替换" if name in replaced else "无法删除过时的文件"
            self._step(swap, swap.set_aside, name, action)
        for name in staged:
            self._step(swap, swap.put_in, name, "无法写入")
        swap.remove_emptied_folders()
        return [self.folder / name for name in staged]

    def _step(self, swap: _Swap, step: Callable[[str], None], name: str, action: str) -> None:
        """One step of the commit; when it fails, every step is undone and OutputError says
        which file, why, and what (if anything) could not be put back."""
        try:
            step(name)
        except OSError as error:
            message = f"{action} {self.folder / name}（{describe(error)}）；"
            lost = swap.undo()
            if lost:
                self._keep_earlier = True
                listed = "、".join(str(self.folder / n) for n in lost)
                message += f"以下文件未能恢复为运行前的样子：{listed}；运行前已有的文件保存在 {self._earlier}"
            else:
                message += (
                    "本次没有替换或删除任何文件，输出文件夹保持运行前的样子；解决后重新运行即可"
                )
            raise OutputError(message) from None


class _Swap:
    """The steps of one commit, remembered so that they can be undone."""

    def __init__(self, folder: Path, staging: Path, earlier: Path) -> None:
        self.folder, self.staging, self.earlier = folder, staging, earlier
        self.set_aside_names: list[str] = []
        self.put_in_names: list[str] = []
        self.made: list[Path] = []
        """Folders created for new files, outermost first."""

    def set_aside(self, name: str) -> None:
        """Move an earlier file out of the way (a folder of that name is never moved)."""
        target = self.folder / name
        if not os.path.lexists(target):
            return  # moved already under a name differing in case only (Windows, macOS)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        (self.earlier / name).parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, self.earlier / name)
        self.set_aside_names.append(name)

    def put_in(self, name: str) -> None:
        target = self.folder / name
        self.made.extend(p for p in reversed(target.parents) if not p.exists())
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.staging / name, target)
        self.put_in_names.append(name)

    def undo(self) -> list[str]:
        """Take the new files out and put the earlier ones back; returns the names that could
        not be restored (their earlier version stays in the folder of earlier files)."""
        lost: list[str] = []
        for name in reversed(self.put_in_names):
            try:
                (self.folder / name).unlink()
            except OSError:
                lost.append(name)
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        for name in reversed(self.set_aside_names):
            try:
                os.replace(self.earlier / name, self.folder / name)
            except OSError:
                if name not in lost:
                    lost.append(name)
        return lost

    def remove_emptied_folders(self) -> None:
        """After a commit: a folder that held only removed files goes too."""
        for name in self.set_aside_names:
            parent = (self.folder / name).parent
            if parent != self.folder and parent.is_dir() and not any(parent.iterdir()):
                with contextlib.suppress(OSError):
                    parent.rmdir()
