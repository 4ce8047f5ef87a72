"""Lesson 08: DTOs decide which fields of a model cross the wire, in and out."""
