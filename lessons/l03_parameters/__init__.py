"""Lesson 03: query, header and cookie parameters, declared explicitly and validated."""
