"""The body for a website's editor: inline styles only, the tables' borders on every cell."""

from __future__ import annotations

from tests.html_parts import external_references, model_tables, paragraphs, parse, tables
from tests.write.test_html import TITLE_2018, TITLE_2025


def body(out, title: str) -> bytes:
    return (out / f"{title}（网站编辑器用）.html").read_bytes()


def test_the_body_has_inline_styles_only(with_last_year) -> None:
    data = body(with_last_year[1], TITLE_2025)
    assert data.startswith("\ufeff<article".encode())  # a BOM: opened as UTF-8 everywhere
    root = parse(data)
    assert root.find(".//style") is None and root.find(".//head/title") is None
    elements = list(root.find(".//article").iter())
    assert not [e for e in elements if e.get("class")]
    assert all(
        e.get("style") for e in elements if e.tag not in ("colgroup", "thead", "tbody", "tr", "wbr")
    )
    cells = [e for e in elements if e.tag in ("td", "th")]
    assert cells and all("border:1px solid #000" in c.get("style") for c in cells)
    assert all(t.get("border") == "1" for t in root.iter("table"))
    assert external_references(root) == []


def test_the_body_is_the_report_without_its_title(with_last_year, shipped_2018) -> None:
    for (result, out), title in ((with_last_year, TITLE_2025), (shipped_2018, TITLE_2018)):
        document = result.document
        root = parse(body(out, title))
        expected = [b.text for b in document.blocks if not hasattr(b, "widths")][1:]
        expected += [p.text for p in document.sign_off.paragraphs]
        assert paragraphs(root) == expected
        assert tables(root) == model_tables(document)
