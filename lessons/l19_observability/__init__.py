"""Lesson 19: observability, from JSON log lines to metrics, traces and what never to record."""
