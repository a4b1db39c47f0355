from pathlib import Path

import pytest

from generator.formats.kinds import KINDS
from generator.formats.registry import FormatUnavailable, all_formats, format_for_year
from generator.formats.spec import FormatError, load_format
from tests.conftest import ROOT


def test_year_chooses_the_format() -> None:
    assert format_for_year(2018).key == "2018"
    assert format_for_year(2010).key == "2018"
    assert [format_for_year(y).key for y in (2019, 2020, 2021)] == ["2019", "2019", "2021"]
    with pytest.raises(FormatUnavailable, match="2007 年度没有可用的报告格式"):
        format_for_year(2007)


def test_every_format_loads_and_is_consistent() -> None:
    for spec in all_formats():
        assert spec.fields["unit.name"].kind is KINDS["text"]
        assert (spec.folder / spec.template).exists()


def test_cells_follow_the_item_order(spec2018) -> None:
    received = spec2018.field("apply.received")
    assert (received.sheet, received.ref, received.labels) == (
        "依申请公开",
        "B3",
        (("A3", "收到申请总数"),),
    )
    part1 = spec2018.field("text.part1")
    assert part1.list_refs()[0] == ("B5", "C5")
    assert spec2018.field("text.part2_intro").row == part1.row + part1.rows + 1


def test_labels_are_the_official_wording(spec2018) -> None:
    labels = {f.id: f.label for f in spec2018.fields.values()}
    assert (
        labels["result.other"]
        == "不属于本机关信息、申请信息不存在、告知作出更改补充或通过其他途径办理"
    )
    assert labels["reason.security"] == "危及国家安全、公共安全、经济安全和社会稳定"


def broken_folder(tmp_path: Path, replace: tuple[str, str]) -> Path:
    folder = tmp_path / "x"
    folder.mkdir()
    text = (ROOT / "templates" / "2018" / "format.toml").read_text(encoding="utf-8")
    assert replace[0] in text
    (folder / "format.toml").write_text(text.replace(*replace, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "replace",
    [
        ('id = "apply.fax"', 'id = "apply.in_person"'),  # duplicate id
        ('right = ["apply.received"]', 'right = ["apply.nothing"]'),  # unknown field in a rule
        ('op = "<="', 'op = ">"'),
        ('body = "市政府"', 'body = "省政府"'),
        ('kind = "level"', 'kind = "levels"'),
    ],
)
def test_inconsistent_formats_are_refused(tmp_path: Path, replace: tuple[str, str]) -> None:
    with pytest.raises(FormatError):
        load_format(broken_folder(tmp_path, replace))
