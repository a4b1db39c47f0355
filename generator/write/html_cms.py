"""The report's body for pasting into a website's editor: inline styles only, no title.

Government website editors strip <style>, classes and scripts but keep style attributes and a
table's border attributes, so every element carries its own style. The title is left out: it
goes in the editor's title field. The file starts with a byte-order mark, so that Notepad and
browsers open it as UTF-8 without a <meta> tag.
"""

from __future__ import annotations

from generator.write.markup import Styler, report_html
from generator.write.publication import Publication

BOM = "\ufeff"


def render(publication: Publication) -> bytes:
    """The body of the report as HTML with inline styles."""
    body = report_html(publication.document, Styler(inline=True), title=False)
    return (BOM + body + "\n").encode("utf-8")
