"""Hand-written XML escaping gives what the standard library gives."""

from xml.sax import saxutils

from hypothesis import given
from hypothesis import strategies as st

from generator.base.xml_text import escape, quoteattr

TEXT = st.text(st.sampled_from("a&<>\"'\n\r\t汉 "), max_size=12)


@given(TEXT)
def test_escape_is_the_standard_librarys(text: str) -> None:
    assert escape(text) == saxutils.escape(text)


@given(TEXT)
def test_quoteattr_is_the_standard_librarys(text: str) -> None:
    assert quoteattr(text) == saxutils.quoteattr(text)
