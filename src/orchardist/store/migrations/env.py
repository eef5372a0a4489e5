"""Alembic environment: runs on the Store handed over in ``config.attributes``."""

from __future__ import annotations

from alembic import context

from orchardist.store.engine import Store
from orchardist.store.tables import metadata

store: Store = context.config.attributes["store"]

with store.engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=store.is_sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        if not store.is_sqlite:
            # Row-level security (migration 0016) lets a migration see every space's rows, owner or not.
            connection.exec_driver_sql("SELECT set_config('orchardist.spaces', '*', true)")
        context.run_migrations()
    connection.commit()
