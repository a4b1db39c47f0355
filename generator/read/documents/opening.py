"""Open any report document by what its bytes are, not by its name, and read it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from generator.base import limits
from generator.base.problems import Location, Problem, Severity
from generator.read.documents.docx import read_docx_report
from generator.read.documents.errors import DocumentError
from generator.read.documents.html import read_html_report
from generator.read.documents.model import DocumentReading, ReportText
from generator.read.documents.pdf import read_pdf_report
from generator.read.documents.text import read_text_report
from generator.read.sniff import FileType, sniff, zip_flavour

REPORT_SUFFIXES = (".docx", ".html", ".htm", ".shtml", ".pdf", ".txt", ".md", ".doc", ".wps")
"""The files a folder audit looks at (anything else in the folder is left alone)."""

_SAVE_AS_DOCX = "请在 Word 或 WPS 中打开，另存为“Word 文档（*.docx）”后再核查"
_REFUSED = {
    FileType.EMPTY: "文件是空的（0 字节），可能没有保存成功或传输时损坏",
    FileType.OLE2: "这是旧版 Word（.doc）或 WPS 文字（.wps）格式，无法直接核查；" + _SAVE_AS_DOCX,
    FileType.ENCRYPTED_OOXML: "文件设置了打开密码，无法读取；请取消密码后再核查",
    FileType.EXCEL_2003_XML: "这是 Excel 表格，不是报告文档",
    FileType.UNKNOWN: "无法识别的文件，不是 Word、网页、PDF 或文本格式的报告",
}


def read_report(path: Path) -> DocumentReading:
    """Read one report document; never raises for anything the file contains."""
    where = Location(path.name)
    try:
        size = path.stat().st_size
        if size > limits.MAX_DOCUMENT_BYTES:
            raise DocumentError(
                f"文件有 {size // 2**20} MB，远超年度报告的正常大小（上限 {limits.MAX_DOCUMENT_BYTES // 2**20} MB）"
            )
        data = path.read_bytes()
        document = _reader(data)(path.name, data)
    except OSError as error:
        return _refused(where, f"无法读取文件（{error.strerror or error}）")
    except DocumentError as error:
        return _refused(where, str(error))
    except RecursionError:
        return _refused(where, "文件内部结构异常（嵌套过深），无法读取")
    problems = []
    if not document.tables_found:
        problems.append(
            Problem(
                Severity.WARNING,
                "no-tables",
                "未能可靠识别表格（PDF 中的表格没有表格线，或是图片）；只核查了文字部分",
                where,
            )
        )
    return DocumentReading(document, problems)


def _reader(data: bytes) -> Callable[[str, bytes], ReportText]:
    if data.startswith(b"%PDF-"):
        return read_pdf_report
    kind = sniff(data)
    if kind is FileType.ZIP:
        try:
            flavour = zip_flavour(zipfile.ZipFile(io.BytesIO(data)))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            raise DocumentError("文件已损坏（压缩结构不完整，可能传输中断）") from None
        if flavour == "docx":
            return read_docx_report
        if flavour in ("xlsx", "ods"):
            raise DocumentError(
                "这是表格文件，不是报告文档；核查填报表请用 gen-report 年度 --check"
            )
        raise DocumentError("这是一个压缩包或其他 Office 文档，不是 Word 报告（.docx）")
    if kind is FileType.HTML:
        return read_html_report
    if kind is FileType.TEXT:
        return read_html_report if b"<p" in data[:65536].lower() else read_text_report
    raise DocumentError(_REFUSED[kind])


def _refused(where: Location, message: str) -> DocumentReading:
    return DocumentReading(None, [Problem(Severity.ERROR, "unreadable-report", message, where)])
