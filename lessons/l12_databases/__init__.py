"""Lesson 12: SQLAlchemy 2 async with advanced-alchemy: sessions, repositories, migrations."""
