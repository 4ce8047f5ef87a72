"""The lesson's benchmark: `python -m lessons.l15_performance.benchmark` (or `nox -s bench`)."""
