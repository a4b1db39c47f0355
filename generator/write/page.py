"""A self-contained HTML page: UTF-8, lang="zh-CN", its styles inline in <style>, nothing linked.

Shared by the report's page and its 图解: readable on a 375 px phone (only a wide table's own box
scrolls sideways), and printed on A4 with no table row split across pages.
"""

from __future__ import annotations

from html import escape

from generator.write.markup import PREFIX, stylesheet

PAGE_CSS = f"""\
html{{-webkit-text-size-adjust:100%;text-size-adjust:100%}}
body{{margin:0;padding:16px;background:#fff}}
.{PREFIX}report{{max-width:60em;margin:0 auto}}
.{PREFIX}box:focus{{outline:2px solid #000}}
svg{{display:block;max-width:100%;height:auto}}
figure{{margin:1em 0 2em}}
figcaption{{font-size:.875em;color:#333}}
@page{{size:A4;margin:20mm 18mm}}
@media print{{
body{{padding:0}}
.{PREFIX}report{{max-width:none;font-size:12pt}}
.{PREFIX}box{{overflow:visible}}
.{PREFIX}table{{min-width:0 !important;font-size:9pt}}
thead{{display:table-header-group}}
tr,th,td,figure{{break-inside:avoid;page-break-inside:avoid}}
h1,h2,h3,h4{{break-after:avoid;page-break-after:avoid}}
}}"""


def page(title: str, body: str, extra_css: str = "") -> bytes:
    """The whole page's bytes."""
    css = "\n".join(part for part in (stylesheet(), PAGE_CSS, extra_css) if part)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    ).encode()
