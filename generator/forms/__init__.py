"""Workbooks the tool writes: the fill-in form and the office's summary."""
