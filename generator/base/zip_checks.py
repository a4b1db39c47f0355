"""A zip package (a workbook, a Word file, an upload) checked before any part is unpacked.

The declared sizes are checked against base/limits.py, so a zip bomb is refused before a byte of
it is inflated; the messages name what is checked (a workbook, a report file).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from generator.base import limits

DAMAGED = "文件已损坏（压缩结构不完整，可能传输中断），请重新保存后提交"


@dataclass(frozen=True)
class PackageKind:
    """What kind of package is checked, as the messages name it, and the error they raise."""

    name: str
    """What the file is: 工作簿, 报告文件."""
    usual: str
    """What a normal one is, in “远超…的正常大小”: 填报表, 年度报告."""
    suffix: str
    """What to save it as once its password is removed: .xlsx, .docx."""
    oversize: str
    """What follows “远超…的正常大小” for one part that is too large: the causes and the remedy."""
    error: Callable[[str], Exception]


def check_zip_directory(data: bytes, kind: PackageKind) -> None:
    """Refuse a zip whose directory declares too many entries, before zipfile builds them all."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return  # zipfile will say it is damaged
    entries = int.from_bytes(data[end + 10 : end + 12], "little")
    if limits.MAX_ZIP_MEMBERS < entries < 0xFFFF:
        raise kind.error(_too_many(entries, kind))


def open_package(data: bytes, kind: PackageKind) -> zipfile.ZipFile:
    """The zip, its directory checked first; a damaged one is refused with kind's error."""
    check_zip_directory(data, kind)
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,  # a directory entry claiming a zip version from the future
    ):
        raise kind.error(DAMAGED) from None


def check_members(archive: zipfile.ZipFile, kind: PackageKind) -> None:
    """Refuse a package with too many parts, parts of the same name, or too much to unpack."""
    infos = archive.infolist()
    if len(infos) > limits.MAX_ZIP_MEMBERS:
        raise kind.error(_too_many(len(infos), kind))
    if len({info.filename for info in infos}) != len(infos):
        raise kind.error("文件内部有重名的部件，结构异常，可能已损坏或被篡改")
    total = sum(info.file_size for info in infos)
    if total > limits.MAX_TOTAL_BYTES:
        raise kind.error(
            f"文件解压后共 {total // 2**20} MB，远超{kind.usual}的正常大小，疑为压缩炸弹"
        )


def check_member(info: zipfile.ZipInfo, what: str, kind: PackageKind) -> None:
    """Refuse a part (`what` names it) that is encrypted, or whose declared size or compression
    ratio no such package needs."""
    if info.flag_bits & 0x1:
        raise kind.error(f"文件内部经过加密，无法读取；请取消密码后另存为 {kind.suffix}")
    if info.file_size > limits.MAX_MEMBER_BYTES:
        raise kind.error(
            f"{what}解压后有 {info.file_size // 2**20} MB，远超{kind.usual}的正常大小"
            + kind.oversize
        )
    if (
        info.file_size > limits.RATIO_FLOOR_BYTES
        and info.file_size / max(info.compress_size, 1) > limits.MAX_COMPRESSION_RATIO
    ):
        raise kind.error(f"{what}的压缩比异常（疑为压缩炸弹），拒绝读取")


def _too_many(entries: int, kind: PackageKind) -> str:
    return f"压缩包内有 {entries} 个部件，超过上限 {limits.MAX_ZIP_MEMBERS}，不像正常的{kind.name}"
