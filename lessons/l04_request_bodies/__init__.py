"""Lesson 04: request bodies, the models that describe them, and the responses you send back."""
