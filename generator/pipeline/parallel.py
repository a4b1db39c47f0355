"""Spread work over the machine's cores when there is enough of it; results keep their order."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from generator.pipeline.interrupts import ignore_stop_requests, stop_requests_deferred

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_PER_WORKER = 20
"""Below this many items per extra process, starting processes costs more than it saves."""


def worker_count(items: int) -> int:
    """How many processes to use: GEN_REPORT_WORKERS, or the cores when the work pays for them."""
    configured = os.environ.get("GEN_REPORT_WORKERS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    cores = os.cpu_count() or 1
    return max(1, min(cores, items // MIN_ITEMS_PER_WORKER))


def ordered_map(function: Callable[[Item], Result], items: Sequence[Item]) -> Iterator[Result]:
    """function(item) for every item, in order, across processes when that pays.

    When the caller stops early (Ctrl+C, a kill, an error, or not reading on), the workers are
    stopped at once rather than left to finish the queued work."""
    workers = worker_count(len(items))
    if workers <= 1:
        yield from map(function, items)
        return
    chunk = max(1, min(32, len(items) // (workers * 8)))
    # Forking copies only the calling thread: called from a server's thread while others work
    # (log, read, build), a lock one of them holds would stay locked in the child; start afresh.
    forked = threading.current_thread() is threading.main_thread()
    context = None if forked else multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=ignore_stop_requests, mp_context=context
    )
    try:
        with stop_requests_deferred():  # workers start here: a Ctrl+C now must not reach them
            results = pool.map(function, items, chunksize=chunk)
        yield from results
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now and wait for them (none is left running).

    The pool is broken on purpose, and its manager thread may then complain about futures the
    interrupted map had already cancelled (InvalidStateError on Python 3.11): that thread's
    exceptions are not shown while it winds down."""
    manager = getattr(pool, "_executor_manager_thread", None)
    processes = list(getattr(pool, "_processes", {}).values())  # no public way before 3.14
    shown = threading.excepthook

    def quiet(args: threading.ExceptHookArgs) -> None:
        if args.thread is not manager:
            shown(args)

    threading.excepthook = quiet
    try:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)
            if process.is_alive():
                process.kill()
                process.join()
        pool.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            manager.join(5)
    finally:
        threading.excepthook = shown
