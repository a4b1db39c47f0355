"""Computed figures: totals over units, the summary, and what the report prints."""
