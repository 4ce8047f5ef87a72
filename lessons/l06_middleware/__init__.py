"""Lesson 06: middleware, lifecycle hooks, exception handlers and lifespan."""
