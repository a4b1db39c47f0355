"""Last year's inputs for a test: this year's workbooks refilled in fresh forms, a few figures changed.

The forms are made and filled by the fill-in workbook code (generator.fillin), as an office would
make them with --init and units would fill them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.fillin.workbook import fill_form, new_form
from generator.formats.spec import FormatSpec
from generator.read.inputs import list_inputs
from generator.read.unit import read_unit


def last_year(
    source: Path,
    target: Path,
    spec: FormatSpec,
    year: int,
    changes: Mapping[str, int],
    zero: tuple[str, ...] = (),
) -> Path:
    """`target` (a folder named for `year`) with every workbook of `source` as it was in `year`:
    the same figures, but the body's fields in `changes` moved by the given amounts, and the
    fields in `zero` 0 in every unit."""
    target.mkdir(parents=True)
    blank = new_form(spec)
    for path in list_inputs(source).files:
        unit = read_unit(path, spec).unit
        assert unit is not None
        values = {
            key: cell.value
            for key, cell in unit.values.items()
            if not spec.fields[key].kind.computed
        }
        values["unit.year"] = year
        values.update(dict.fromkeys(zero, 0))
        if unit.level == spec.body_level:
            for key, delta in changes.items():
                values[key] = values[key] + delta
        lists = {key: [(r.heading, r.text) for r in rows] for key, rows in unit.lists.items()}
        (target / path.name).write_bytes(fill_form(blank, spec, values, lists))
    return target
