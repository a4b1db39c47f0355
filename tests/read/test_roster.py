from pathlib import Path

import pytest

from generator.read.roster import ListedUnit, UnitListError, read_unit_list


def test_unit_list_file(tmp_path: Path) -> None:
    listing = tmp_path / "单位清单.txt"
    listing.write_text(
        "# 单位, 层级\n甲局, 市政府工作部门\n乙县人民政府，县市区政府\n丙区\t县市区政府\n\n",
        encoding="utf-8",
    )
    assert read_unit_list(listing) == [
        ListedUnit("甲局", "市政府工作部门", 2),
        ListedUnit("乙县人民政府", "县市区政府", 3),
        ListedUnit("丙区", "县市区政府", 4),
    ]
    listing.write_text("甲局, 市政府工作部门\n乙局\n", encoding="gb18030")
    with pytest.raises(UnitListError, match="第 2 行"):
        read_unit_list(listing)


def test_a_list_in_no_known_encoding_is_still_read(tmp_path: Path) -> None:
    listing = tmp_path / "单位清单.txt"
    listing.write_bytes("甲局, 市政府工作部门\n".encode("gb18030") + b"\xff\xff, x\n")
    assert read_unit_list(listing)[0] == ListedUnit("甲局", "市政府工作部门", 1)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("单位清单.txt", "单位清单.txt 第 1 行"),
        ("单位清单", "单位清单 第 1 行"),
        ("名单.txt", "单位清单 名单.txt 第 1 行"),
    ],
)
def test_a_list_is_named_once(tmp_path: Path, name: str, said: str) -> None:
    listing = tmp_path / name
    listing.write_text("甲局\n", encoding="utf-8")
    with pytest.raises(UnitListError, match=f"^{said}应为"):
        read_unit_list(listing)
