from pathlib import Path

from generator.read.inputs import list_inputs


def test_every_file_is_read_or_accounted_for(tmp_path: Path) -> None:
    for name in ("b.xlsx", "a.xls", "~$b.xlsx", "Thumbs.db", ".DS_Store", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "旧").mkdir()
    found = list_inputs(tmp_path)
    assert [p.name for p in found.files] == ["a.xls", "b.xlsx", "notes.txt"]
    assert sorted((p.location.file, p.code) for p in found.problems) == [
        (".DS_Store", "system-file"),
        ("Thumbs.db", "system-file"),
        ("~$b.xlsx", "lock-file"),
        ("旧", "subfolder"),
    ]


def test_missing_or_empty_folder(tmp_path: Path) -> None:
    assert [p.code for p in list_inputs(tmp_path / "none").problems] == ["no-inputs"]
    assert [p.code for p in list_inputs(tmp_path).problems] == ["no-inputs"]
