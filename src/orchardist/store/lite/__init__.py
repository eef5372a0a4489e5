"""Reading an SQLite store through the standard library's ``sqlite3``, without SQLAlchemy.

Importing SQLAlchemy takes longer than a command that reads should take in all, so the commands that
only read (``today``, ``people list``, ``people show``) open the store through ``LiteStore``: its unit
answers the reads those use cases make in plain SQL for SQLite, and anything else through the
SQLAlchemy repositories on the same connection and in the same transaction. The store must already
be up to date (migrations, a space); otherwise the command opens it the usual way. Each lite repository
has the same methods, with the same signatures and results, as the one it stands for (tests check both).
"""
