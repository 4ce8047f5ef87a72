"""Lesson 05: dependency injection with Provide, layers, generators, caching and test overrides."""
