"""Benchmarks of the capstone that are not part of a lesson: `python -m bench.capstone`."""

# How many tasks bench/lesson11.py seeds lesson 11's store with (its server reads it).
TASKS_VARIABLE = "BENCH_TASKS"
