"""A zip package checked before unpacking, the messages naming what kind of package it is."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest

from generator.base.zip_checks import (
    PackageKind,
    check_member,
    check_members,
    check_zip_directory,
)


class Refused(Exception):
    pass


REPORT = PackageKind("报告文件", "年度报告", ".docx", "，疑为压缩炸弹", Refused)


def package(*names: str, size: int = 10) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            target.writestr(name, b"\0" * size)
    return out.getvalue()


def refusal(check: Callable[[], None]) -> str:
    with pytest.raises(Refused) as refused:
        check()
    return str(refused.value)


def test_too_many_parts_are_refused_in_the_words_of_the_kind() -> None:
    data = package(*(f"p{i}.xml" for i in range(1001)))
    expected = "压缩包内有 1001 个部件，超过上限 1000，不像正常的报告文件"
    assert refusal(lambda: check_zip_directory(data, REPORT)) == expected
    assert refusal(lambda: check_members(zipfile.ZipFile(io.BytesIO(data)), REPORT)) == expected
    check_zip_directory(package("a.xml"), REPORT)


def test_parts_of_the_same_name_and_a_bomb_are_refused() -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        twice = zipfile.ZipFile(io.BytesIO(package("word/document.xml", "word/document.xml")))
    assert "重名的部件" in refusal(lambda: check_members(twice, REPORT))
    info = zipfile.ZipFile(io.BytesIO(package("word/document.xml", size=8 << 20))).infolist()[0]
    ratio = refusal(lambda: check_member(info, "正文部件", REPORT))
    assert ratio == "正文部件的压缩比异常（疑为压缩炸弹），拒绝读取"
    info.file_size = 40 << 20
    size = refusal(lambda: check_member(info, "正文部件", REPORT))
    assert size == "正文部件解压后有 40 MB，远超年度报告的正常大小，疑为压缩炸弹"
