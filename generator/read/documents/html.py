"""Web pages saved from a government website: the article's paragraphs and its tables.

Pages are parsed into a small tree (bounded in size and depth), then walked: a table used to lay
out the page (its cells hold other tables, or the article's running text) is read through; any
other table becomes a grid with its rowspan/colspan. Scripts, styles, navigation menus' markup
are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from generator.base import limits
from generator.read.documents.blocks import Blocks, Rows, written_span
from generator.read.documents.encoding import decode
from generator.read.documents.errors import DocumentTooComplex
from generator.read.documents.model import ReadParagraph, ReportText, clean
from generator.read.documents.tables import is_number

_SKIPPED = frozenset({"script", "style", "noscript", "head", "template", "svg", "object", "iframe"})
_VOID = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "section",
        "article",
        "tr",
        "ul",
        "ol",
        "blockquote",
        "center",
        "dd",
        "dt",
        "pre",
        "caption",
        "body",
        "form",
        "main",
        "header",
        "footer",
    }
)
_PUBLISHED = re.compile(
    r"(?:发布|发文|成文|印发)(?:日期|时间)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})"
)

RUNNING_TEXT = 100
"""A cell with this many characters holds running text (a label or a note has fewer)."""
MIN_FIGURES = 6
"""A table of figures has at least this many cells that are numbers (the smallest has 6)."""


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.nodes = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes += 1
        if self.nodes > limits.MAX_HTML_NODES:
            raise DocumentTooComplex(f"网页元素超过 {limits.MAX_HTML_NODES} 个")
        if tag == "title":
            self._in_title = True
        if tag in ("p", "li", "tr", "td", "th") and self.stack[-1].tag == tag:
            self.stack.pop()  # an unclosed <p>, <li>, <tr>, <td> closes at its sibling
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)
            if len(self.stack) > limits.MAX_HTML_DEPTH:
                raise DocumentTooComplex(f"网页嵌套超过 {limits.MAX_HTML_DEPTH} 层")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """A marked section (<![CDATA[…]]>, Word's <![if …]>); one of a kind the parser does not
        know is skipped to its first > instead of stopping the page with an error."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.stack[-1].children.append(data)


def read_html_report(name: str, data: bytes) -> ReportText:
    """A web page's report: paragraphs and tables in page order."""
    text, _ = decode(data, declared_in_head=True)
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    walker = _Walker()
    walker.walk(builder.root)
    walker.flush()
    blocks = walker.blocks.items
    published = _PUBLISHED.search(" ".join(b.text for b in blocks if isinstance(b, ReadParagraph)))
    return ReportText(
        name,
        "html",
        tuple(blocks),
        published=published.group(1) if published else None,
        page_title=clean(builder.title),
    )


class _Walker:
    def __init__(self) -> None:
        self.blocks = Blocks()
        self.buffer: list[str] = []

    def flush(self) -> None:
        self.blocks.add_paragraph("".join(self.buffer))
        self.buffer.clear()

    def walk(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.buffer.append(child)
                continue
            if child.tag in _SKIPPED:
                continue
            if child.tag == "br":
                self.flush()
            elif child.tag == "table" and (rows := _figures(child)) is not None:
                self.flush()
                self.blocks.add_rows(rows)
            elif child.tag in _BLOCKS or child.tag in ("table", "td", "th"):
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _figures(table: _Node) -> Rows | None:
    """A table's rows, unless the table lays out the page: a cell holds another table, or a cell
    holds running text (an article in a layout cell) and few cells are numbers. The count of
    paragraphs in a cell says nothing: a label may be written one character per paragraph."""
    if any(True for _ in _descendants(table, "table", stop="table")):
        return None
    rows = [
        [
            (_text(cell), _span(cell, "rowspan"), _span(cell, "colspan"))
            for cell in row.children
            if isinstance(cell, _Node) and cell.tag in ("td", "th")
        ]
        for row in _descendants(table, "tr", stop="table")
    ]
    texts = [clean(text) for row in rows for text, _, _ in row]
    running = any(len(text) >= RUNNING_TEXT for text in texts)
    if running and sum(1 for text in texts if is_number(text)) < MIN_FIGURES:
        return None
    return rows


def _descendants(node: _Node, tag: str, stop: str | None):
    for child in node.children:
        if isinstance(child, _Node):
            if child.tag == tag:
                yield child
            if child.tag != stop:
                yield from _descendants(child, tag, stop)


def _text(node: _Node) -> str:
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
        elif child.tag not in _SKIPPED:
            parts.append(_text(child))
    return "".join(parts)


def _span(node: _Node, name: str) -> int:
    return written_span(node.attrs.get(name, "1"))
