"""Lesson 16: server-side sessions, cookie flags, session fixation, CSRF and OAuth2 for Swagger UI."""
