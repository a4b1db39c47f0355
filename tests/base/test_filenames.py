import pytest

from generator.base.filenames import safe_filename


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
