"""Lesson 08: WebSockets, from a raw handler to a chat room, with clear close codes."""
