"""Decide what a file is from its bytes, never from its extension."""

from __future__ import annotations

import enum
import zipfile

from generator.read import ole2

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class FileType(enum.Enum):
    """What a submitted file turned out to be."""

    EMPTY = "empty"
    ZIP = "zip"  # an Office Open XML or OpenDocument package, or any other zip
    OLE2 = "ole2"  # legacy .xls / WPS .et
    ENCRYPTED_OOXML = "encrypted"  # a password-protected .xlsx (an OLE2 container)
    EXCEL_2003_XML = "xml2003"
    HTML = "html"
    TEXT = "text"
    UNKNOWN = "unknown"


def sniff(data: bytes) -> FileType:
    """Classify a file by its bytes."""
    if not data:
        return FileType.EMPTY
    if data.startswith(ZIP_MAGICS):
        return FileType.ZIP
    if data.startswith(OLE2_MAGIC):
        # A password-protected .xlsx is an OLE2 container holding an "EncryptedPackage" stream.
        names = ole2_stream_names(data)
        return FileType.ENCRYPTED_OOXML if "EncryptedPackage" in names else FileType.OLE2
    text = _as_text(data[:4096])
    if text is None:
        return FileType.UNKNOWN
    lowered = text.lstrip("\ufeff \t\r\n").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return FileType.EXCEL_2003_XML
    if lowered.startswith(("<!doctype html", "<html")) or "<html" in lowered[:1024]:
        return FileType.HTML
    return FileType.TEXT


def ole2_stream_names(data: bytes) -> list[str]:
    """Names in an OLE2 (compound file) container's directory."""
    return ole2.stream_names(data)


def _as_text(data: bytes) -> str | None:
    encodings = ["utf-8", "gb18030"]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings.insert(0, "utf-16")
    for encoding in encodings:
        for cut in range(4):  # the sample may end inside a multi-byte character
            try:
                text = data[: len(data) - cut].decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text
            break
    return None


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls <= len(text) // 100


def zip_flavour(archive: zipfile.ZipFile) -> str:
    """Tell an .xlsx from an .ods, a .docx or some other zip: 'xlsx', 'ods', 'docx' or 'other'."""
    names = set(archive.namelist())
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:100]
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
            mimetype = b""
        if b"opendocument.spreadsheet" in mimetype:
            return "ods"
        if b"opendocument" in mimetype:
            return "odf"
    if "[Content_Types].xml" in names:
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "docx"
        return "ooxml"
    return "other"
