"""Render a format's Jinja template into the document model.

The template writes a small line-based markup (``#1 一、…`` for a heading, a plain line for a
paragraph, ``#table name`` for a table). Every value the template prints is swapped for a token
while rendering, so text from a workbook can never be read as markup or as template code, and each
printed figure stays linked to the cells it came from.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from generator.base.user_cache import user_cache_folder
from generator.compute.figures import Figure
from generator.document.model import Block, Document, Paragraph, Role, Run, SignOff, Style, Table

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
    """The format's template is broken (a developer's mistake); says which template and line."""

    def __init__(self, template: Path, line: int | None, detail: str) -> None:
        where = f"{template.parent.parent.name}/{template.parent.name}/{template.name}"
        super().__init__(f"{where}:{line}: {detail}" if line else f"{where}: {detail}")
        self.template = template
        self.line = line
        self.detail = detail


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


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between runs; a cache that cannot be written is just not used.

    Jinja keys a compiled template by its name and checks its text; the compiled code also
    depends on the environment's settings (made in this module) and on Jinja's version, so both
    are in the key too: after an upgrade or a change here, templates compile afresh.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        made_by = f"{jinja2.__version__}:".encode() + Path(__file__).read_bytes()
        self._made_by = hashlib.sha256(made_by).hexdigest()[:16]

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return f"{super().get_cache_key(name, filename)}-{self._made_by}"

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates in the user's cache folder, if there is one.

    Compiling the report template is a sixth of a whole build; a cached copy is used only
    while the template's text is unchanged.
    """
    folder = user_cache_folder("templates")
    try:
        return _QuietBytecodeCache(folder) if folder else None
    except OSError:
        return None


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
        bytecode_cache=_bytecode_cache(),
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
    except jinja2.TemplateSyntaxError as error:
        raise _syntax_problem(error, folder / template) from error
    except (jinja2.TemplateError, AttributeError, TypeError, KeyError) as error:
        name, line = _template_frame(error, folder / template)
        raise TemplateProblem(name, line, str(error)) from error
    return _parse(rendered, tokens.items, tables)


def compile_templates(folder: Path) -> None:
    """Compile every template of a format folder (what --check can know of them without
    rendering); TemplateProblem names the first one broken, and its line."""
    environment, _ = _environment(folder)
    for name in environment.list_templates(extensions=["j2"]):
        try:
            environment.get_template(name)
        except jinja2.TemplateSyntaxError as error:
            raise _syntax_problem(error, folder / name) from error


def _syntax_problem(error: jinja2.TemplateSyntaxError, fallback: Path) -> TemplateProblem:
    name = Path(error.filename) if error.filename else fallback
    return TemplateProblem(name, error.lineno, error.message or str(error))


def _template_frame(error: BaseException, fallback: Path) -> tuple[Path, int | None]:
    """The template file and line where a rendering error happened.

    Jinja rewrites tracebacks so that template code appears with its own file name and line;
    the innermost such frame is where the error is.
    """
    found: tuple[Path, int | None] = (fallback, None)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.endswith(".j2"):
            found = (Path(frame.filename), frame.lineno)
    return found


def _parse(rendered: str, items: list[_Styled], tables: Mapping[str, Table]) -> Document:
    blocks: list[Block] = []
    closing: dict[Style, Paragraph] = {}
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
        if not runs:
            continue
        if style in (Style.SIGNATURE, Style.DATE):
            closing[style] = Paragraph(style, runs)
        else:
            blocks.append(Paragraph(style, runs))
    title = next(
        (b.text for b in blocks if isinstance(b, Paragraph) and b.style is Style.TITLE), ""
    )
    sign_off = SignOff(closing.get(Style.SIGNATURE), closing.get(Style.DATE))
    return Document(title=title, blocks=tuple(blocks), sign_off=sign_off)


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
