"""The report document as HTML, for a page (styled by class) or a website editor (inline styles).

One set of styles serves both: a page gets them as a stylesheet of classes, the body for a
website's editor as style attributes, which editors keep when they strip stylesheets. Tables keep
the official merged cells (rowspan/colspan), header cells are <th> with their scope, and every
table sits in a box that scrolls sideways by itself on a narrow screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from generator.document.layout import sign_off_indents
from generator.document.model import Align, Document, Paragraph, Role, Style, Table
from generator.document.table_grid import placed_cells

PREFIX = "gr-"
FONTS = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",sans-serif'
BORDER = "1px solid #000"
MIN_COLUMN_EM = 4
"""A table is never narrower than this many characters per column; below it, its box scrolls."""

STYLES: dict[str, str] = {
    "report": f"font-family:{FONTS};font-size:16px;line-height:1.8;color:#000;"
    "overflow-wrap:anywhere",
    "title": "font-size:1.5em;font-weight:bold;text-align:center;line-height:1.5;margin:.5em 0 1em",
    "h1": "font-size:1.25em;font-weight:bold;margin:1.2em 0 .5em",
    "h2": "font-size:1.1em;font-weight:bold;margin:1em 0 .4em",
    "h3": "font-size:1em;font-weight:bold;margin:.8em 0 .3em",
    "p": "text-indent:2em;margin:0 0 .6em",
    "runin": "font-weight:bold",
    "sign": "text-align:right;margin:0",
    "box": "overflow-x:auto;max-width:100%;margin:.8em 0 1.2em",
    "table": "border-collapse:collapse;width:100%;font-size:.875em;line-height:1.5",
    "th": f"border:{BORDER};padding:.3em .4em;font-weight:bold;text-align:center;"
    "vertical-align:middle;background:#f2f2f2",
    "label": f"border:{BORDER};padding:.3em .4em;font-weight:normal;text-align:left;"
    "vertical-align:middle",
    "td": f"border:{BORDER};padding:.3em .4em;text-align:center;vertical-align:middle;"
    "overflow-wrap:normal",
}
_HEADINGS = {
    Style.TITLE: ("h1", "title"),
    Style.HEADING1: ("h2", "h1"),
    Style.HEADING2: ("h3", "h2"),
    Style.HEADING3: ("h4", "h3"),
}


class Styler:
    """How an element gets a style: a class of the stylesheet, or the style itself inline."""

    def __init__(self, inline: bool) -> None:
        self.inline = inline

    def __call__(self, name: str, extra: str = "") -> str:
        if self.inline:
            return f' style="{STYLES[name]}{";" + extra if extra else ""}"'
        return f' class="{PREFIX}{name}"' + (f' style="{extra}"' if extra else "")


def stylesheet() -> str:
    """The styles as CSS classes, for a page's <style>."""
    return "\n".join(f".{PREFIX}{name}{{{css}}}" for name, css in STYLES.items())


def report_html(document: Document, style: Styler, *, title: bool = True) -> str:
    """The report's blocks and sign-off as HTML (without its title when `title` is false)."""
    parts = [f"<article{style('report')}>"]
    heading = document.title
    for block in document.blocks:
        if isinstance(block, Table):
            parts.append(table_html(block, style, heading))
        elif block.style is Style.TITLE and not title:
            continue
        else:
            if block.style in _HEADINGS:
                heading = block.text
            parts.append(paragraph_html(block, style))
    indents = sign_off_indents(document.sign_off)
    for paragraph, indent in (
        (document.sign_off.signature, indents.signature),
        (document.sign_off.date, indents.date),
    ):
        if paragraph is not None:
            parts.append(
                f"<p{style('sign', f'padding-right:{indent:g}em')}>{_runs(paragraph, style)}</p>"
            )
    parts.append("</article>")
    return "\n".join(parts)


def paragraph_html(paragraph: Paragraph, style: Styler) -> str:
    tag, name = _HEADINGS.get(paragraph.style, ("p", "p"))
    return f"<{tag}{style(name)}>{_runs(paragraph, style)}</{tag}>"


def _runs(paragraph: Paragraph, style: Styler) -> str:
    out = []
    for run in paragraph.runs:
        if run.role is Role.BREAK:
            out.append("<wbr>")
        elif run.role in (Role.HEADING2, Role.HEADING3):
            out.append(f"<strong{style('runin')}>{escape(run.text)}</strong>")
        else:
            out.append(escape(run.text))
    return "".join(out)


def table_html(table: Table, style: Styler, label: str = "") -> str:
    """A table in its own sideways-scrolling box, with the official merged cells."""
    width = MIN_COLUMN_EM * table.columns
    total = sum(table.widths)
    columns = "".join(f'<col style="width:{100 * w / total:.2f}%">' for w in table.widths)
    lines = [
        f'<div{style("box")} role="region" aria-label="{escape(label)}" tabindex="0">',
        f'<table{style("table", f"min-width:{width}em")} border="1" cellspacing="0" cellpadding="4">',
        f"<colgroup>{columns}</colgroup>",
        "<thead>",
    ]
    rows = list(_rows(table, style))
    header = len(table.header)
    lines += rows[:header]
    lines += ["</thead>", "<tbody>", *rows[header:], "</tbody>", "</table>", "</div>"]
    return "\n".join(lines)


def _rows(table: Table, style: Styler) -> Iterator[str]:
    placed = placed_cells(table)
    header = len(table.header)
    for r in range(header + len(table.rows)):
        cells = []
        for p in (p for p in placed if p.row == r):
            cell = p.cell
            spans = (f' rowspan="{cell.row_span}"' if cell.row_span > 1 else "") + (
                f' colspan="{cell.col_span}"' if cell.col_span > 1 else ""
            )
            text = escape(cell.text)
            if r < header:
                scope = "colgroup" if cell.col_span > 1 else "col"
                cells.append(f'<th scope="{scope}"{spans}{style("th")}>{text}</th>')
            elif cell.figure is None and cell.align is Align.LEFT:
                scope = "rowgroup" if cell.row_span > 1 else "row"
                cells.append(f'<th scope="{scope}"{spans}{style("label")}>{text}</th>')
            else:
                cells.append(f"<td{spans}{style('td')}>{text}</td>")
        yield "<tr>" + "".join(cells) + "</tr>"
