"""The command line's names for the places of the inputs."""

from pathlib import Path

from generator.read.input_names import InputNames


def test_folders_are_named_as_given() -> None:
    names = InputNames.folders(Path("inputs/2025"), 2025, Path("名单.txt"))
    assert names.last_year == "上年文件夹 2024 中"
    assert names.no_last_year == "找不到与 2025 并列的文件夹 2024"
    assert names.last_year_file("甲局.xlsx") == "inputs/2024/甲局.xlsx"
    assert names.unit_list == "单位清单 名单.txt 中"
    assert InputNames.folders(Path("2025"), 2025, None).unit_list == "单位清单中"
