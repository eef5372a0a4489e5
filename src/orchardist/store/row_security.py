"""Row-level security on PostgreSQL: a second guard behind every query's own ``space_id`` [8.4.1].

Every table with a ``space_id`` column has a policy that lets a transaction see and write only the rows
of the spaces it named with ``SET LOCAL`` (``set_config(…, true)``): ``orchardist.spaces`` holds their ids,
comma-separated, or ``*`` for the few transactions that work on every space (migrations, the figures
rebuilt after a restore, the server's own account tables being read). Nothing named, nothing seen: an
unset or empty setting reads as NULL and matches no row. ``FORCE ROW LEVEL SECURITY`` makes the policy hold
for the tables' owner too; the server is meant to connect as a role that owns no table (docs/deploy.md),
and only a superuser or a role with BYPASSRLS passes by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy.engine import Connection

SETTING = "orchardist.spaces"
EVERY_SPACE = "*"
POLICY = "orchardist_space_only"

_ALLOWED = (
    f"(NULLIF(current_setting('{SETTING}', true), '') = '{EVERY_SPACE}' OR space_id = ANY ("
    f"string_to_array(NULLIF(current_setting('{SETTING}', true), ''), ',')::integer[]))"
)

# Every table of the current schema with a space_id column: each one is a network's data.
SPACE_TABLES = (
    "SELECT c.table_name FROM information_schema.columns c "
    "JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
    "WHERE c.table_schema = current_schema() AND c.column_name = 'space_id' AND t.table_type = 'BASE TABLE' "
    "ORDER BY c.table_name"
)


def protect(conn: Connection, tables: Iterable[str] | None = None) -> list[str]:
    """Turn row-level security on for ``tables`` (every table with a ``space_id`` by default), with the
    policy above; again on a table already protected, it changes nothing. Returns the tables."""
    names = list(tables) if tables is not None else list(conn.exec_driver_sql(SPACE_TABLES).scalars())
    for name in names:
        quoted = f'"{name}"'
        conn.exec_driver_sql(f"ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {quoted} FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {POLICY} ON {quoted}")
        conn.exec_driver_sql(f"CREATE POLICY {POLICY} ON {quoted} USING {_ALLOWED} WITH CHECK {_ALLOWED}")
    return names


def unprotect(conn: Connection, tables: Iterable[str] | None = None) -> None:
    names = list(tables) if tables is not None else list(conn.exec_driver_sql(SPACE_TABLES).scalars())
    for name in names:
        conn.exec_driver_sql(f'DROP POLICY IF EXISTS {POLICY} ON "{name}"')
        conn.exec_driver_sql(f'ALTER TABLE "{name}" NO FORCE ROW LEVEL SECURITY')
        conn.exec_driver_sql(f'ALTER TABLE "{name}" DISABLE ROW LEVEL SECURITY')


def allow(conn: Connection, spaces: Iterable[int] | str) -> None:
    """Let this transaction see the rows of ``spaces`` only (``"*"``: every space); PostgreSQL only."""
    value = spaces if isinstance(spaces, str) else ",".join(str(int(space)) for space in spaces)
    conn.exec_driver_sql("SELECT set_config(%(name)s, %(value)s, true)", {"name": SETTING, "value": value})


UNPROTECTED = (
    "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' "
    "AND relname = ANY(%(tables)s) AND NOT (relrowsecurity AND relforcerowsecurity)"
)


def unprotected(conn: Connection) -> list[str]:
    """The tables with a ``space_id`` that row-level security does not guard (should be none)."""
    names = list(conn.exec_driver_sql(SPACE_TABLES).scalars())
    return list(conn.exec_driver_sql(UNPROTECTED, {"tables": names}).scalars())


_ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def grant_app_role(conn: Connection, role: str) -> None:
    """Let ``role`` (which owns no table) read and write the tables, now and after later migrations,
    and nothing else: no DDL, no policy to change. Run by the tables' owner. ValueError for a name that
    is not a plain lower-case identifier."""
    if not _ROLE.fullmatch(role):
        raise ValueError(role)
    schema = _schema(conn)
    rows, numbers = "SELECT, INSERT, UPDATE, DELETE", "USAGE, SELECT"
    for statement in (
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"GRANT {rows} ON ALL TABLES IN SCHEMA {schema} TO {role}",
        f"GRANT {numbers} ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT {rows} ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT {numbers} ON SEQUENCES TO {role}",
    ):
        conn.exec_driver_sql(statement)


def _schema(conn: Connection) -> str:
    name = str(conn.exec_driver_sql("SELECT current_schema()").scalar_one())
    return '"' + name.replace('"', '""') + '"'
