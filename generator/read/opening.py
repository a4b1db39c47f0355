"""Open a submitted file as a workbook, or say in Chinese what the file is instead."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from generator.base import limits
from generator.base.zip_checks import check_member, check_members, open_package
from generator.read.advice import SAVE_AS_XLSX
from generator.read.legacy import open_legacy
from generator.read.sniff import FileType, ole2_stream_names, sniff, zip_flavour
from generator.read.xlsx import WORKBOOK, RawCell, SheetInfo, WorkbookError, XlsxWorkbook

_FILE_KIND_MESSAGES = {
    FileType.EMPTY: "文件是空的（0 字节），可能没有保存成功或传输时损坏；请重新提交",
    FileType.ENCRYPTED_OOXML: "工作簿设置了打开密码，无法读取；请在 Excel 中取消密码，保存后再提交",
    FileType.EXCEL_2003_XML: "这是“XML 电子表格 2003”格式，不是 .xlsx；" + SAVE_AS_XLSX,
    FileType.HTML: "这是一个网页（HTML）文件，不是 Excel 工作簿；" + SAVE_AS_XLSX,
    FileType.TEXT: "这是文本文件（如 CSV），不是 Excel 工作簿；" + SAVE_AS_XLSX,
    FileType.UNKNOWN: "无法识别的文件，不是 Excel 工作簿（.xlsx）",
}
_ZIP_FLAVOUR_MESSAGES = {
    "odf": "这是 OpenDocument 文档，不是 Excel 工作簿",
    "docx": "这是 Word 文档，不是 Excel 工作簿",
    "ooxml": "这是 Office 文档，但不是 Excel 工作簿",
    "other": "这是一个压缩包，不是 Excel 工作簿（.xlsx）",
}

OLE2_WORKBOOK = "旧版 Excel（.xls）或 WPS 表格（.et）"
ODS = "OpenDocument 表格（.ods）"
_OLE2_DOCUMENTS = {
    "WordDocument": "这是 Word 97-2003 文档（.doc），不是 Excel 工作簿",
    "PowerPoint Document": "这是 PowerPoint 演示文稿，不是 Excel 工作簿",
}


class Workbook(Protocol):
    """What the unit reader asks of an open workbook, whatever its file format."""

    date1904: bool
    sheets: list[SheetInfo]

    def read_cells(self, sheet: SheetInfo, refs: Iterable[str]) -> dict[str, RawCell]: ...

    def merged_ranges(self, sheet: SheetInfo) -> list[str]: ...


def open_workbook(path: Path) -> Workbook:
    """The file as a workbook (.xlsx, .xls, .et or .ods), its package checked before it is read."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise WorkbookError(
                f"文件有 {size // 2**20} MB，远超填报表的正常大小（上限 {limits.MAX_FILE_BYTES // 2**20} MB）",
                "too-big",
            )
        data = path.read_bytes()
    except OSError as error:
        raise WorkbookError(f"无法读取文件（{error.strerror or error}）", "unreadable") from None
    kind = sniff(data)
    if kind is FileType.OLE2:
        names = ole2_stream_names(data)
        for stream, message in _OLE2_DOCUMENTS.items():
            if stream in names:
                raise WorkbookError(message, "not-xlsx")
        return open_legacy(path, OLE2_WORKBOOK)
    if kind is not FileType.ZIP:
        raise WorkbookError(_FILE_KIND_MESSAGES[kind], "not-xlsx")
    archive = open_package(data, WORKBOOK)
    flavour = zip_flavour(archive)
    if flavour == "ods":
        check_members(archive, WORKBOOK)
        for info in archive.infolist():
            check_member(info, f"内部部件 {info.filename}", WORKBOOK)
        return open_legacy(path, ODS)
    if flavour != "xlsx":
        raise WorkbookError(_ZIP_FLAVOUR_MESSAGES[flavour], "not-xlsx")
    return XlsxWorkbook(archive, data)
