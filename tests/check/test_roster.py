from pathlib import Path

from generator.check.roster import check_roster
from generator.read.roster import ListedUnit
from generator.read.unit import Located, UnitData


def unit(file: str, name: str) -> UnitData:
    return UnitData(file, {"unit.name": Located(name, None)})


def test_sent_by_name_or_by_file_name_and_spaces_do_not_matter() -> None:
    listed = [ListedUnit("甲 局", "x", 1), ListedUnit("乙局", "x", 2), ListedUnit("丙局", "x", 3)]
    units = [unit("甲局.xlsx", "甲局"), unit("丁局.xlsx", "丁局")]
    files = [Path("甲局.xlsx"), Path("乙局.xlsx"), Path("丁局.xlsx")]  # 乙局's could not be read
    found = check_roster(listed, units, files, "单位清单.txt")
    assert [(p.code, str(p.location), p.unit) for p in found] == [
        ("not-submitted", "单位清单.txt", "丙局"),
        ("not-listed", "丁局.xlsx", None),
    ]
    assert found[0].message.startswith("第 3 行的“丙局”还没有提交工作簿")
