"""HTML writer: the report as one self-contained web page (see write/page.py and write/markup.py)."""

from __future__ import annotations

from generator.write.markup import Styler, report_html
from generator.write.page import page
from generator.write.publication import Publication


def render(publication: Publication) -> bytes:
    """The report as the bytes of an .html page."""
    document = publication.document
    return page(document.title, report_html(document, Styler(inline=False)))
