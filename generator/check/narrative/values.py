"""The figures a text is checked against: the report's own tables, or a build's totals, and the
other sets a sentence may speak of (the reporting body's own figures, each group's)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from generator.formats.narrative import Base


@dataclass(frozen=True)
class FigureSet:
    """Field values under a name (表格, 全部单位合计, 株洲市人民政府本单位, 市本级)."""

    label: str
    numbers: Mapping[str, Decimal]
    labels: Mapping[str, str] = field(default_factory=dict)
    """What each field is called in messages (the format's label)."""
    year: int | None = None
    """The year the figures are of, when known (a change 较2024年 is checked against 2024's)."""

    def of(self, base: Base) -> Decimal | None:
        """The sum of the base's fields, or None when any of them is unknown."""
        values = [self.numbers.get(f) for f in base.fields]
        if any(v is None for v in values):
            return None
        return sum(values, Decimal(0))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Figures:
    """The main set (the tables of this report), the other sets a sentence may mean, and last
    year's (for 同比)."""

    main: FigureSet
    others: tuple[FigureSet, ...] = ()
    previous: FigureSet | None = None
    stated: dict[str, Decimal] = field(default_factory=dict)
    """Figures the text itself states where no table holds them (信息处理费 in a report)."""
