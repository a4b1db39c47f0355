"""Why a report document could not be read; every message is for the user, in Chinese."""

from __future__ import annotations


class DocumentError(ValueError):
    """The file cannot be read as a report document."""


class DocumentTooComplex(DocumentError):
    """The document is larger or more complex than any report (a bound of base/limits.py)."""
