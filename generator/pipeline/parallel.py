"""Spread work over the machine's cores when there is enough of it; results keep their order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

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
    """function(item) for every item, in order, across processes when that pays."""
    workers = worker_count(len(items))
    if workers <= 1:
        yield from map(function, items)
        return
    chunk = max(1, min(32, len(items) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, items, chunksize=chunk)
