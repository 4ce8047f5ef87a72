"""Lesson 13: SQLAlchemy 2 async with advanced-alchemy: sessions, repositories, migrations."""
