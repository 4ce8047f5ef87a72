"""Lesson 15: passwords hashed with argon2, JWT authentication and role guards."""
