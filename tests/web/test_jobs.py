"""Jobs: unguessable, their owner's only, removed when they expire, beyond the limit, or at stop."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.base import limits
from generator.web.jobs import Jobs


def test_a_job_is_found_only_by_its_owner(tmp_path: Path) -> None:
    jobs = Jobs(tmp_path)
    job = jobs.create("甲")
    assert jobs.find("甲", job.id) is job
    assert jobs.find("乙", job.id) is None
    assert jobs.find("甲", job.id[:-1]) is None
    assert len(job.id) >= 24 and job.folder.parent == tmp_path


def test_expired_jobs_go_with_their_files(tmp_path: Path) -> None:
    jobs = Jobs(tmp_path, keep_seconds=0)
    old = jobs.create("甲")
    (old.folder / "out").mkdir()
    new = jobs.create("甲")  # creating one expires the others
    assert not old.folder.exists() and jobs.find("甲", old.id) is None
    assert new.folder.exists()


def test_beyond_the_limit_the_oldest_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "WEB_MAX_RESULTS", 2)
    jobs = Jobs(tmp_path)
    made = [jobs.create("甲") for _ in range(3)]
    assert [jobs.find("甲", j.id) is not None for j in made] == [False, True, True]
    assert not made[0].folder.exists()


def test_close_removes_everything(tmp_path: Path) -> None:
    jobs = Jobs(tmp_path / "work")
    jobs.create("甲")
    jobs.close()
    assert not (tmp_path / "work").exists()
