import errno
import os
from pathlib import Path

import pytest

from generator.pipeline import staging
from generator.pipeline.staging import KEPT_SUFFIX, STAGING_SUFFIX, OutputError, Staging


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


def contents(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by path inside `folder`."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def earlier_run(folder: Path, *, docx_held_open: bool = False) -> None:
    """An output folder as an earlier run left it. A Word file held open cannot be replaced on
    Windows; here a folder of its name stands in for it (it cannot be replaced either)."""
    (folder / "report.txt").write_bytes(b"old text")
    if docx_held_open:
        (folder / "report.docx").mkdir()
    else:
        (folder / "report.docx").write_bytes(b"old docx")
    (folder / "report.html").write_bytes(b"old html")
    (folder / "问题清单").mkdir()
    (folder / "问题清单" / "单位甲.txt").write_bytes(b"old letter")


def stage_new_run(outputs: Staging) -> None:
    for name in ("report.txt", "report.docx", "report.html", "单位/甲.txt"):
        outputs.write_bytes(name, b"new " + name.encode())
    outputs.drop("问题清单/单位甲.txt")


def test_a_file_that_cannot_be_replaced_leaves_every_output_as_it_was(tmp_path: Path) -> None:
    earlier_run(tmp_path, docx_held_open=True)
    before = contents(tmp_path)
    with pytest.raises(OutputError) as raised, Staging(tmp_path) as outputs:
        stage_new_run(outputs)
        outputs.commit()
    assert str(raised.value) == (
        f"无法替换 {tmp_path / 'report.docx'}（同一位置有一个同名的文件夹）；"
        "本次没有替换或删除任何文件，输出文件夹保持运行前的样子；解决后重新运行即可"
    )
    assert contents(tmp_path) == before  # no staging folder, lock or copy of earlier files left


def failing_replace(monkeypatch: pytest.MonkeyPatch, *failing: tuple[str, str]) -> None:
    """os.replace fails, as for a file open in Word on Windows, when moving a file of one of the
    names (the second of a pair) out of a folder whose name ends with the first."""
    replace = os.replace

    def refuse(source: str | Path, target: str | Path) -> None:
        moved = Path(source)
        if any(moved.parent.name.endswith(f) and moved.name == n for f, n in failing):
            error = PermissionError(errno.EACCES, "The process cannot access the file")
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        replace(source, target)

    monkeypatch.setattr(staging.os, "replace", refuse)


def test_a_failure_after_new_files_are_in_takes_them_out_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier_run(tmp_path)
    before = contents(tmp_path)
    failing_replace(monkeypatch, (STAGING_SUFFIX, "report.html"))
    with pytest.raises(OutputError) as raised, Staging(tmp_path) as outputs:
        stage_new_run(outputs)
        outputs.commit()
    assert str(raised.value).startswith(
        f"无法写入 {tmp_path / 'report.html'}（文件正在被其他程序（如 Word、WPS、Excel）使用）；"
        "本次没有替换或删除任何文件"
    )
    assert contents(tmp_path) == before  # 单位/, made for the new files, is gone too


def test_what_cannot_be_put_back_is_named_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "report.txt").write_bytes(b"old text")
    (tmp_path / "report.html").write_bytes(b"old html")
    failing_replace(monkeypatch, (STAGING_SUFFIX, "report.html"), (KEPT_SUFFIX, "report.txt"))
    with pytest.raises(OutputError) as raised, Staging(tmp_path) as outputs:
        outputs.write_bytes("report.txt", b"new text")
        outputs.write_bytes("report.html", b"new html")
        outputs.commit()
    kept = [p for p in tmp_path.iterdir() if p.name.endswith(KEPT_SUFFIX)]
    assert len(kept) == 1 and contents(kept[0]) == {"report.txt": b"old text"}
    assert str(raised.value).endswith(
        f"以下文件未能恢复为运行前的样子：{tmp_path / 'report.txt'}；运行前已有的文件保存在 {kept[0]}"
    )
    assert set(contents(tmp_path)) == {"report.html", kept[0].name, f"{kept[0].name}/report.txt"}
    assert (tmp_path / "report.html").read_bytes() == b"old html"


def test_a_commit_replaces_and_removes_the_earlier_files(tmp_path: Path) -> None:
    earlier_run(tmp_path)
    with Staging(tmp_path) as outputs:
        stage_new_run(outputs)
        outputs.commit()
    assert contents(tmp_path) == {
        "report.docx": b"new report.docx",
        "report.html": b"new report.html",
        "report.txt": b"new report.txt",
        "单位": None,
        "单位/甲.txt": "new 单位/甲.txt".encode(),
    }  # 问题清单/ held only the dropped letter: it is gone too


def test_an_output_folder_that_cannot_be_made_is_said_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "out").write_bytes(b"")
    with pytest.raises(OutputError) as raised:
        Staging(tmp_path / "out" / "2025")
    folder = tmp_path / "out" / "2025"
    assert str(raised.value) == f"无法创建输出文件夹 {folder}（路径中的某个文件夹是一个同名的文件）"
