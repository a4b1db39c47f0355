"""A comparison with last year in words, as the 图解 and the 汇总表 print it in a table cell."""

from __future__ import annotations

from generator.compute.compare import Comparison


def change_words(c: Comparison) -> str:
    """增加18件, 减少3件, 提高0.5个百分点, 持平."""
    if c.same:
        return "持平"
    if c.points:
        return f"{'提高' if c.increased else '降低'}{c.change.text}个百分点"
    return f"{'增加' if c.increased else '减少'}{c.change.text}{c.unit}"


def rate_words(c: Comparison) -> str:
    """增长2.6%, 下降1.2%; — where there is no percentage (a rate, or last year 0)."""
    if c.rate is None or c.same:
        return "—"
    return f"{'增长' if c.increased else '下降'}{c.rate.text}"
