"""SQLAlchemy 2 + Alembic. The only package that imports either."""
