"""The agency server: agencies, accounts, sessions, sharing, the access log, counsellors' notes; and
row-level security on PostgreSQL for every table of a network's data.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from orchardist.store import row_security

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def _at(name: str = "created_at", *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _account(name: str, *, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        _at(),
    )
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("agency_id", sa.Integer, sa.ForeignKey("agencies.id", ondelete="CASCADE"), nullable=False),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("own_space", sa.Integer, sa.ForeignKey("spaces.id", ondelete="SET NULL"), nullable=True),
        sa.Column("password_hash", sa.String(200), nullable=True),
        sa.Column("totp_secret", sa.String(64), nullable=True),
        sa.Column("totp_last_step", sa.BigInteger, nullable=True),
        sa.Column("digest_weekday", sa.String(10), nullable=True),
        sa.Column("digest_sent_on", sa.Date, nullable=True),
        _at(),
    )
    op.create_table(
        "recovery_codes",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("account_id"),
        sa.Column("code_hash", sa.String(64), nullable=False),
        _at("used_at", nullable=True),
    )
    op.create_index("ix_recovery_codes_account", "recovery_codes", ["account_id"])
    op.create_table(
        "one_time_links",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        _account("account_id"),
        sa.Column("purpose", sa.String(20), nullable=False),
        _account("invited_by", nullable=True),
        _at("expires_at"),
        _at("used_at", nullable=True),
    )
    op.create_index("ix_one_time_links_account", "one_time_links", ["account_id"])
    op.create_table(
        "web_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        _account("account_id"),
        sa.Column("complete", sa.Boolean, nullable=False),
        _at("started_at"),
        _at("seen_at"),
    )
    op.create_index("ix_web_sessions_account", "web_sessions", ["account_id"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(100), nullable=False),
        _at("at"),
    )
    op.create_index("ix_sign_in_failures_key_at", "sign_in_failures", ["key", "at"])
    op.create_table(
        "caseloads",
        _account("counsellor_id"),
        _account("client_id"),
        _at(),
        sa.PrimaryKeyConstraint("counsellor_id", "client_id"),
    )
    op.create_index("ix_caseloads_client", "caseloads", ["client_id"])
    op.create_table(
        "sharing_grants",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("client_id"),
        _account("counsellor_id"),
        sa.Column("groups", sa.String(200), nullable=False),
        _at("at"),
    )
    op.create_index("ix_sharing_grants_pair", "sharing_grants", ["client_id", "counsellor_id", "id"])
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("client_id"),
        _account("counsellor_id"),
        sa.Column("group_code", sa.String(20), nullable=False),
        sa.Column("page", sa.String(200), nullable=False),
        _at("at"),
    )
    op.create_index("ix_access_log_client_at", "access_log", ["client_id", "at"])
    op.create_table(
        "counsellor_notes",
        sa.Column("id", sa.Integer, primary_key=True),
        _account("client_id"),
        _account("counsellor_id"),
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        _at(),
    )
    op.create_index("ix_counsellor_notes_client", "counsellor_notes", ["client_id", "on_date"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        row_security.protect(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        row_security.unprotect(bind)
    for table in (
        "counsellor_notes",
        "access_log",
        "sharing_grants",
        "caseloads",
        "sign_in_failures",
        "web_sessions",
        "one_time_links",
        "recovery_codes",
        "accounts",
        "agencies",
    ):
        op.drop_table(table)
