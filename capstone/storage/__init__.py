"""Where data lives: the tables, their migrations and the database connection."""
