"""python -m generator: the same as the gen-report command."""

import sys

from generator.cli.main import main

sys.exit(main())
