"""Lesson 14's exercises: each shipped start is unsolved, each solution passes every check."""

from tests.exercises import two_sided_tests

test_solution_passes, test_start_is_unsolved, test_files, test_count = two_sided_tests(
    "l14_relations"
)
