"""Database models (SQLAlchemy); see issue 3."""
