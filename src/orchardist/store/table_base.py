"""The one ``MetaData`` every table of the schema belongs to (``tables.py``, ``account_tables.py``).

Whoever needs the whole schema (migrations, the tests that compare it) imports ``orchardist.store.tables``,
which loads every module of tables."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
