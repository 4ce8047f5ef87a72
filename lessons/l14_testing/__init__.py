"""Lesson 14: testing Litestar apps, from test clients to property-based tests."""
