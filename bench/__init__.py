"""Benchmarks of the capstone that are not part of a lesson: `python -m bench.capstone`."""

# How many tasks bench/lesson12.py seeds lesson 12's store with (its server reads it).
TASKS_VARIABLE = "BENCH_TASKS"
