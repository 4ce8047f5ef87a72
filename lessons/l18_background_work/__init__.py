"""Lesson 18: work after the response, from background tasks to a job queue on Redis."""
