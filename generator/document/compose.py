"""Render a format's Jinja template into the document model.

The template writes a small line-based markup (``#1 一、…`` for a heading, a plain line for a
paragraph, ``#table name`` for a table). Every value the template prints is swapped for a token
while rendering, so text from a workbook can never be read as markup or as template code, and each
printed figure stays linked to the cells it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from generator.document.model import Block, Document, Paragraph, Role, Run, Style, Table
from generator.figures import Figure

_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_LINE_STYLES = {
    "#title": Style.TITLE,
    "#1": Style.HEADING1,
    "#2": Style.HEADING2,
    "#3": Style.HEADING3,
    "#signature": Style.SIGNATURE,
    "#date": Style.DATE,
}


class TemplateProblem(Exception):
    """The format's template is broken (a developer's mistake); the message says where."""


@dataclass(frozen=True, slots=True)
class _Styled:
    figure: Figure
    role: Role


LINE_BREAK = object()
"""Printed as {{ br }}: a place where a title may break onto a second line."""


class _Tokens:
    """Collects what the template prints and hands back placeholders (one render at a time)."""

    def __init__(self) -> None:
        self.items: list[_Styled] = []

    def finalize(self, value: Any) -> str:
        if value is None:
            return ""
        if value is LINE_BREAK:
            self.items.append(_Styled(Figure("", None, ""), Role.BREAK))
            return f"{_OPEN}{len(self.items) - 1}{_CLOSE}"
        if isinstance(value, Figure):
            value = _Styled(value, Role.TEXT)
        elif not isinstance(value, _Styled):
            value = _Styled(Figure("", str(value), str(value)), Role.TEXT)
        if not value.figure.text:
            return ""
        self.items.append(value)
        return f"{_OPEN}{len(self.items) - 1}{_CLOSE}"


def _runin(value: Figure | None, level: int = 2) -> _Styled | None:
    if value is None:
        return None
    return _Styled(value, Role.HEADING2 if level == 2 else Role.HEADING3)


@lru_cache(maxsize=8)
def _environment(folder: Path) -> tuple[jinja2.Environment, _Tokens]:
    """The Jinja environment of a format folder (templates compile once per process)."""
    tokens = _Tokens()
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=lambda value: tokens.finalize(value),
    )
    environment.filters["runin"] = _runin
    return environment, tokens


def compose(
    folder: Path, template: str, context: Mapping[str, Any], tables: Mapping[str, Table]
) -> Document:
    """Render the template with the context and parse the result into a Document."""
    environment, tokens = _environment(folder)
    tokens.items = []
    try:
        rendered = environment.get_template(template).render({**context, "br": LINE_BREAK})
    except jinja2.TemplateError as error:
        where = getattr(error, "lineno", None)
        raise TemplateProblem(f"{folder / template}:{where}: {error}") from error
    return _parse(rendered, tokens.items, tables)


def _parse(rendered: str, items: list[_Styled], tables: Mapping[str, Table]) -> Document:
    blocks: list[Block] = []
    for line in rendered.splitlines():
        line = line.strip()
        if not line:
            continue
        marker, _, rest = line.partition(" ")
        if marker == "#table":
            blocks.append(tables[rest.strip()])
            continue
        style = _LINE_STYLES.get(marker)
        if style is None:
            style, rest = Style.BODY, line
        runs = _runs(rest.strip(), items)
        if runs:
            blocks.append(Paragraph(style, runs))
    return _document(blocks)


def _runs(text: str, items: list[_Styled]) -> tuple[Run, ...]:
    runs: list[Run] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        item = items[int(match.group(1))]
        runs.append(Run(item.figure.text, item.figure if item.figure.name else None, item.role))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return tuple(runs)


def _document(blocks: list[Block]) -> Document:
    def first(style: Style, pick: Callable[[Paragraph], Any]) -> Any:
        for block in blocks:
            if isinstance(block, Paragraph) and block.style is style:
                return pick(block)
        return None

    def date_of(paragraph: Paragraph) -> dt.date | None:
        for run in paragraph.runs:
            if run.figure is not None and isinstance(run.figure.value, dt.date):
                return run.figure.value
        return None

    return Document(
        title=first(Style.TITLE, lambda p: p.text) or "",
        author=first(Style.SIGNATURE, lambda p: p.text) or "",
        date=first(Style.DATE, date_of),
        blocks=tuple(blocks),
    )
