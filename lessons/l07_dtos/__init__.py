"""Lesson 07: DTOs decide which fields of a model cross the wire, in and out."""
