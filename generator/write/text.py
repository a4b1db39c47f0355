"""Plain-text writer: the report as a text file, paragraphs indented two full-width spaces.

The file is UTF-8 with a byte-order mark and CRLF line ends, as Notepad and Windows expect.
"""

from __future__ import annotations

from generator.base.textwidth import display_width
from generator.document.layout import sign_off_indents
from generator.document.model import Document, Style, Table
from generator.write.publication import Publication
from generator.write.text_table import render_table

LINE_COLUMNS = 56
"""A 公文 line holds 28 Chinese characters: 56 columns of a fixed-width font."""

INDENT = "\u3000\u3000"


def render(publication: Publication) -> bytes:
    """The report as the bytes of a .txt file."""
    return render_text(publication.document).replace("\n", "\r\n").encode("utf-8-sig")


def render_text(document: Document) -> str:
    """The whole report as text, one paragraph per line, blank lines between paragraphs."""
    chunks: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            chunks.append(render_table(block))
        elif block.style is Style.TITLE:
            chunks.append(_centred(block.text))
        else:
            chunks.append(INDENT + block.text)
    sign_off = document.sign_off
    indents = sign_off_indents(sign_off)
    if sign_off.signature is not None:
        chunks.append(_right(sign_off.signature.text, indents.signature))
    if sign_off.date is not None:
        chunks[-1] += "\n" + _right(sign_off.date.text, indents.date)
    return "\n\n".join(chunks) + "\n"


def _centred(text: str) -> str:
    pad = max(0, (LINE_COLUMNS - display_width(text)) // 2)
    return " " * pad + text


def _right(text: str, right_chars: float) -> str:
    pad = max(0, LINE_COLUMNS - round(right_chars * 2) - display_width(text))
    return " " * pad + text
