"""Lesson 11: OpenAPI documentation that says what the API really does, and a test that pins it."""
