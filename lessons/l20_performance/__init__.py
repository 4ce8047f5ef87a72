"""Lesson 20: measure what pydantic, msgspec, attrs and dataclasses cost before choosing."""
