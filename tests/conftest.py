"""Shared fixtures: the formats, and a factory that builds unit workbooks in code."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from generator.fillin.workbook import fill_form, new_form
from generator.formats.registry import format_for_year
from generator.formats.spec import FormatSpec

# Property tests draw the same examples on every run, so CI passes or fails on the code alone;
# `pytest --hypothesis-profile explore` draws new ones.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _own_user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The tests' compiled templates go to a cache of their own (the commands they run too),
    not the user's."""
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "LOCALAPPDATA")}
    folder = str(tmp_path_factory.mktemp("user-cache"))
    os.environ.update(XDG_CACHE_HOME=folder, LOCALAPPDATA=folder)
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


GOLDEN = Path(__file__).resolve().parent / "golden"

# A consistent set of counts for one unit of the 2018 format.
COUNTS_2018: dict[str, int] = {
    "apply.received": 10,
    "apply.in_person": 4,
    "apply.fax": 0,
    "apply.online": 3,
    "apply.letter": 3,
    "apply.answered": 10,
    "result.published": 2,
    "result.agreed": 5,
    "result.partial": 1,
    "result.refused": 1,
    "result.other": 1,
    "reason.state_secret": 0,
    "reason.commercial_secret": 0,
    "reason.privacy": 0,
    "reason.security": 0,
    "reason.not_government": 1,
    "reason.other_law": 0,
    "active.policy": 10,
    "active.plan": 2,
    "active.organization": 1,
    "active.notice": 3,
    "active.personnel": 4,
    "active.interaction": 20,
    "active.news": 60,
    "active.visits": 12000,
    "press.conferences": 2,
    "appeal.review": 1,
    "appeal.litigation": 0,
    "appeal.complaint": 0,
    "fees.amount": 0,
}

BODY_2018: dict[str, Any] = {
    "contact.office": "某市政务公开办公室",
    "contact.address": "某市人民路1号",
    "contact.postcode": "410000",
    "contact.phone": "0731-1234567",
    "contact.email": "gk@example.gov.cn",
    "portal.name": "某市政府",
    "portal.url": "www.example.gov.cn",
    "sign.name": "某市人民政府",
    "sign.date": dt.date(2019, 3, 20),
    "gazette.name": "某市政报",
    "gazette.issues": 4,
    "reading.points": "市档案馆",
    "press.leader": 1,
    "text.part1_intro": "全年政务公开工作稳步推进。",
    "text.part2_intro": "主动公开数量进一步增加。",
    "text.platforms": "门户网站是主要平台。",
    "text.gazette": "通过政府公报公开规范性文件。",
    "text.refusal": "不予公开的申请主要涉及个人隐私。",
    "text.part5_intro": "积极应对行政复议和诉讼。",
}
BODY_LISTS_2018 = {
    "text.part1": [("（一）加强领导。", "成立了领导小组。"), (None, "召开专题会议。")],
    "text.part6": [(None, "公开质量有待提高。")],
}


@pytest.fixture(scope="session")
def spec2018() -> FormatSpec:
    return format_for_year(2018)


@pytest.fixture(scope="session")
def blank2018(spec2018: FormatSpec) -> bytes:
    return new_form(spec2018)


class Workbooks:
    """Builds unit workbooks of a format in a folder, from a consistent default set of values."""

    def __init__(self, folder: Path, spec: FormatSpec, year: int, blank: bytes) -> None:
        self.folder = folder
        self.spec = spec
        self.year = year
        self.blank = blank
        folder.mkdir(parents=True, exist_ok=True)

    def unit(
        self,
        name: str,
        level: str,
        values: Mapping[str, Any] | None = None,
        lists: Mapping[str, Sequence[tuple[str | None, str | None]]] | None = None,
        file: str | None = None,
        body: bool | None = None,
    ) -> Path:
        """A unit's workbook: the default counts (and body fields for the body), then `values`."""
        merged: dict[str, Any] = {"unit.name": name, "unit.level": level, "unit.year": self.year}
        merged.update(COUNTS_2018)
        all_lists: dict[str, Any] = {}
        if body if body is not None else level == self.spec.body_level:
            merged.update(BODY_2018)
            all_lists.update(BODY_LISTS_2018)
        merged.update(values or {})
        all_lists.update(lists or {})
        path = self.folder / (file or f"{name}.xlsx")
        path.write_bytes(fill_form(self.blank, self.spec, merged, all_lists))
        return path

    def standard(self) -> list[Path]:
        """A body, a department and a county, all valid."""
        return [
            self.unit("某市人民政府", "市政府"),
            self.unit("某市财政局", "市政府工作部门"),
            self.unit("某县人民政府", "县市区政府"),
        ]


@pytest.fixture
def workbooks(tmp_path: Path, spec2018: FormatSpec, blank2018: bytes) -> Workbooks:
    return Workbooks(tmp_path / "inputs", spec2018, 2018, blank2018)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden from the current output"
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


LAST_YEAR_2024 = {
    "apply.new.natural": -20,  # 新收 713 this year, 693 last year
    "apply.disclosed.natural": -20,  # 办结 718 and 698; 予以公开 294 and 274
}
"""How the body's 2024 figures differ from its 2025 ones in the `with_last_year` build."""
NO_REVIEWS = tuple(f"appeal.cases.review_{r}" for r in ("upheld", "corrected", "other", "pending"))
"""0 in every unit in 2024: 复议 61 this year, 0 last year."""


@pytest.fixture(scope="session")
def with_last_year(tmp_path_factory: pytest.TempPathFactory):
    """The shipped 2025 report built with --charts beside a 2024 inputs folder: (Built, out)."""
    from generator.pipeline.build import build
    from generator.pipeline.options import BuildOptions
    from tests.years import last_year

    root = tmp_path_factory.mktemp("years")
    shutil.copytree(ROOT / "inputs" / "2025", root / "2025")
    last_year(root / "2025", root / "2024", format_for_year(2024), 2024, LAST_YEAR_2024, NO_REVIEWS)
    result = build(BuildOptions.for_year(2025, root / "2025", root / "out", charts=True))
    assert result.written, [str(p) for p in result.problems if p.severity > 0]
    return result, root / "out"


@pytest.fixture(scope="session")
def shipped_2018(tmp_path_factory: pytest.TempPathFactory):
    """The shipped 2018 report built with --charts (no 2017 inputs): (Built, out)."""
    from generator.pipeline.build import build
    from generator.pipeline.options import BuildOptions

    out = tmp_path_factory.mktemp("2018-charts")
    result = build(BuildOptions.for_year(2018, ROOT / "inputs" / "2018", out, charts=True))
    assert result.written
    return result, out


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """One headless Chromium for the whole test session."""
    from tests.browser import Browser

    chromium = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.quit()
