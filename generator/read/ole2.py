"""The OLE2 compound file (the container of .xls, .et and .doc files): its directory and streams.

Standard library only: the .xls reader's child process imports it too. Every chain is bounded by
the file's own sector count, so a crafted file cannot loop.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from typing import NamedTuple

END_OF_CHAIN = 0xFFFFFFFA
STREAM = 2


class Entry(NamedTuple):
    """One directory entry: a stream or a storage."""

    name: str
    kind: int
    start: int
    size: int


class _Container:
    def __init__(self, data: bytes) -> None:
        self.data = data
        shift = struct.unpack_from("<H", data, 30)[0]
        if not 7 <= shift <= 16:
            raise ValueError("sector size")
        self.size = size = 1 << shift
        fat_count, self.first_directory = struct.unpack_from("<II", data, 44)
        self.cutoff, self.first_minifat = struct.unpack_from("<II", data, 56)
        first_difat, difat_count = struct.unpack_from("<II", data, 68)
        difat = list(struct.unpack_from("<109I", data, 76))
        sector = first_difat
        for _ in range(min(difat_count, len(data) // size)):
            if sector >= END_OF_CHAIN:
                break
            entries = struct.unpack_from(f"<{size // 4}I", data, (sector + 1) * size)
            difat += entries[:-1]
            sector = entries[-1]
        self.fat: list[int] = []
        for sector in difat[:fat_count]:
            if sector < END_OF_CHAIN:
                self.fat += struct.unpack_from(f"<{size // 4}I", data, (sector + 1) * size)

    def sector(self, number: int) -> bytes:
        return self.data[(number + 1) * self.size : (number + 2) * self.size]

    def chain(self, start: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
        parts, sector = [], start
        for _ in range(len(table)):
            if sector >= min(END_OF_CHAIN, len(table)):
                break
            parts.append(read(sector))
            sector = table[sector]
        return b"".join(parts)

    def entries(self) -> list[Entry]:
        directory = self.chain(self.first_directory, self.fat, self.sector)
        found = []
        for offset in range(0, len(directory) - 127, 128):
            length = struct.unpack_from("<H", directory, offset + 64)[0]
            name = directory[offset : offset + max(0, min(length, 64) - 2)]
            start, size = struct.unpack_from("<II", directory, offset + 116)
            found.append(
                Entry(name.decode("utf-16-le", "replace"), directory[offset + 66], start, size)
            )
        return found

    def read(self, entry: Entry, root: Entry) -> bytes:
        if entry.size >= self.cutoff:
            return self.chain(entry.start, self.fat, self.sector)[: entry.size]
        mini_size = 1 << struct.unpack_from("<H", self.data, 32)[0]
        mini_stream = self.chain(root.start, self.fat, self.sector)  # held by the root entry
        table = self.chain(self.first_minifat, self.fat, self.sector)
        minifat = list(struct.unpack_from(f"<{len(table) // 4}I", table))

        def small(number: int) -> bytes:
            return mini_stream[number * mini_size : (number + 1) * mini_size]

        return self.chain(entry.start, minifat, small)[: entry.size]


def stream_names(data: bytes) -> list[str]:
    """The names in the container's directory (empty when it cannot be read)."""
    try:
        return [entry.name for entry in _Container(data).entries()]
    except (struct.error, ValueError):
        return []


def stream(data: bytes, names: tuple[str, ...]) -> bytes | None:
    """The first stream of one of these names, or None when there is none or it cannot be read."""
    try:
        container = _Container(data)
        entries = container.entries()
        found = next((e for e in entries if e.name in names and e.kind == STREAM), None)
        return container.read(found, entries[0]) if found else None
    except (struct.error, ValueError, IndexError):
        return None
