"""Lesson 16: server-side sessions, cookie flags, session fixation, CSRF, OAuth2 for Swagger."""
