"""The shipped Word reference documents are exactly what tools/reference_docx.py builds."""

import zipfile

from tests.conftest import ROOT
from tests.support import ooxml_errors
from tools.reference_docx import reference_docx


def test_every_format_ships_the_built_reference() -> None:
    expected = reference_docx()
    folders = sorted(p.parent for p in (ROOT / "templates").glob("*/format.toml"))
    assert folders
    for folder in folders:
        assert (folder / "reference.docx").read_bytes() == expected, (
            "run python tools/reference_docx.py"
        )


def test_reference_is_valid_and_clean() -> None:
    path = ROOT / "templates" / "2018" / "reference.docx"
    assert ooxml_errors(path) == []
    names = zipfile.ZipFile(path).namelist()
    assert not [n for n in names if "theme" in n or "thumbnail" in n or "stylesWithEffects" in n]
    for name in names:
        data = zipfile.ZipFile(path).read(name)
        assert b"python-docx" not in data and b"ja-JP" not in data and b"Macintosh" not in data
