"""The writers, in one list: each turns a Publication into the bytes of one file.

A writer is a module with ``render(publication) -> bytes`` and a line here; the build stages
every writer's file, --each writes the ones marked `each` for every unit, and the command line
and --help name them from this list. Conversions (PDF from the Word file) run on staged files.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from generator.base.textwidth import spaced

if TYPE_CHECKING:  # the registry stays light: --help reads it
    from generator.write.publication import Publication


class Writer(NamedTuple):
    """One output file of a report."""

    key: str
    suffix: str
    """Appended to the report's file name: ".txt", "汇总表.xlsx"."""
    label: str
    """What the file is, in the command's messages."""
    module: str
    """The module whose render(publication) writes it (imported only when used)."""
    each: bool = True
    """Also written for every unit's own report (--each)."""
    charts: bool = False
    """Written only when charts are asked for (--charts)."""

    def render(self, publication: Publication) -> bytes:
        return importlib.import_module(self.module).render(publication)


class WriterError(Exception):
    """A writer could not make its file (e.g. no Chinese font for the charts); for the user."""


class ConversionError(Exception):
    """A conversion could not be made; the message is for the user."""


class Conversion(NamedTuple):
    """A file made from another writer's staged file by an outside program (PDF via LibreOffice)."""

    key: str
    suffix: str
    label: str
    source: str
    """The key of the writer whose files are converted."""
    module: str
    """The module whose convert(paths) makes the files beside them (or raises ConversionError)."""

    def convert(self, paths: list[Path]) -> list[Path]:
        return importlib.import_module(self.module).convert(paths)


WRITERS: tuple[Writer, ...] = (
    Writer("text", ".txt", "文本", "generator.write.text"),
    Writer("docx", ".docx", "Word", "generator.write.docx"),
    Writer("html", ".html", "网页", "generator.write.html"),
    Writer("cms", "（网站编辑器用）.html", "网站编辑器用网页", "generator.write.html_cms"),
    Writer("graphic", "图解.html", "图解", "generator.write.graphic", charts=True),
    Writer("summary", "汇总表.xlsx", "汇总表", "generator.write.summary_xlsx", each=False),
)

CONVERSIONS: tuple[Conversion, ...] = (
    Conversion("pdf", ".pdf", "PDF", "docx", "generator.write.pdf"),
)


def writer_for(key: str) -> Writer:
    return next(w for w in WRITERS if w.key == key)


def conversion_for(key: str) -> Conversion:
    return next(c for c in CONVERSIONS if c.key == key)


def labels(writers: tuple[Writer | Conversion, ...]) -> str:
    """The writers' (and conversions') labels as a phrase, spaced as Chinese text is: 文本和 Word;
    文本、Word 和网页."""
    names = [w.label for w in writers]
    return spaced(names[-1] if len(names) == 1 else "、".join(names[:-1]) + "和" + names[-1])


class Output(NamedTuple):
    """What made a report's file: its place among the outputs, its writer's label and suffix."""

    rank: int
    """The writers' order, each conversion right after its source."""
    label: str
    suffix: str
    """What the writer appended to the report's name: the name less it is the report's."""


def output_of(name: str) -> Output | None:
    """The writer (the longest suffix the file name ends with) or the conversion that made a file
    of this name; None for a file no writer makes."""
    for conversion in CONVERSIONS:
        if name.endswith(conversion.suffix):
            source = next(i for i, w in enumerate(WRITERS) if w.key == conversion.source)
            return Output(2 * source + 1, conversion.label, conversion.suffix)
    matching = [(len(w.suffix), i) for i, w in enumerate(WRITERS) if name.endswith(w.suffix)]
    if not matching:
        return None
    place = max(matching)[1]
    return Output(2 * place, WRITERS[place].label, WRITERS[place].suffix)


def output_rank(name: str) -> int:
    """Where a file is listed among a report's outputs; files no writer makes come last."""
    found = output_of(name)
    return found.rank if found else 2 * len(WRITERS)
