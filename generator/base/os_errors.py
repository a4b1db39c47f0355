"""Why a file operation failed, in words for the user (the operating system's own text is in
English, or in the system's language)."""

from __future__ import annotations

import errno

IN_USE = "文件正在被其他程序（如 Word、WPS、Excel）使用"
"""Windows refuses to replace or remove a file another program holds open."""

_WINDOWS_IN_USE = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION

_BY_NUMBER = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘空间不足（超出配额）",
    errno.EROFS: "磁盘是只读的",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.ENOENT: "文件或文件夹不存在",
}

_BY_KIND: tuple[tuple[type[OSError], str], ...] = (
    (IsADirectoryError, "同一位置有一个同名的文件夹"),
    (NotADirectoryError, "路径中的某个文件夹是一个同名的文件"),
    (FileExistsError, "同一位置已有同名的文件或文件夹"),
    (PermissionError, "没有写入权限"),
)


def describe(error: OSError) -> str:
    """The reason of a failed file operation, in Chinese; uncommon ones keep the system's text."""
    if getattr(error, "winerror", None) in _WINDOWS_IN_USE:
        return IN_USE
    for kind, text in _BY_KIND:
        if isinstance(error, kind):
            return text
    if error.errno in _BY_NUMBER:
        return _BY_NUMBER[error.errno]
    return f"系统错误：{error.strerror or error}"
