from decimal import Decimal

import pytest

from generator.base.numbers import format_decimal, round_half_up
from generator.base.problems import Location
from generator.compute.figures import Figure, number, percent


def count(value: int) -> Figure:
    return number("x", Decimal(value), (Location("a.xlsx", "表", "B3"),))


@pytest.mark.parametrize(
    ("part", "base", "expected"),
    [
        (1, 16, "6.3%"),  # 6.25: banker's rounding would give 6.2
        (1, 400, "0.3%"),  # 0.25: banker's rounding would give 0.2
        (511, 1120, "45.6%"),  # 45.625
        (358, 1120, "32.0%"),  # the trailing zero is kept
        (3162, 27724, "11.4%"),
        (23510, 27724, "84.8%"),
        (0, 1120, "0.0%"),
        (0, 0, "0.0%"),
    ],
)
def test_percent_rounds_half_up_to_one_decimal(part: int, base: int, expected: str) -> None:
    assert percent("s", count(part), count(base)).text == expected


def test_percent_keeps_both_sources() -> None:
    share = percent("s", count(1), count(2))
    assert len(share.sources) == 2


def test_percent_with_other_decimals() -> None:
    assert percent("s", count(1), count(3), decimals=2).text == "33.33%"
    assert percent("s", count(1), count(8), decimals=0).text == "13%"  # 12.5 → 13


def test_round_half_up_is_not_bankers() -> None:
    assert round_half_up(Decimal("2.5"), 0) == 3
    assert round_half_up(Decimal("0.05"), 1) == Decimal("0.1")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (27724, "2.8万"),
        (7810000, "781万"),
        (15000, "1.5万"),
        (10000, "1万"),
        (9999, "9999"),
        (14950, "1.5万"),
    ],
)
def test_wan(value: int, expected: str) -> None:
    assert count(value).wan.text == expected


def test_wan_keeps_sources_and_value() -> None:
    figure = count(27724)
    assert figure.wan.sources == figure.sources
    assert figure.wan.value == 27724


def test_format_decimal() -> None:
    assert format_decimal(Decimal("781.0")) == "781"
    assert format_decimal(Decimal("4068.2080")) == "4068.208"
    assert format_decimal(Decimal("1E+3")) == "1000"
