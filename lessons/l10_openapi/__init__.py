"""Lesson 10: OpenAPI documentation that says what the API really does, and a test that pins it."""
