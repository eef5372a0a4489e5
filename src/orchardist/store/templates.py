"""The message templates a space keeps: the user's own, and their copies of built-in ones."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.coach.templates import Gives, KeptTemplate, Template
from orchardist.store.ids import ids_for
from orchardist.store.tables import message_templates
from orchardist.store.times import from_store, to_store

_TABLE = message_templates
_COLUMNS = tuple(
    _TABLE.c[name]
    for name in ("id", "code", "lang", "name", "subject", "body", "gives", "log_kind", "created_at")
)


def _kept(row: Any) -> KeptTemplate:
    gives = Gives(row.gives) if row.gives in Gives._value2member_map_ else Gives.SOCIAL
    template = Template(row.code, row.name, row.subject, row.body, gives, row.log_kind)
    return KeptTemplate(row.lang, template, id=row.id, created_at=from_store(row.created_at))


class TemplatesRepository:
    """The templates one space keeps, in every language."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def all(self, lang: str | None = None) -> list[KeptTemplate]:
        """The space's templates (in ``lang``, or every language), oldest first."""
        query = sa.select(*_COLUMNS).where(_TABLE.c.space_id == self.space_id)
        if lang is not None:
            query = query.where(_TABLE.c.lang == lang)
        return [_kept(row) for row in self.conn.execute(query.order_by(_TABLE.c.id))]

    def get(self, lang: str, code: str) -> KeptTemplate | None:
        row = self.conn.execute(
            sa.select(*_COLUMNS).where(
                _TABLE.c.space_id == self.space_id, _TABLE.c.lang == lang, _TABLE.c.code == code
            )
        ).first()
        return None if row is None else _kept(row)

    def put(self, lang: str, template: Template) -> KeptTemplate:
        """Keep ``template`` in ``lang``, in place of one with its code."""
        values = {
            "name": template.name,
            "subject": template.subject,
            "body": template.body,
            "gives": template.gives.value,
            "log_kind": template.log_kind,
        }
        where = sa.and_(
            _TABLE.c.space_id == self.space_id, _TABLE.c.lang == lang, _TABLE.c.code == template.code
        )
        if self.conn.execute(sa.update(_TABLE).where(where).values(**values)).rowcount == 0:
            self._insert([KeptTemplate(lang, template, created_at=datetime.now(UTC))])
        kept = self.get(lang, template.code)
        assert kept is not None
        return kept

    def delete(self, lang: str, code: str) -> bool:
        """Forget a template (a built-in one comes back as it was); False when there was none."""
        result = self.conn.execute(
            sa.delete(_TABLE).where(
                _TABLE.c.space_id == self.space_id, _TABLE.c.lang == lang, _TABLE.c.code == code
            )
        )
        return result.rowcount > 0

    def delete_all(self) -> None:
        """Forget every template of the space (a restore replaces them)."""
        self.conn.execute(sa.delete(_TABLE).where(_TABLE.c.space_id == self.space_id))

    def add_missing(self, found: Sequence[KeptTemplate]) -> int:
        """Add the templates of ``found`` (from a backup) whose language and code the space has none
        of, keeping their times and, where no row holds them, their ids; returns how many were added.
        A template the space already has in that language is left as the user has it now."""
        if not found:
            return 0
        taken = {(kept.lang, kept.template.code) for kept in self.all()}
        new: list[KeptTemplate] = []
        for kept in found:
            key = (kept.lang, kept.template.code)
            if key not in taken:
                taken.add(key)
                new.append(kept)
        self._insert(new)
        return len(new)

    def _insert(self, found: Sequence[KeptTemplate]) -> None:
        if not found:
            return
        ids = ids_for(self.conn, _TABLE, [kept.id for kept in found])
        self.conn.execute(
            sa.insert(_TABLE),
            [
                {
                    "id": row_id,
                    "space_id": self.space_id,
                    "code": kept.template.code,
                    "lang": kept.lang,
                    "name": kept.template.name,
                    "subject": kept.template.subject,
                    "body": kept.template.body,
                    "gives": kept.template.gives.value,
                    "log_kind": kept.template.log_kind,
                    "created_at": to_store(kept.created_at or datetime.now(UTC)),
                }
                for row_id, kept in zip(ids, found, strict=True)
            ],
        )
