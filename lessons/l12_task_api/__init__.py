"""Lesson 12: a task API with msgspec models, strict bodies and aware timestamps."""
