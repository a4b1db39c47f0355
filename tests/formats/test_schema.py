"""format.toml is checked against its schema: every mistake names the file and the key's path."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.formats.spec import FormatError, load_format
from tests.conftest import ROOT


def copy_with(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    """A copy of the 2021 format folder with one piece of its format.toml replaced."""
    folder = tmp_path / "templates" / "2021"
    folder.mkdir(parents=True)
    text = (ROOT / "templates" / "2021" / "format.toml").read_text(encoding="utf-8")
    assert old in text
    (folder / "format.toml").write_text(text.replace(old, new, count), encoding="utf-8")
    return folder


def test_a_typo_in_a_key_is_refused_with_its_path(tmp_path: Path) -> None:
    folder = copy_with(tmp_path, 'severity = "warning"', 'severty = "warning"')
    with pytest.raises(FormatError) as caught:
        load_format(folder)
    assert str(caught.value).startswith('templates/2021/format.toml: rules[1]: 未知的键 "severty"')


def test_a_missing_key_is_named_with_its_path(tmp_path: Path) -> None:
    folder = copy_with(
        tmp_path, 'label = "收取信息处理费的件数"\nkind = "count"', 'label = "收取信息处理费的件数"'
    )
    with pytest.raises(FormatError, match=r'format.toml: sheets\[4\].items\[9\]: 缺少 "kind"'):
        load_format(folder)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('op = "="', 'op = "=="', r"rules\[0\].op: 应为 =、<= 之一，现在是 \'==\'"),
        ('severity = "warning"', 'severity = "warn"', r"rules\[1\].severity: 应为 error、warning"),
        ("rows = 10", 'rows = "10"', r"sheets\[4\].items\[1\].rows: 应为整数"),
        ('kind = "amount"\nunit = "万元"', 'kind = "amounts"\nunit = "万元"', r"tables\[3\].kind"),
        ('label = "上年结转"\n', "", r'rules\[1\]: 与上年比较的规则要有 "label"'),
        ("last_year = 9999", "", r'templates/2021/format.toml: 缺少 "last_year"'),
        (
            'sum = ["apply.new.total"]',
            'sum = ["apply.new.totl"]',
            r"headlines: 'apply.new.totl' 不是数值字段",
        ),
        (
            '["自然人", "apply.new.natural"]',
            '["自然人"]',
            r"charts\[2\].bars\[0\]: 应为 \[名称, 字段",
        ),
        ('key = "penalty"\nlabel', 'key = "license"\nlabel', r"headlines: key 重复"),
        (
            'unit = "件"\nsum = ["apply.new.total"]',
            'sum = ["apply.new.total"]',
            r'headlines\[3\]: 缺少 "unit"',
        ),
    ],
)
def test_wrong_values_are_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        load_format(copy_with(tmp_path, old, new))


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"templates/2021/format.toml: 不是有效的 TOML"):
        load_format(copy_with(tmp_path, 'name = "', "name = "))
