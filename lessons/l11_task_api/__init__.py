"""Lesson 11: the article's task API rebuilt right, with msgspec models and aware timestamps."""
