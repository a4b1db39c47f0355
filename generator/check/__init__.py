"""Checks: each unit against its format's rules, then the units together and across years."""
