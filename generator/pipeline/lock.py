"""One run at a time per output folder: a lock file the operating system releases when its
holder ends, however it ends (so a killed run never blocks the next one)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from generator.base import limits

LOCK_NAME = ".gen-report.lock"
POLL_SECONDS = 0.2


class LockBusy(Exception):
    """Another run holds the output folder; the message is for the user."""


def _try_lock(descriptor: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class OutputLock:
    """The lock of an output folder: acquire() waits for it (limits.OUTPUT_LOCK_SECONDS at
    most), release() removes it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._descriptor: int | None = None

    def acquire(self, wait: float | None = None) -> None:
        deadline = time.monotonic() + (limits.OUTPUT_LOCK_SECONDS if wait is None else wait)
        while True:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if _try_lock(descriptor) and self._still_ours(descriptor):
                os.ftruncate(descriptor, 0)
                os.write(descriptor, str(os.getpid()).encode())
                self._descriptor = descriptor
                return
            holder = self._holder(descriptor)
            os.close(descriptor)
            if time.monotonic() >= deadline:
                who = f"（进程 {holder}）" if holder else ""
                raise LockBusy(
                    f"另一个 gen-report{who}正在向输出文件夹 {self.path.parent} 写入文件；"
                    "为免两次运行的文件混在一起，本次没有写入任何文件。请等它结束后再运行"
                )
            time.sleep(POLL_SECONDS)

    def _still_ours(self, descriptor: int) -> bool:
        """Whether the locked file is still the one at the path (a holder may have removed it)."""
        try:
            return os.path.samestat(os.fstat(descriptor), os.stat(self.path))
        except OSError:
            return False

    def _holder(self, descriptor: int) -> str:
        try:
            return os.pread(descriptor, 20, 0).decode("ascii", "replace").strip()
        except (OSError, AttributeError):
            return ""

    def release(self) -> None:
        if self._descriptor is None:
            return
        with contextlib.suppress(OSError):  # Windows cannot remove an open file: it is taken over
            self.path.unlink(missing_ok=True)  # while still held: the next run makes a new one
        os.close(self._descriptor)
        self._descriptor = None
