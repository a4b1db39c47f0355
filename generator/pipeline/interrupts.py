"""Ctrl+C and kill: a stop request becomes KeyboardInterrupt, and is held off where a half-done
step would leave mixed outputs (moving staged files into place, removing the staging folder).

A stop request is also remembered for the rest of the run: Python swallows a KeyboardInterrupt
raised inside a finaliser or a weakref callback (printing "Exception ignored in …"), and the run
would go on to replace the outputs; the commit asks first (raise_if_stop_requested)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

STOP_SIGNALS = tuple(
    s
    for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
    if s
)


class _Run:
    """Whether a stop was requested during the run being watched (stop_requests_interrupt)."""

    watched = False
    stop_requested = False


def _note_stop_request() -> None:
    if _Run.watched:
        _Run.stop_requested = True


def _interrupt(_signum: int, _frame: object) -> None:
    _note_stop_request()
    raise KeyboardInterrupt


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _handle_stop_signals(handler: Callable[[int, object], None]) -> dict[int, object]:
    """Install the handler for every stop signal not ignored (nohup: it stays ignored); returns
    the handlers it replaced."""
    return {
        s: signal.signal(s, handler) for s in STOP_SIGNALS if signal.getsignal(s) != signal.SIG_IGN
    }


def _restore(previous: dict[int, object]) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


@contextmanager
def stop_requests_interrupt() -> Iterator[None]:
    """While inside, Ctrl+C, SIGTERM and SIGHUP (a kill, a closed terminal) interrupt as
    KeyboardInterrupt, so every cleanup runs, and are remembered until the end; a signal ignored
    on entry (nohup) stays ignored. One Python swallows is not shown (its traceback would reach
    the user): the commit acts on it. The previous handlers are restored after."""
    if not _in_main_thread():
        yield
        return
    previous = _handle_stop_signals(_interrupt)
    shown = sys.unraisablehook

    def show_unless_stop(unraisable: UnraisableHookArgs) -> None:
        if not isinstance(unraisable.exc_value, KeyboardInterrupt):
            shown(unraisable)

    sys.unraisablehook = show_unless_stop
    _Run.watched, _Run.stop_requested = True, False
    try:
        yield
    finally:
        _Run.watched, _Run.stop_requested = False, False
        sys.unraisablehook = shown
        _restore(previous)


def raise_if_stop_requested() -> None:
    """Act on a stop requested earlier in the run (raise KeyboardInterrupt), even when its
    KeyboardInterrupt was swallowed; only in the main thread, the one signals interrupt."""
    if _in_main_thread() and _Run.stop_requested:
        raise KeyboardInterrupt


@contextmanager
def stop_requests_deferred() -> Iterator[None]:
    """Stop requests arriving inside are held, then acted on (as KeyboardInterrupt) on leaving."""
    if not _in_main_thread():
        yield
        return
    caught: list[int] = []

    def hold(number: int, _frame: object) -> None:
        _note_stop_request()
        caught.append(number)

    previous = _handle_stop_signals(hold)
    try:
        yield
    finally:
        _restore(previous)
    if caught:
        raise KeyboardInterrupt


def ignore_stop_requests() -> None:
    """For worker processes: Ctrl+C reaches the whole terminal's process group, but only the
    main process acts on it (it stops the workers itself)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in STOP_SIGNALS:
        if number != signal.SIGINT:
            signal.signal(number, signal.SIG_DFL)
