"""Plain-text writer: the report as a text file, paragraphs indented two full-width spaces."""

from __future__ import annotations

from generator.document.layout import display_width, signature_indents
from generator.document.model import Document, Paragraph, Style, Table
from generator.writers.text_table import render_table

LINE_COLUMNS = 56
"""A 公文 line holds 28 Chinese characters: 56 columns of a fixed-width font."""

INDENT = "\u3000\u3000"


def render_text(document: Document) -> str:
    """The whole report as text, one paragraph per line, blank lines between paragraphs."""
    signature = next(
        (
            b.text
            for b in document.blocks
            if isinstance(b, Paragraph) and b.style is Style.SIGNATURE
        ),
        "",
    )
    date = next(
        (b.text for b in document.blocks if isinstance(b, Paragraph) and b.style is Style.DATE), ""
    )
    indents = signature_indents(signature, date)
    chunks: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            chunks.append(render_table(block))
        elif block.style is Style.TITLE:
            chunks.append(_centred(block.text))
        elif block.style is Style.SIGNATURE:
            chunks.append(_right(block.text, indents.signature))
        elif block.style is Style.DATE:
            chunks[-1] += "\n" + _right(block.text, indents.date)
        else:
            chunks.append(INDENT + block.text)
    return "\n\n".join(chunks) + "\n"


def _centred(text: str) -> str:
    pad = max(0, (LINE_COLUMNS - display_width(text)) // 2)
    return " " * pad + text


def _right(text: str, right_chars: float) -> str:
    pad = max(0, LINE_COLUMNS - round(right_chars * 2) - display_width(text))
    return " " * pad + text
