"""Lesson 09: WebSockets, from a raw handler to a chat room, with clear close codes."""
