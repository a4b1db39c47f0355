"""Damaged, foreign and hostile files, each built in code from a valid unit workbook."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import msoffcrypto.format.ooxml

from tests.support import rewrite

SHEET = "xl/worksheets/sheet3.xml"  # 主动公开 (the 填表说明 sheet comes first)
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def strict(data: bytes) -> bytes:
    """The same workbook in Strict Open XML (namespaces and relationship types)."""

    def convert(body: bytes) -> bytes:
        return body.replace(MAIN, b"http://purl.oclc.org/ooxml/spreadsheetml/main").replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )

    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    return rewrite(data, {n: convert for n in names if n.endswith((".xml", ".rels"))})


def encrypted(data: bytes) -> bytes:
    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(io.BytesIO(data)).encrypt("密码123", out)
    return out.getvalue()


def with_doctype(member: str, doctype: bytes) -> Callable[[bytes], bytes]:
    def insert(body: bytes) -> bytes:
        start = body.index(b"?>") + 2 if body.startswith(b"<?xml") else 0
        return body[:start] + doctype + body[start:]

    return insert


BILLION_LAUGHS = (
    b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
EXTERNAL_ENTITY = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def corrupted_member(data: bytes) -> bytes:
    """A package whose directory is intact but one part's compressed bytes are garbage."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        damaged[offset] ^= 0x5A
    return bytes(damaged)


def big_member(size: int) -> bytes:
    """A zip bomb: one highly compressible part of the given size beside a valid workbook."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        with z.open("xl/bomb.xml", "w") as handle:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                handle.write(chunk)
    return out.getvalue()


def many_members(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for index in range(count):
            z.writestr(f"xl/x{index}.xml", b"")
    return out.getvalue()


def lying_size(data: bytes) -> bytes:
    """A part whose declared uncompressed size (local header and directory) is a tenth of the truth."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET)
    patched = bytearray(data)
    real = info.file_size
    patched[info.header_offset + 22 : info.header_offset + 26] = (real // 10).to_bytes(4, "little")
    directory = data.find(b"PK\x01\x02")
    while directory != -1:
        name_length = int.from_bytes(data[directory + 28 : directory + 30], "little")
        name = data[directory + 46 : directory + 46 + name_length].decode()
        if name == SHEET:
            patched[directory + 24 : directory + 28] = (real // 10).to_bytes(4, "little")
        directory = data.find(b"PK\x01\x02", directory + 4)
    return bytes(patched)


def excel_2003_xml() -> bytes:
    return (
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="依申请公开">'
        '<Table><Row><Cell><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet></Workbook>'
    ).encode()


def shared_strings_bomb(data: bytes, count: int) -> bytes:
    items = b"<si><t>x</t></si>" * count
    return rewrite(
        data, {"xl/sharedStrings.xml": lambda _: b'<sst xmlns="' + MAIN + b'">' + items + b"</sst>"}
    )


def huge_sheet(data: bytes, rows: int) -> bytes:
    """Formatting on every row down to `rows` (as some programs save a formatted column)."""

    def pad(body: bytes) -> bytes:
        filler = b"".join(b'<row r="%d" s="1" customFormat="1"/>' % r for r in range(200, rows + 1))
        return body.replace(b"</sheetData>", filler + b"</sheetData>")

    return rewrite(data, {SHEET: pad})


def stray_cell(data: bytes) -> bytes:
    """One cell at the very last position of the sheet, XFD1048576."""

    def add(body: bytes) -> bytes:
        cell = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        body = body.replace(b"</sheetData>", cell + b"</sheetData>")
        return body.replace(b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="')

    return rewrite(data, {SHEET: add})


def future_zip_version(data: bytes) -> bytes:
    """A directory entry claiming it needs zip version 25.4 to extract (zipfile refuses it)."""
    directory = data.find(b"PK\x01\x02")
    return data[: directory + 6] + (254).to_bytes(2, "little") + data[directory + 8 :]
