"""Run gen-report with the given arguments, then report its peak memory (with its workers)."""

import json
import resource
import sys

from generator.cli.main import main

status = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"status": status, "peak_mib": max(own, workers) / 1024}), file=sys.stderr)
sys.exit(status)
