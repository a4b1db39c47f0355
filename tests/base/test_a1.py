import pytest

from generator.base.a1 import column_index, column_letters, split_ref


def test_cell_references() -> None:
    assert split_ref("C7") == (7, 3)
    assert split_ref("XFD1048576") == (1048576, 16384)
    assert column_letters(column_index("AZ")) == "AZ"
    with pytest.raises(ValueError):
        split_ref("7C")
