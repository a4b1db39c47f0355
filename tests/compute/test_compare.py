"""同比: a count's change in per cent of last year's (half up), a rate's in points, nothing of 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.compute.compare import compare
from generator.compute.figures import Figure, number
from generator.formats.registry import format_for_year


def figures(**values: str) -> dict[str, Figure]:
    return {k: Figure(k, Decimal(v), f"{v}%" if "." in v else v) for k, v in values.items()}


@pytest.fixture(scope="module")
def spec():
    return format_for_year(2025)


def test_a_count_changes_by_a_percentage_rounded_half_up(spec) -> None:
    found = compare(spec, figures(apply_new="10125"), figures(apply_new="10000"), 2025)
    c = found["apply_new"]
    assert (c.change.text, c.rate.text) == ("125", "1.3%")  # 1.25 → 1.3, not 1.2
    assert c.increased and not c.points and c.years == ("2025年", "2024年")
    down = compare(spec, figures(apply_new="693"), figures(apply_new="713"), 2025)["apply_new"]
    assert down.decreased and (down.change.text, down.rate.text) == ("20", "2.8%")


def test_no_percentage_of_zero_and_none_of_no_change(spec) -> None:
    from_zero = compare(spec, figures(review="61"), figures(review="0"), 2025)["review"]
    assert from_zero.rate is None and from_zero.increased and from_zero.change.text == "61"
    same = compare(spec, figures(review="0"), figures(review="0"), 2025)["review"]
    assert same.same and same.rate is None


def test_a_rate_changes_by_points_between_the_printed_rates(spec) -> None:
    c = compare(spec, figures(disclosed_rate="40.9"), figures(disclosed_rate="39.3"), 2025)[
        "disclosed_rate"
    ]
    assert c.points and c.rate is None and c.change.value == Decimal("1.6")


def test_only_headlines_last_year_had_are_compared(spec) -> None:
    found = compare(spec, figures(apply_new="5", review="1"), figures(review="1"), 2025)
    assert list(found) == ["review"]


def test_the_comparison_keeps_both_years_sources(spec) -> None:
    from generator.base.problems import Location

    now = {"review": number("h", Decimal(3), (Location("a.xlsx", "复议诉讼", "E5"),))}
    last = {"review": number("p", Decimal(1), (Location("2024年度 a.xlsx", "复议诉讼", "E5"),))}
    c = compare(spec, now, last, 2025)["review"]
    assert [str(s) for s in c.change.sources] == [
        "a.xlsx 复议诉讼!E5",
        "2024年度 a.xlsx 复议诉讼!E5",
    ]
    assert c.previous.name == "yoy.review.previous"
