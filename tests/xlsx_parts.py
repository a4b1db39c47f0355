"""Hand-made .xlsx packages for reader tests: every part written out, nothing hidden."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from xml.sax.saxutils import escape

TRANSITIONAL = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
STRICT = {
    "main": "http://purl.oclc.org/ooxml/spreadsheetml/main",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def cell_xml(ref: str, value: object) -> str:
    """A <c> element: int/float as numbers, str as an inline string, raw XML via ('xml', s)."""
    if isinstance(value, tuple) and value[0] == "xml":
        return value[1]
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def sheet_xml(cells: Mapping[str, object], ns: str, tail: str = "") -> str:
    rows: dict[int, list[str]] = {}
    for ref, value in cells.items():
        row = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(row, []).append(cell_xml(ref, value))
    body = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(rows.items()))
    return f'<worksheet xmlns="{ns}"><sheetData>{body}</sheetData>{tail}</worksheet>'


def package(
    sheets: Mapping[str, Mapping[str, object]],
    *,
    strict: bool = False,
    shared: list[str] | None = None,
    styles: str | None = None,
    states: Mapping[str, str] | None = None,
    tails: Mapping[str, str] | None = None,
    extra: Mapping[str, bytes] | None = None,
) -> bytes:
    """A complete .xlsx file with these sheets (name → {cell: value})."""
    ns = STRICT if strict else TRANSITIONAL
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
            f'Type="{ns["rel"]}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        entries, rels = [], []
        for index, name in enumerate(sheets, start=1):
            state = (states or {}).get(name, "visible")
            entries.append(
                f'<sheet name="{escape(name)}" sheetId="{index}" state="{state}" r:id="rId{index}"/>'
            )
            rels.append(
                f'<Relationship Id="rId{index}" Type="{ns["rel"]}/worksheet" '
                f'Target="worksheets/sheet{index}.xml"/>'
            )
            z.writestr(
                f"xl/worksheets/sheet{index}.xml",
                sheet_xml(sheets[name], ns["main"], (tails or {}).get(name, "")),
            )
        if shared is not None:
            rels.append(
                f'<Relationship Id="rIdS" Type="{ns["rel"]}/sharedStrings" Target="sharedStrings.xml"/>'
            )
            items = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
            z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{ns["main"]}">{items}</sst>')
        if styles is not None:
            rels.append(f'<Relationship Id="rIdT" Type="{ns["rel"]}/styles" Target="styles.xml"/>')
            z.writestr("xl/styles.xml", styles)
        z.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{ns["main"]}" xmlns:r="{ns["rel"]}"><sheets>{"".join(entries)}</sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>',
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()
