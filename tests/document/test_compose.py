import datetime as dt
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from generator.base.problems import Location
from generator.compute.figures import Figure, text
from generator.document.compose import _QuietBytecodeCache, compose
from generator.document.model import Role, Style
from tests.conftest import ROOT


def render(tmp_path: Path, template: str, **context) -> object:
    (tmp_path / "t.j2").write_text(template, encoding="utf-8")
    return compose(tmp_path, "t.j2", context, {})


def test_markup_lines_become_styled_paragraphs(tmp_path: Path) -> None:
    doc = render(
        tmp_path,
        "#title 标题\n#1 一、总体\n#2 （一）小节\n正文{{ n }}件。\n\n#signature 某机关\n#date {{ d }}\n",
        n=Figure("total.n", None, "12", (Location("a.xlsx", "表", "B3"),)),
        d=text("d", dt.date(2019, 3, 20), ()),
    )
    assert [b.style for b in (*doc.blocks, *doc.sign_off.paragraphs)] == [
        Style.TITLE,
        Style.HEADING1,
        Style.HEADING2,
        Style.BODY,
        Style.SIGNATURE,
        Style.DATE,
    ]
    assert (doc.title, doc.author, doc.date) == ("标题", "某机关", dt.date(2019, 3, 20))
    body = doc.blocks[3]
    assert body.text == "正文12件。"
    assert body.runs[1].figure.sources == (Location("a.xlsx", "表", "B3"),)


def test_values_cannot_inject_markup_or_template_code(tmp_path: Path) -> None:
    evil = text("x", "#1 {{ 7*7 }}\n#title 假标题", ())
    doc = render(tmp_path, "前{{ v }}后\n", v=evil)
    assert len(doc.blocks) == 1
    assert doc.blocks[0].style is Style.BODY
    assert "{{ 7*7 }}" in doc.blocks[0].text


def test_runin_headings(tmp_path: Path) -> None:
    doc = render(
        tmp_path,
        "{{ h | runin }}{{ t }}\n",
        h=text("h", "（一）标题。", ()),
        t=text("t", "正文", ()),
    )
    runs = doc.blocks[0].runs
    assert [(r.text, r.role) for r in runs] == [
        ("（一）标题。", Role.HEADING2),
        ("正文", Role.TEXT),
    ]


def test_empty_values_print_nothing(tmp_path: Path) -> None:
    doc = render(tmp_path, "{{ none }}\n{{ empty }}\n甲\n", none=None, empty=text("e", None, ()))
    assert [b.text for b in doc.blocks] == ["甲"]


RENDER_IN_A_NEW_PROCESS = """
import sys
from pathlib import Path
from generator.document.compose import TemplateProblem, compose
try:
    print(compose(Path(sys.argv[1]), "t.j2", {}, {}).blocks[0].text)
except TemplateProblem as problem:
    print(problem)
"""


def _render_in_a_new_process(folder: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RENDER_IN_A_NEW_PROCESS, str(folder)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return result.stdout.strip()


def test_a_template_edited_after_it_was_cached_renders_as_edited(tmp_path: Path) -> None:
    template = tmp_path / "t.j2"
    template.write_text("甲\n", encoding="utf-8")
    assert _render_in_a_new_process(tmp_path) == "甲"
    template.write_text("乙\n", encoding="utf-8")  # same size, maybe the same mtime
    assert _render_in_a_new_process(tmp_path) == "乙"
    template.write_text("甲\n\n{{ missing.x }}\n", encoding="utf-8")
    _render_in_a_new_process(tmp_path)
    assert _render_in_a_new_process(tmp_path).startswith(
        f"{tmp_path.parent.name}/{tmp_path.name}/t.j2:3: "
    )


def test_a_cache_that_cannot_be_written_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "dump_bytecode", refuse)
    monkeypatch.setattr(jinja2.FileSystemBytecodeCache, "load_bytecode", refuse)
    assert render(tmp_path, "丙\n").blocks[0].text == "丙"


def test_compiled_templates_are_keyed_by_jinjas_version_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _QuietBytecodeCache(tmp_path).get_cache_key("t.j2", "t.j2")
    monkeypatch.setattr(jinja2, "__version__", "99.0")
    assert _QuietBytecodeCache(tmp_path).get_cache_key("t.j2", "t.j2") != key
