"""The text staff type into the 文字材料 sheet, checked against the build's own figures.

The same rules --audit applies to a finished report (the format's narrative.toml): a sentence
that states a count or a share the tables contradict, or claims 均获维持 while a case is pending,
blocks the build with an error naming its 文字材料 cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.base.problems import Problems
from generator.check.narrative.claims import check_claims
from generator.check.narrative.figures import check_figures
from generator.check.narrative.text import Passage
from generator.check.narrative.values import Figures, FigureSet
from generator.check.units import PreviousYear
from generator.compute.aggregate import add_up, units_in_group
from generator.formats.kinds import Reads
from generator.formats.spec import FormatSpec
from generator.read.unit import UnitData


def check_typed_text(
    units: Sequence[UnitData],
    spec: FormatSpec,
    previous: PreviousYear | None,
    each: bool,
    problems: Problems,
) -> None:
    """The reporting body's text against the totals (or its own, or a group's, figures); with
    `each`, every unit's text against its own figures too."""
    narrative = spec.narrative
    if narrative is None:
        return
    last = (
        _figures("上年汇总数", previous.units, previous.spec, previous.year) if previous else None
    )
    for unit in units:
        is_body = unit.level == spec.body_level
        if not (is_body or each):
            continue
        own = _figures(f"{unit.name}本单位的统计数", [unit], spec)
        if is_body:
            groups = tuple(
                _figures(f"“{g.label}”的统计数", units_in_group(units, g.levels), spec)
                for g in spec.groups
            )
            figures = Figures(_figures("各单位汇总的统计数", units, spec), (own, *groups), last)
        else:
            figures = Figures(own, (), None)
        passages = typed_passages(unit, spec)
        check_figures(passages, narrative, figures, problems)
        check_claims(passages, narrative, figures, problems)


def typed_passages(unit: UnitData, spec: FormatSpec) -> list[Passage]:
    """Every paragraph typed in the unit's text fields, located at its cell."""
    passages = []
    for item in spec.fields.values():
        if item.kind.reads is Reads.LIST:
            for row in unit.lists.get(item.id, []):
                text = "".join(t for t in (row.heading, row.text) if t)
                if text:
                    passages.append(Passage(text, row.location, item.label))
        elif item.kind.multiline:
            cell = unit.values.get(item.id)
            if cell is not None and cell.value:
                passages.append(Passage(str(cell.value), cell.location, item.label))
    return passages


def _figures(
    label: str, units: Sequence[UnitData], spec: FormatSpec, year: int | None = None
) -> FigureSet:
    totals = add_up(units, spec, "narrative").figures
    numbers = {k: f.value for k, f in totals.items() if isinstance(f.value, Decimal)}
    return FigureSet(label, numbers, {f.id: f.label for f in spec.fields.values()}, year)
