"""`python -m lessons.l20_performance.benchmark [--quick] [--output DIR] [--no-plot]`."""

import sys

from lessons.l20_performance.benchmark.bench import main

raise SystemExit(main(sys.argv[1:]))
