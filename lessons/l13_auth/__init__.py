"""Lesson 13: passwords hashed with argon2, JWT authentication and role guards."""
