"""The one clock outputs may depend on: SOURCE_DATE_EPOCH, for reproducible files."""

from __future__ import annotations

import datetime as dt
import os

ZIP_EPOCH = dt.datetime(1980, 1, 1)
"""Zip dates cannot be earlier than this."""


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a naive UTC time, or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
