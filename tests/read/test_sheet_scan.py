"""The quick cell scanner agrees with the full XML parser wherever both answer.

The scanner does not check that XML is well formed (that costs more than reading the cells): a
sheet the parser would refuse may still be scanned. Only well-formed sheets are compared.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.base.a1 import split_ref
from generator.read.sheet_scan import plain_shape, scan_cells
from generator.read.xlsx import BLANK, WorkbookError, _read_sheet_cells, _to_raw_cell
from tests.xlsx_parts import TRANSITIONAL, sheet_xml

REFS = [f"{c}{r}" for c in "ABC" for r in range(1, 6)]
STYLES = ("general", "date", "percent", "general", "general")

cell_xml = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["<c r='{r}'><v>1</v></c>"]).map(lambda s: s),  # single quotes: not plain
    st.builds(
        lambda kind, value, formula, style: ("xml", kind, value, formula, style),
        st.sampled_from(["n", "str", "b", "e", "inlineStr", "s"]),
        st.text(alphabet="0123456789.E-&<>amp;lt#x41 中文\r\n", max_size=12),
        st.one_of(st.none(), st.just("SUM(A1:A2)")),
        st.integers(0, 4),
    ),
)


def render(ref: str, value: object) -> object:
    if isinstance(value, str) and value.startswith("<c r='"):
        return ("xml", value.format(r=ref))
    if isinstance(value, tuple) and value[0] == "xml":
        _, kind, text, formula, style = value
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        inner = f"<f>{formula}</f>" if formula else ""
        inner += f"<is><t>{escaped}</t></is>" if kind == "inlineStr" else f"<v>{escaped}</v>"
        return ("xml", f'<c r="{ref}" s="{style}" t="{kind}">{inner}</c>')
    return value


@settings(max_examples=300)
@given(
    st.dictionaries(st.sampled_from(REFS), cell_xml, max_size=12),
    st.sets(st.sampled_from(REFS), min_size=1),
)
def test_scanner_matches_the_parser(cells: dict, wanted: set) -> None:
    data = sheet_xml(
        {ref: render(ref, v) for ref, v in cells.items()}, TRANSITIONAL["main"]
    ).encode()
    fast = scan_cells(data, wanted)
    try:
        slow = _read_sheet_cells(data, {split_ref(r): r for r in wanted}, 99)
    except WorkbookError:
        return  # not well-formed XML: no answer to compare with (the scanner does not judge it)
    if fast is None:
        return
    shared = ("甲", "乙")

    def convert(raw: dict) -> dict:
        return {r: _to_raw_cell(*raw[r], shared, STYLES) if r in raw else BLANK for r in wanted}

    try:
        expected = convert(slow)
    except Exception as error:  # the parser path raises on bad shared-string indexes
        try:
            convert(fast)
        except Exception as same:
            assert type(same) is type(error)
            return
        raise
    assert convert(fast) == expected


def test_unusual_sheets_go_to_the_parser() -> None:
    plain = sheet_xml({"A1": 1}, TRANSITIONAL["main"]).encode()
    assert plain_shape(plain)
    assert not plain_shape(plain.replace(b"<sheetData>", b"<!-- x --><sheetData>"))
    assert not plain_shape(plain.replace(b'<c r="A1"', b"<c"))
    assert not plain_shape(
        plain.replace(b"<worksheet", b"<x:worksheet").replace(b"</worksheet>", b"</x:worksheet>")
    )
    assert not plain_shape(plain[:-5])
