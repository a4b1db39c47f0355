from pathlib import Path

from generator.check.roster import check_roster
from generator.read.input_names import InputNames
from generator.read.roster import ListedUnit
from generator.read.unit import Located, UnitData


def unit(file: str, name: str) -> UnitData:
    return UnitData(file, {"unit.name": Located(name, None)})


def test_sent_by_name_or_by_file_name_and_spaces_do_not_matter() -> None:
    listed = [ListedUnit("甲 局", "x", 1), ListedUnit("乙局", "x", 2), ListedUnit("丙局", "x", 3)]
    units = [unit("甲局.xlsx", "甲局"), unit("丁局.xlsx", "丁局")]
    files = [Path("甲局.xlsx"), Path("乙局.xlsx"), Path("丁局.xlsx")]  # 乙局's could not be read
    names = InputNames.folders(Path("inputs/2018"), 2018, Path("单位清单.txt"))
    found = check_roster(listed, units, files, "单位清单.txt", names)
    assert [(p.code, str(p.location), p.unit, p.office) for p in found] == [
        ("not-submitted", "单位清单.txt", "丙局", False),  # a reminder for the unit
        ("not-listed", "丁局.xlsx", None, True),  # the office's list may be what is wrong
    ]
    assert (
        found[0].message
        == "第 3 行的“丙局”还没有提交工作簿（本年度的输入文件夹中没有该单位的工作簿）"
    )
    assert found[1].message.startswith("单位“丁局”不在单位清单 单位清单.txt 中；")
