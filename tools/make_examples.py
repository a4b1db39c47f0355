"""Regenerate the shipped example inputs: python tools/make_examples.py 2018"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.fillin.examples import example_workbooks

ROOT = Path(__file__).resolve().parent.parent


def main(year: str) -> None:
    target = ROOT / "inputs" / year
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.xlsx"):
        old.unlink()
    for name, data in example_workbooks(ROOT / "tools" / "examples" / f"{year}.toml").items():
        (target / name).write_bytes(data)
        print(target / name)


if __name__ == "__main__":
    main(sys.argv[1])
