"""Load, crash and concurrency tests of the capstone: `python -m reliability.load|crash`."""
