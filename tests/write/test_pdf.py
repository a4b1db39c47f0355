"""The PDF step's own folder is removed even when a stop request interrupts the removal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.write import pdf


def test_a_stop_request_during_the_removal_still_removes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "gen-report-lo-x"
    (folder / "user" / "config").mkdir(parents=True)
    (folder / "user" / "config" / "registrymodifications.xcu").write_text("x")
    remove, calls = shutil.rmtree, []

    def interrupted_once(path: Path, ignore_errors: bool = False) -> None:
        calls.append(path)
        if len(calls) == 1:  # Ctrl+C half-way: part of the folder is gone
            remove(Path(path) / "user" / "config", ignore_errors=ignore_errors)
            raise KeyboardInterrupt
        remove(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(pdf.shutil, "rmtree", interrupted_once)
    with pytest.raises(KeyboardInterrupt):
        pdf._remove_even_if_interrupted(folder)
    assert not folder.exists() and len(calls) == 2
