"""The shipped example inputs, made from a data file through the fill-in workbook code."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from generator.base.filenames import safe_filename
from generator.fillin.workbook import fill_form, new_form
from generator.formats.registry import format_for_year


def example_workbooks(data_file: Path) -> dict[str, bytes]:
    """File name → workbook bytes for every unit the data file describes.

    Each unit gives `counts` in the order of the file's `columns`, or `values` by field id; with
    `fill_zero`, numeric cells it does not list are filled with 0. The reporting body takes the
    `body` fields; every other unit the `unit_defaults`, where {name} stands for its name.
    """
    with data_file.open("rb") as handle:
        data = tomllib.load(handle)
    year = int(data["year"])
    spec = format_for_year(year)
    fields = spec.fields
    workbooks: dict[str, bytes] = {}
    numeric = [f.id for f in spec.summed if not f.kind.computed]
    for unit in data["units"]:
        values: dict[str, Any] = dict.fromkeys(numeric, 0) if data.get("fill_zero") else {}
        values.update(zip(data.get("columns", ()), unit.get("counts", ()), strict=True))
        values.update(unit.get("values", {}))
        extra = dict(unit.get("fields", {}))
        if unit["level"] == spec.body_level:
            extra.update(data.get("body", {}))
        else:
            extra.update(_for_unit(data.get("unit_defaults", {}), unit["name"]))
        lists = {
            k: [(h or None, t or None) for h, t in v]
            for k, v in extra.items()
            if isinstance(v, list)
        }
        values.update({k: v for k, v in extra.items() if not isinstance(v, list)})
        unknown = (set(values) | set(lists)) - set(fields)
        if unknown:
            raise KeyError(f"{data_file}: unknown fields {sorted(unknown)}")
        form = new_form(spec, unit["name"], unit["level"], year)
        workbooks[safe_filename(unit["name"]) + ".xlsx"] = fill_form(form, spec, values, lists)
    return workbooks


def _for_unit(defaults: dict[str, Any], name: str) -> dict[str, Any]:
    """Default fields with {name} replaced by the unit's name."""

    def fill(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("{name}", name)
        if isinstance(value, list):
            return [fill(item) for item in value]
        return value

    return {key: fill(value) for key, value in defaults.items()}
