"""The lesson's benchmark: `python -m lessons.l20_performance.benchmark` (or `nox -s bench`)."""
