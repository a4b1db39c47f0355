"""What a build is asked to do, resolved once and handed down to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.base.progress import Progress, Silent
from generator.formats.registry import format_for_year
from generator.formats.spec import FormatSpec
from generator.read.input_names import InputNames
from generator.write.registry import WRITERS, Writer


@dataclass(frozen=True)
class BuildOptions:
    """The year and its format, where inputs are and outputs go, and how to build."""

    year: int
    spec: FormatSpec
    inputs: Path
    out: Path
    strict: bool = False
    """Warnings block the build too."""
    each: bool = False
    """Also one report per unit."""
    pdf: bool = False
    charts: bool = False
    """Also the 图解, and the charts appended to the Word file."""
    unit_list: Path | None = None
    """单位清单.txt: the units that should have sent a workbook."""
    writers: tuple[Writer, ...] = WRITERS
    progress: Progress = field(default_factory=Silent, compare=False)
    names: InputNames | None = None
    """How messages name the inputs; the folders and files as given unless set (the web page
    names its upload fields)."""

    @property
    def input_names(self) -> InputNames:
        return self.names or InputNames.folders(self.inputs, self.year, self.unit_list)

    @property
    def active_writers(self) -> tuple[Writer, ...]:
        """The writers this build runs: those written always, and those its options ask for."""
        return tuple(w for w in self.writers if not w.charts or self.charts)

    @classmethod
    def for_year(
        cls, year: int, inputs: Path | None = None, out: Path | None = None, **options: object
    ) -> BuildOptions:
        """Options for a year's report (raises FormatUnavailable when no format covers it);
        inputs/YEAR and out/YEAR unless given."""
        return cls(
            year=year,
            spec=format_for_year(year),
            inputs=inputs if inputs is not None else Path("inputs") / str(year),
            out=out if out is not None else Path("out") / str(year),
            **options,  # type: ignore[arg-type]
        )
