"""Lesson 01: your first Litestar app."""
