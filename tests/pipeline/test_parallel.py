"""Work spread over processes: results in order, and fresh processes when called from a thread
of a server (forking beside other threads could copy a lock held by one of them)."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from generator.pipeline import parallel


def _square(number: int) -> int:
    return number * number


def _start_methods(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    seen: list[str | None] = []
    real = parallel.ProcessPoolExecutor

    def recording(*args: object, mp_context: object = None, **kwargs: object) -> object:
        seen.append(mp_context.get_start_method() if mp_context is not None else None)
        return real(*args, mp_context=mp_context, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", recording)
    monkeypatch.setenv("GEN_REPORT_WORKERS", "2")
    return seen


def test_results_keep_their_order_across_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _start_methods(monkeypatch)
    assert list(parallel.ordered_map(_square, list(range(50)))) == [n * n for n in range(50)]
    assert seen == [None]  # the command line: the platform's usual way


def test_from_a_server_thread_the_workers_start_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _start_methods(monkeypatch)
    results: list[int] = []
    worker = threading.Thread(target=lambda: results.extend(parallel.ordered_map(_square, [3, 4])))
    worker.start()
    worker.join(60)
    assert results == [9, 16]
    assert seen == ["spawn"]
    assert "spawn" in multiprocessing.get_all_start_methods()
