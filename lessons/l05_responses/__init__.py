"""Lesson 05: responses beyond JSON, from redirects and files to caching and problem details."""
