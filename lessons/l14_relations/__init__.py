"""Lesson 14: relationships, eager loading, N+1, transactions, UUID keys and the service layer."""
