"""The command's exit statuses, in one place."""

EXIT_OK = 0
EXIT_INPUT = 1  # the inputs have problems (all listed)
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_OUTPUT = 4  # an output could not be written
EXIT_INTERRUPTED = 130
