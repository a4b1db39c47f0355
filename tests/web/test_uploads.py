"""Uploaded files: saved under names of our own, .zip packages unpacked within the limits."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.base import limits
from generator.base.problems import Problems
from generator.web.uploads import save_uploads
from tests import hostile


class Upload:
    def __init__(self, body: bytes, filename: str | None) -> None:
        self.stream = io.BytesIO(body)
        self.filename = filename


def saved(uploads: list[Upload], folder: Path) -> tuple[list[str], list[str]]:
    problems = Problems()
    files = save_uploads(uploads, folder, problems)
    assert all(p.parent == folder for p in files)
    return [p.name for p in files], [str(p) for p in problems]


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../财政局.xlsx", "财政局.xlsx"),
        ("..\\..\\财政局.xlsx", "财政局.xlsx"),
        ("C:\\Users\\张三\\桌面\\财政局.xlsx", "财政局.xlsx"),
        ("/etc/passwd", "passwd"),
        ("..", "未命名"),
        ("CON.xlsx", "未命名_CON.xlsx"),
        ("a\x00b.xlsx", "ab.xlsx"),
        (".hidden.xlsx", "hidden.xlsx"),
    ],
)
def test_a_name_is_only_ever_a_plain_name_in_the_folder(
    tmp_path: Path, given: str, kept: str
) -> None:
    assert saved([Upload(b"x", given)], tmp_path) == ([kept], [])


def test_the_same_name_twice_keeps_both(tmp_path: Path) -> None:
    names, _ = saved(
        [Upload(b"1", "甲.xlsx"), Upload(b"2", "甲.XLSX"), Upload(b"3", "a/甲.xlsx")], tmp_path
    )
    assert names == ["甲.xlsx", "甲（2）.XLSX", "甲（3）.xlsx"]
    assert [(tmp_path / n).read_bytes() for n in names] == [b"1", b"2", b"3"]


def test_empty_file_fields_are_skipped_and_make_no_folder(tmp_path: Path) -> None:
    assert saved([Upload(b"", ""), Upload(b"", None)], tmp_path / "inputs") == ([], [])
    assert not (tmp_path / "inputs").exists()


def _zip(members: dict[str, bytes], utf8: bool = True) -> bytes:
    """A .zip of these members; with utf8 False, names in GBK without the UTF-8 flag, as the zip
    tools of Chinese Windows write them (ASCII stand-ins of the same length, then patched)."""
    out = io.BytesIO()
    stand_ins = {}
    with zipfile.ZipFile(out, "w") as archive:
        for number, (name, body) in enumerate(members.items()):
            if utf8:
                archive.writestr(name, body)
                continue
            raw = name.encode("gbk")
            stand_in = f"{number:03d}".encode().ljust(len(raw), b"_")
            stand_ins[stand_in] = raw
            archive.writestr(stand_in.decode(), body)
    data = out.getvalue()
    for stand_in, raw in stand_ins.items():
        data = data.replace(stand_in, raw)
    return data


@pytest.mark.parametrize("utf8", [True, False])
def test_a_zip_is_unpacked_with_its_chinese_names(tmp_path: Path, utf8: bool) -> None:
    package = _zip(
        {
            "报表/株洲市财政局.xlsx": b"a",
            "报表/子文件夹/株洲市教育局.xlsx": b"b",
            "__MACOSX/报表/._株洲市财政局.xlsx": b"junk",
            "报表/~$株洲市财政局.xlsx": b"lock",
            "报表/Thumbs.db": b"junk",
            "报表/": b"",
        },
        utf8,
    )
    names, problems = saved([Upload(package, "各单位.ZIP")], tmp_path)
    assert names == ["株洲市财政局.xlsx", "株洲市教育局.xlsx"] and problems == []


def test_a_zip_bomb_is_refused_by_the_package_pre_flight(tmp_path: Path) -> None:
    names, problems = saved([Upload(hostile.big_member(200 * 2**20), "炸弹.zip")], tmp_path)
    assert names == []
    assert any("炸弹.zip：压缩包未能解开" in p for p in problems)


def test_a_zip_with_too_many_members_is_refused_before_it_is_listed(tmp_path: Path) -> None:
    names, problems = saved(
        [Upload(hostile.many_members(limits.MAX_ZIP_MEMBERS + 5), "多.zip")], tmp_path
    )
    assert names == [] and any("超过上限" in p for p in problems)


def test_a_member_lying_about_its_size_is_never_read_beyond_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    names, problems = saved([Upload(_zip({"大.xlsx": b"x" * 5000}), "包.zip")], tmp_path)
    assert names == [] and any("超过" in p and "大.xlsx" in p for p in problems)


def test_a_damaged_zip_is_named(tmp_path: Path) -> None:
    names, problems = saved([Upload(b"PK\x03\x04 broken", "坏.zip")], tmp_path)
    assert names == []
    assert problems == ["[错误] 坏.zip：压缩包已损坏或格式不受支持，请重新压缩（.zip 格式）后上传"]


def test_too_many_files_stop_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UPLOAD_FILES", 3)
    names, problems = saved([Upload(b"x", f"{n}.xlsx") for n in range(5)], tmp_path)
    assert names == ["0.xlsx", "1.xlsx", "2.xlsx"]
    assert problems == ["[错误] 上传的文件超过 3 个，“3.xlsx”及其后的文件未读取；请分批上传"]
