from pathlib import Path

import pytest

from generator.outputs import OutputSet, safe_filename


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("株洲市财政局", "株洲市财政局"),
        ("../../etc/passwd", "___etc_passwd"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("CON", "未命名_CON"),
        ("", "未命名"),
        ("  .隐藏. ", "隐藏"),
        ("甲\x00乙\u202e丙", "甲乙丙"),
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_is_bounded() -> None:
    assert len(safe_filename("局" * 500)) <= 80


def test_outputs_appear_only_on_commit(tmp_path: Path) -> None:
    with OutputSet(tmp_path) as outputs:
        outputs.write_bytes("a.txt", b"1")
        outputs.write_bytes("sub/b.txt", b"2")
        assert not (tmp_path / "a.txt").exists()
        written = outputs.commit()
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["a.txt", "sub/b.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_run_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), OutputSet(tmp_path) as outputs:
        outputs.write_bytes("a.txt", b"1")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []
