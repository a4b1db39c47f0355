"""Each request's work in its own folder, known by an unguessable name and shown to its owner only.

A job's uploads are removed as soon as its work is done; its results stay for download until the
owner removes them, they expire, or the server stops. Nothing outside a job's folder is ever
served, and a job's files are found by their number in its list, never by a name from the request.
"""

from __future__ import annotations

import secrets
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.base import limits


@dataclass(frozen=True)
class Download:
    """One file a job offers: what it is, the name it is saved under, where it is."""

    label: str
    name: str
    path: Path


@dataclass
class Job:
    """One request's folder, its owner, and what its page shows once the work is done."""

    id: str
    owner: str
    folder: Path
    created: float
    view: Any = None
    """What the results page shows, once the work is done: the page's own record of the outcome
    (its `template`, the `form` it came from, the `bundle_name` of all its files)."""
    downloads: list[Download] = field(default_factory=list)

    def download(self, number: int) -> Download | None:
        return self.downloads[number] if 0 <= number < len(self.downloads) else None

    def remove_part(self, name: str) -> None:
        shutil.rmtree(self.folder / name, ignore_errors=True)


class Jobs:
    """Every job of the server; safe to use from several threads at once."""

    def __init__(self, root: Path, keep_seconds: float = limits.WEB_RESULTS_SECONDS) -> None:
        self.root = root
        self.keep_seconds = keep_seconds
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self.turns = threading.BoundedSemaphore(limits.WEB_BUILDS_AT_ONCE)
        """Held while a build or an audit runs: the others wait their turn."""

    def create(self, owner: str) -> Job:
        """A new job with an empty folder; expired jobs and the oldest beyond the limit go."""
        self.expire()
        job_id = secrets.token_urlsafe(18)
        folder = self.root / job_id
        folder.mkdir(parents=True)
        job = Job(job_id, owner, folder, time.monotonic())
        with self._lock:
            self._jobs[job_id] = job
            surplus = sorted(self._jobs.values(), key=lambda j: j.created)
            surplus = surplus[: max(0, len(surplus) - limits.WEB_MAX_RESULTS)]
            for old in surplus:
                del self._jobs[old.id]
        for old in surplus:
            shutil.rmtree(old.folder, ignore_errors=True)
        return job

    def find(self, owner: str, job_id: str) -> Job | None:
        """The job, if it exists and belongs to this owner."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None or not secrets.compare_digest(job.owner.encode(), owner.encode()):
            return None
        return job

    def remove(self, job: Job) -> None:
        with self._lock:
            self._jobs.pop(job.id, None)
        shutil.rmtree(job.folder, ignore_errors=True)

    def expire(self) -> None:
        """Remove the jobs older than the time results are kept."""
        now = time.monotonic()
        with self._lock:
            old = [j for j in self._jobs.values() if now - j.created > self.keep_seconds]
        for job in old:
            self.remove(job)

    def close(self) -> None:
        """Remove every job and the root folder (the server stops)."""
        with self._lock:
            self._jobs.clear()
        shutil.rmtree(self.root, ignore_errors=True)


def current_jobs() -> Jobs:
    """The running server's jobs."""
    from flask import current_app

    return current_app.extensions["gen-report.jobs"]
