import datetime as dt
from decimal import Decimal

import pytest

from generator.base.problems import Severity
from generator.read.cells import excel_serial_date, read_date, read_number, read_text
from generator.read.xlsx import RawCell


def number(text: str, fmt: str = "general") -> RawCell:
    return RawCell("number", text, None, fmt)


def text(value: str) -> RawCell:
    return RawCell("text", value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (number("120"), 120),
        (number("80.00000000000001"), 80),
        (number("1.2E3"), 1200),
        (text("120"), 120),
        (text("１２０"), 120),
        (text("1,120"), 1120),
        (text("1，030"), 1030),
        (text("\u00a0120\u3000"), 120),
        (text("1\u200b20"), 120),
        (text("'120"), 120),
        (text("120件"), 120),
    ],
)
def test_counts_read_as_meant(raw: RawCell, expected: int) -> None:
    reading = read_number(raw, unit="件")
    assert reading.ok, reading.issues
    assert reading.value == expected
    assert not [i for i in reading.issues if i[0] == Severity.ERROR]


@pytest.mark.parametrize("placeholder", ["无", "—", "/", "-", "－"])
def test_placeholders_mean_zero_with_a_warning(placeholder: str) -> None:
    reading = read_number(text(placeholder))
    assert reading.value == 0
    assert [code for _, code, _ in reading.issues] == ["placeholder-zero"]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (text("一百二十"), "chinese-numeral"),
        (number("-3"), "negative"),
        (text("-3"), "negative"),
        (text("(30)"), "negative"),
        (number("3.5"), "not-whole"),
        (text("3.5"), "not-whole"),
        (number("43544", "date"), "date"),
        (RawCell("date", "2019-03-20T00:00:00"), "date"),
        (number("0.5", "percent"), "percent"),
        (text("45%"), "percent"),
        (RawCell("bool", "1"), "bool"),
        (RawCell("error", "#N/A"), "error-value"),
        (RawCell("blank", "", "SUM(B1:B3)"), "formula-no-result"),
        (text("abc"), "not-a-number"),
        (number("1e16"), "too-large"),
        (number("1e999999999"), "bad-number"),
        (text("1e999999999"), "not-a-number"),
        (text("9" * 100_000), "not-a-number"),
    ],
)
def test_counts_rejected_with_a_reason(raw: RawCell, code: str) -> None:
    reading = read_number(raw)
    assert reading.value is None
    assert code in [c for _, c, _ in reading.issues]
    assert not reading.ok


def test_blank_count_is_none_not_zero() -> None:
    reading = read_number(RawCell("blank"))
    assert reading.value is None and reading.ok


def test_implausibly_large_count_is_read_with_a_warning() -> None:
    reading = read_number(number("500000000"))
    assert reading.value == 500000000
    assert [c for _, c, _ in reading.issues] == ["implausible"]


def test_amount_keeps_decimals_and_drops_float_noise() -> None:
    assert read_number(number("4068.2080000000001"), whole=False).value == Decimal("4068.208")
    assert read_number(number("0.5"), whole=False).value == Decimal("0.5")


def test_text_is_cleaned_of_controls_with_a_warning() -> None:
    reading = read_text(text("株洲\u202e市\x07财政局 "), 100)
    assert reading.value == "株洲市财政局"
    assert [c for _, c, _ in reading.issues] == ["control-chars"]


def test_text_keeps_template_syntax_literally() -> None:
    assert read_text(text("{{ 7*7 }}"), 100).value == "{{ 7*7 }}"


def test_text_numbers_keep_their_digits() -> None:
    assert read_text(number("412007"), 100).value == "412007"


def test_text_too_long_is_rejected() -> None:
    reading = read_text(text("字" * 101), 100)
    assert reading.value is None and not reading.ok


def test_paragraph_keeps_line_breaks() -> None:
    assert read_text(text("第一段\r\n\n第二段"), 100, multiline=True).value == "第一段\n第二段"


@pytest.mark.parametrize(
    "raw",
    [
        number("43544", "date"),
        text("2019年3月20日"),
        text("2019-03-20"),
        text("2019/3/20"),
        text("２０１９年３月２０日"),
        RawCell("date", "2019-03-20T00:00:00"),
    ],
)
def test_dates(raw: RawCell) -> None:
    assert read_date(raw, date1904=False).value == dt.date(2019, 3, 20)


def test_bad_dates() -> None:
    assert not read_date(text("2019年2月30日"), False).ok
    assert not read_date(text("明年"), False).ok


def test_excel_serial_dates() -> None:
    assert excel_serial_date(1) == dt.date(1900, 1, 1)
    assert excel_serial_date(61) == dt.date(1900, 3, 1)
    assert excel_serial_date(43544) == dt.date(2019, 3, 20)
    assert excel_serial_date(0, date1904=True) == dt.date(1904, 1, 1)
