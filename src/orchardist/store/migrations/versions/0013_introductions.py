"""Introductions the user brokers; interests and what people can help with, or could use help with, in
the words full-text search indexes (sharing an article finds people by them).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BATCH = 1_000
_TOPICS = ("interests", "can_help_with", "could_use_help_with")
_NOT_WORD = re.compile(r"[\W_]+")
_PUNCTUATION = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


def _words(text: str) -> str:
    """The folded words of ``text``, as the search index keeps them (orchardist.domain.search at 0013)."""
    folded = text.casefold().translate(_PUNCTUATION)
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )
    return " ".join(word for word in _NOT_WORD.split(folded) if word)


def upgrade() -> None:
    op.create_table(
        "introductions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
        sa.Column("a_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("b_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False),
        sa.Column("history", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_introductions_space", "introductions", ["space_id"])
    op.create_index("ix_introductions_a", "introductions", ["a_id"])
    op.create_index("ix_introductions_b", "introductions", ["b_id"])
    _index_topics()


def _index_topics() -> None:
    conn = op.get_bind()
    people = sa.table(
        "people",
        sa.column("id", sa.Integer),
        sa.column("search_text", sa.Text),
        *(sa.column(name, sa.Text) for name in _TOPICS),
    )
    having = sa.or_(*(sa.and_(people.c[name] != "[]", people.c[name] != "") for name in _TOPICS))
    rows = conn.execute(sa.select(people).where(having).order_by(people.c.id)).all()
    changed = []
    for row in rows:
        parts = [part for name in _TOPICS for part in json.loads(getattr(row, name) or "[]") if part]
        topics = " ".join(_words(part) for part in parts)
        if topics:
            changed.append({"person": row.id, "text": f"{row.search_text} {topics}"})
    statement = (
        people.update().where(people.c.id == sa.bindparam("person")).values(search_text=sa.bindparam("text"))
    )
    for start in range(0, len(changed), _BATCH):
        conn.execute(statement, changed[start : start + _BATCH])


def downgrade() -> None:
    op.drop_index("ix_introductions_b", "introductions")
    op.drop_index("ix_introductions_a", "introductions")
    op.drop_index("ix_introductions_space", "introductions")
    op.drop_table("introductions")
