"""Lesson 07: middleware, lifecycle hooks, exception handlers and lifespan."""
