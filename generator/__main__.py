"""python -m generator: the same as the gen-report command."""

import sys

from generator.launch import main

sys.exit(main())
