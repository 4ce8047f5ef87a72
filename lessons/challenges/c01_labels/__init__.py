"""Label your tasks.

Test: tests/capstone/test_labels.py
"""
