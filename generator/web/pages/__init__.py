"""The pages, one module each: its form, what it asks of the library, and its results."""
