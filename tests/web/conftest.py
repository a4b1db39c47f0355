"""The web page in-process: an application with its own work folder, and a visitor who fills in
its forms as a browser does (the form's token included)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from werkzeug.test import TestResponse

from generator.web.app import create_app
from generator.web.settings import WebSettings
from tests.conftest import ROOT

SHIPPED_2018 = ROOT / "inputs" / "2018"


class Visitor:
    """One browser: its own cookies, so its own jobs."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def token(self, page: str = "/") -> str:
        found = re.search(r'name="csrf" value="([^"]+)"', self.client.get(page).text)
        assert found, "the form carries a token"
        return found.group(1)

    def submit(
        self,
        action: str,
        fields: dict[str, str],
        files: dict[str, Iterable[tuple[bytes, str]]] | None = None,
        page: str = "/",
    ) -> TestResponse:
        """Fill in the form shown at `page` and send it to `action`, as a browser would."""
        import io

        data: dict[str, object] = {"csrf": self.token(page), **fields}
        for name, items in (files or {}).items():
            data[name] = [(io.BytesIO(body), filename) for body, filename in items]
        return self.client.post(action, data=data, content_type="multipart/form-data")

    def follow(self, response: TestResponse) -> TestResponse:
        assert response.status_code == 303, response.text[:2000]
        return self.client.get(response.headers["Location"])

    def links(self, page: TestResponse) -> dict[str, str]:
        """Every link of a page: its text → its address."""
        return {
            re.sub(r"<[^>]+>", "", text).strip(): href
            for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', page.text, re.S)
        }


def text_of(page: TestResponse) -> str:
    """The page's text as a reader sees it (tags removed, entities decoded, spaces collapsed)."""
    import html

    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page.text)))


def shipped(folder: Path = SHIPPED_2018) -> list[tuple[bytes, str]]:
    return [(p.read_bytes(), p.name) for p in sorted(folder.iterdir())]


def with_broken_sum(tmp_path: Path) -> list[tuple[bytes, str]]:
    """The shipped 2018 workbooks, with one more 同意公开 in 株洲市财政局's (97 parts, 96 total)."""
    path = tmp_path / "株洲市财政局.xlsx"
    book = load_workbook(SHIPPED_2018 / path.name)
    book["依申请公开"]["B13"] = book["依申请公开"]["B13"].value + 1
    book.save(path)
    return [
        (path.read_bytes(), name) if name == path.name else (body, name) for body, name in shipped()
    ]


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_app(WebSettings(tmp_path / "work"))


@pytest.fixture
def visitor(app: Flask) -> Visitor:
    return Visitor(app.test_client())


@pytest.fixture
def another(app: Flask) -> Visitor:
    """A second browser on the same server."""
    return Visitor(app.test_client())
