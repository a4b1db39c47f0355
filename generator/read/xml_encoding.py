"""An XML part's bytes as UTF-8, decoded under the encoding it declares (any codec Python knows).

Expat itself reads only UTF-8, UTF-16, ISO-8859-1 and ASCII; old Chinese exporters write parts
declared GB2312 or GBK. Every part is therefore decoded first and handed on as UTF-8, its
declaration rewritten to match. A part whose bytes are not what it declares is refused with a
message, never read as mojibake.
"""

from __future__ import annotations

import codecs
import re

from generator.read.advice import SAVE_AS_XLSX

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UNMARKED_UTF16 = ((b"<\0?\0", "utf-16-le"), (b"\0<\0?", "utf-16-be"))
_DECLARED = re.compile(rb"""^<\?xml[^>]{0,200}?\sencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_DECLARATION = re.compile(r"^<\?xml[^>]{0,200}?\?>")
_ENCODING_ATTRIBUTE = re.compile(r"""\sencoding\s*=\s*["'][^"']*["']""")


class EncodingProblem(ValueError):
    """A part's bytes do not match its declared encoding; the message is for the user."""


def as_utf8(data: bytes, what: str) -> bytes:
    """The part as UTF-8 bytes (unchanged when it already is); `what` names it in messages."""
    encoding, body = _encoding(data, what)
    if encoding == "utf-8":
        if not body.isascii():
            _check_utf8(body, what)
        return body
    try:
        text: str | None = body.decode(encoding)
    except UnicodeDecodeError:
        text = None
    if _mislabelled_utf8(body, encoding) and text != body.decode("utf-8"):
        raise EncodingProblem(
            f"{what}声明为 {_display(encoding)} 编码，但内容实际是 UTF-8 编码，"
            f"按声明读取会变成乱码；{SAVE_AS_XLSX}"
        )
    if text is None:
        raise EncodingProblem(
            f"{what}声明为 {_display(encoding)} 编码，但内容不是有效的 {_display(encoding)} 文字，"
            f"文件可能已损坏；{SAVE_AS_XLSX}"
        )
    declaration = _DECLARATION.match(text)
    if declaration:
        text = (
            _ENCODING_ATTRIBUTE.sub("", declaration.group(0), count=1) + text[declaration.end() :]
        )
    return text.encode("utf-8")


def _encoding(data: bytes, what: str) -> tuple[str, bytes]:
    """The codec's canonical name and the bytes without their byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, data[len(bom) :]
    for start, name in _UNMARKED_UTF16:
        if data.startswith(start):
            return name, data
    declared = _DECLARED.match(data)
    if declared is None:
        return "utf-8", data
    label = declared.group(1).decode("ascii")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        raise EncodingProblem(
            f"{what}声明了无法识别的文字编码“{label}”，无法读取；{SAVE_AS_XLSX}"
        ) from None
    return ("utf-8" if name == "utf-8-sig" else name), data


def _check_utf8(body: bytes, what: str) -> None:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as error:
        try:
            body.decode("gb18030")
            actual = (
                "实际是 GBK/GB18030 编码的中文（导出工作簿的程序有误），按 UTF-8 读取会变成乱码"
            )
        except UnicodeDecodeError:
            actual = "内容不是有效的 UTF-8 文字，文件可能已损坏"
        raise EncodingProblem(
            f"{what}声明为 UTF-8 编码，但第 {error.start + 1} 个字节起{actual}；{SAVE_AS_XLSX}"
        ) from None


def _mislabelled_utf8(body: bytes, encoding: str) -> bool:
    """Whether bytes declared in an ASCII-based legacy encoding are valid UTF-8 holding characters
    of three bytes or more (CJK and beyond): legacy text practically never is that by chance."""
    if body.isascii() or encoding.startswith(("utf-16", "utf-32")):
        return False
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(ord(ch) >= 0x800 for ch in text)


def _display(encoding: str) -> str:
    return encoding.upper().replace("_", "-")
