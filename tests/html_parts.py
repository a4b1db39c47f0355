"""Read the HTML outputs back: paragraphs, tables with their spans, and anything external."""

from __future__ import annotations

from lxml import html as lxml_html

from generator.document.model import Document, Table

TEXT_TAGS = ("h1", "h2", "h3", "h4", "p")
EXTERNAL_TAGS = ("script", "link", "img", "iframe", "object", "embed", "audio", "video", "source")


def parse(data: bytes):
    return lxml_html.document_fromstring(data.decode("utf-8").lstrip("\ufeff"))


def paragraphs(root) -> list[str]:
    """The text of every heading and paragraph outside tables, in order."""
    return [e.text_content() for e in root.iter(*TEXT_TAGS) if not list(e.iterancestors("table"))]


def tables(root) -> list[list[list[tuple[str, int, int]]]]:
    """Every table as rows of (text, rowspan, colspan)."""
    return [
        [
            [(c.text_content(), int(c.get("rowspan", 1)), int(c.get("colspan", 1))) for c in tr]
            for tr in table.iter("tr")
        ]
        for table in root.iter("table")
    ]


def model_tables(document: Document) -> list[list[list[tuple[str, int, int]]]]:
    """The same, from the document model: what every writer must reproduce."""
    return [
        [[(c.text, c.row_span, c.col_span) for c in row] for row in (*b.header, *b.rows)]
        for b in document.blocks
        if isinstance(b, Table)
    ]


def external_references(root) -> list[str]:
    """Whatever would make a browser fetch something: tags, links, CSS urls and imports."""
    found = [e.tag for e in root.iter(*EXTERNAL_TAGS)]
    for element in root.iter():
        for name, value in element.attrib.items():
            fetched = name in ("src", "href", "xlink:href", "srcset", "action", "data", "poster")
            if fetched and not value.startswith("#"):
                found.append(f"{name}={value}")
            if "url(" in value and "url(#" not in value:
                found.append(value)
        if element.tag == "style" and ("@import" in element.text or "url(" in element.text):
            found.append(element.text)
    return found
