"""The pipeline as a library: options in, checks and reports out (the CLI and tests call it)."""
