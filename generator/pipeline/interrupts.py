"""Ctrl+C and kill: a stop request becomes KeyboardInterrupt, and is held off where a half-done
step would leave mixed outputs (moving staged files into place, removing the staging folder)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = tuple(
    s
    for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
    if s
)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@contextmanager
def stop_requests_interrupt() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP (a kill, a closed terminal) interrupt like Ctrl+C, so
    every cleanup runs; the previous handlers are restored after."""
    if not _in_main_thread():
        yield
        return
    previous = {s: signal.signal(s, _interrupt) for s in STOP_SIGNALS if s != signal.SIGINT}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


@contextmanager
def stop_requests_deferred() -> Iterator[None]:
    """Stop requests arriving inside are held, then acted on (as KeyboardInterrupt) on leaving."""
    if not _in_main_thread():
        yield
        return
    caught: list[int] = []
    previous = {
        s: signal.signal(s, lambda number, _frame: caught.append(number)) for s in STOP_SIGNALS
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if caught:
        raise KeyboardInterrupt


def ignore_stop_requests() -> None:
    """For worker processes: Ctrl+C reaches the whole terminal's process group, but only the
    main process acts on it (it stops the workers itself)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in STOP_SIGNALS:
        if number != signal.SIGINT:
            signal.signal(number, signal.SIG_DFL)
