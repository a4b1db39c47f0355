from pathlib import Path

import pytest

from generator.pipeline.staging import Staging


def test_outputs_appear_only_on_commit(tmp_path: Path) -> None:
    with Staging(tmp_path) as outputs:
        outputs.write_bytes("a.txt", b"1")
        outputs.write_bytes("sub/b.txt", b"2")
        assert not (tmp_path / "a.txt").exists()
        written = outputs.commit()
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["a.txt", "sub/b.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_run_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), Staging(tmp_path) as outputs:
        outputs.write_bytes("a.txt", b"1")
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []
