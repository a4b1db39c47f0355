"""python -m generator: the same as the gen-report command."""

import sys

from generator.cli import main

sys.exit(main())
