"""Lesson 06: dependency injection with Provide, layers, generators, caching and test overrides."""
