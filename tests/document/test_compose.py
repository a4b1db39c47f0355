import datetime as dt
from pathlib import Path

from generator.base.problems import Location
from generator.compute.figures import Figure, text
from generator.document.compose import compose
from generator.document.model import Role, Style


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
