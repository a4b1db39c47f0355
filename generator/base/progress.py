"""Progress reporting for long stages; the library calls it, the command line draws it."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Told when a stage starts (with its number of steps), at each step, and when it ends."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self, steps: int = 1) -> None: ...

    def finish(self) -> None: ...


class Silent:
    """No progress shown."""

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass
