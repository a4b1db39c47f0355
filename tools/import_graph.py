"""The package's import graph: every import between its modules, cycles, and upward imports.

    python tools/import_graph.py          # prints the layers and any problem; exit 1 if any

The layers are the pipeline, lowest first; a module may import from its own layer and the ones
below it, never above. Imports inside functions count as much as those at the top.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
LAYERS = (
    "base",
    "formats",
    "read",
    "check",
    "compute",
    "document",
    "write",
    "fillin",
    "pipeline",
    "web",
    "cli",
)
"""Lowest first: ground floor, format data, then the pipeline's stages in order, then the two
faces over the library: the web page (gen-report --serve) and the command line."""


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules this module imports (from-imports of submodules resolved)."""
    result: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            result.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module in known:
            result.add(node.module)
            result.update(f"{node.module}.{a.name}" for a in node.names)
    return {name for name in result if name in known}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def upward(edges: dict[str, set[str]]) -> Iterator[str]:
    """Imports from a lower layer into a higher one."""
    for module, targets in sorted(edges.items()):
        here = layer(module)
        for target in sorted(targets):
            there = layer(target)
            if here is not None and there is not None and there > here:
                yield f"{module} → {target} ({LAYERS[here]} is below {LAYERS[there]})"


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def problems() -> list[str]:
    edges = graph()
    return [
        *(f"cycle: {' ↔ '.join(c)}" for c in cycles(edges)),
        *(f"upward: {u}" for u in upward(edges)),
    ]


def main() -> int:
    edges = graph()
    for name in LAYERS:
        members = sorted(m for m in edges if layer(m) == LAYERS.index(name))
        print(f"{name:9} {len(members):3} modules")
    found = problems()
    print(f"{sum(len(t) for t in edges.values())} imports between {len(edges)} modules")
    print("\n".join(found) if found else "no cycles, no upward imports")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
