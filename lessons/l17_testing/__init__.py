"""Lesson 17: testing Litestar apps, from test clients to property-based tests."""
