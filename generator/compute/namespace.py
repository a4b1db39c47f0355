"""The names templates see, nested by their dots."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class Namespace:
    """Read-only nested names for templates: ``total.apply.received``; unknown names fail."""

    def __init__(self, entries: dict[str, Any]) -> None:
        self._entries = entries

    @classmethod
    def from_dotted(cls, flat: dict[str, Any]) -> Namespace:
        """{'a.b': 1, 'a.c': 2} → a namespace where ns.a.b == 1."""
        tree: dict[str, Any] = {}
        for key, value in flat.items():
            node = tree
            *parents, leaf = key.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            node[leaf] = value
        return cls._wrap(tree)

    @classmethod
    def _wrap(cls, tree: dict[str, Any]) -> Namespace:
        return cls({k: cls._wrap(v) if isinstance(v, dict) else v for k, v in tree.items()})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._entries[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)
