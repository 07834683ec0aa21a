"""factdb: facts from news articles, with their evidence, in SQLite."""

__version__ = "0.1.0"
