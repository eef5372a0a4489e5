"""Storage: SQLAlchemy Core tables shared by SQLite and PostgreSQL, repositories, migrations."""
