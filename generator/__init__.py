"""gen-report: the annual report on government information disclosure, from unit workbooks."""

__version__ = "0.1.0"
