"""Writers are data: a new output is a module with render(publication) and one registry line."""

from __future__ import annotations

from pathlib import Path

from generator.cli.main import description
from generator.pipeline.build import build
from generator.pipeline.options import BuildOptions
from generator.pipeline.writing import UNITS_FOLDER
from generator.write.registry import WRITERS, Writer, labels
from tests.conftest import ROOT

TITLES = Writer("titles", "（标题）.txt", "标题", "tests.write.titles_writer")


def test_a_registered_writer_is_written_for_the_report_and_every_unit(tmp_path: Path) -> None:
    options = BuildOptions.for_year(
        2018, ROOT / "inputs" / "2018", tmp_path, each=True, writers=(*WRITERS, TITLES)
    )
    result = build(options)
    stem = "株洲市人民政府2018年政府信息公开工作年度报告"
    written = {p.relative_to(tmp_path).as_posix() for p in result.written}
    assert f"{stem}（标题）.txt" in written
    assert (tmp_path / f"{stem}（标题）.txt").read_text(encoding="utf-8").startswith(stem)
    unit_titles = [
        p for p in (tmp_path / UNITS_FOLDER).iterdir() if p.name.endswith("（标题）.txt")
    ]
    assert len(unit_titles) == 16
    assert not list((tmp_path / UNITS_FOLDER).glob("*汇总表.xlsx"))  # the summary is the office's


def test_the_command_names_the_outputs_from_the_list() -> None:
    assert labels(tuple(w for w in WRITERS if w.each)) == "文本、Word、网页、网站编辑器用网页和图解"
    assert labels((*WRITERS[:2], TITLES)) == "文本、Word 和标题"
    assert "（文本、Word、网页和网站编辑器用网页）" in description()  # the 图解 only with --charts
