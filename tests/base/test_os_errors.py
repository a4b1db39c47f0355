import errno
import os

import pytest

from generator.base.os_errors import IN_USE, describe


def windows_error(winerror: int) -> OSError:
    """A PermissionError as Windows raises it (the attribute exists only there)."""
    error = PermissionError(errno.EACCES, "The process cannot access the file")
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (windows_error(32), IN_USE),  # a file Word or WPS holds open
        (windows_error(33), IN_USE),  # a file Excel has locked a part of
        (windows_error(5), "没有写入权限"),
        (PermissionError(errno.EACCES, "Permission denied"), "没有写入权限"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "同一位置有一个同名的文件夹"),
        (
            NotADirectoryError(errno.ENOTDIR, "Not a directory"),
            "路径中的某个文件夹是一个同名的文件",
        ),
        (FileExistsError(errno.EEXIST, "File exists"), "同一位置已有同名的文件或文件夹"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
        (OSError(errno.EROFS, "Read-only file system"), "磁盘是只读的"),
    ],
)
def test_common_failures_are_said_in_chinese(error: OSError, reason: str) -> None:
    assert describe(error) == reason


def test_an_uncommon_failure_keeps_the_systems_words() -> None:
    error = OSError(errno.EIO, os.strerror(errno.EIO))
    assert describe(error) == f"系统错误：{os.strerror(errno.EIO)}"
