"""The user's cache folder: made private when missing, None when it cannot be."""

import os
import stat
import sys
from pathlib import Path

import pytest

from generator.base.user_cache import user_cache_folder

POSIX_ONLY = pytest.mark.skipif(
    sys.platform == "win32", reason="XDG_CACHE_HOME is not read on Windows"
)


@POSIX_ONLY
def test_made_private_under_the_users_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = user_cache_folder("templates")
    assert folder == tmp_path / "cache" / "gen-report" / "templates" and folder.is_dir()
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


@POSIX_ONLY
def test_none_when_it_cannot_be_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert user_cache_folder("templates") is None


@POSIX_ONLY
def test_an_existing_folder_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "gen-report" / "templates").mkdir(parents=True)
    (tmp_path / "gen-report" / "templates").chmod(0o777)
    folder = user_cache_folder("templates")
    assert folder is not None and stat.S_IMODE(os.stat(folder).st_mode) == 0o700


@POSIX_ONLY
def test_a_link_to_another_folder_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "gen-report").mkdir()
    (tmp_path / "gen-report" / "templates").symlink_to(tmp_path / "elsewhere")
    assert user_cache_folder("templates") is None


def test_none_without_a_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("XDG_CACHE_HOME", "LOCALAPPDATA", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    assert user_cache_folder("templates") is None
