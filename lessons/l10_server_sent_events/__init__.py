"""Lesson 10: server-sent events, from a first stream to resuming and cleaning up."""
