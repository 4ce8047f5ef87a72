"""Lesson 02: routing with verb decorators, path parameters, routers and controllers."""
