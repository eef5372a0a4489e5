"""The server's own tables: agencies, accounts, sessions, and what clients share with counsellors.

None of them has a ``space_id``: they say who may open which space, and are read before any space is
chosen. Every table that does have one is guarded by row-level security on PostgreSQL (migration 0016).
"""

from __future__ import annotations

import sqlalchemy as sa

from orchardist.store.table_base import metadata

_ACCOUNT = "accounts.id"


def _account(name: str, *, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(name, sa.Integer, sa.ForeignKey(_ACCOUNT, ondelete="CASCADE"), nullable=nullable)


def _at(name: str = "created_at", *, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


agencies = sa.Table(
    "agencies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    _at(),
)

accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("agency_id", sa.Integer, sa.ForeignKey("agencies.id", ondelete="CASCADE"), nullable=False),
    sa.Column("email", sa.String(320), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    # A client's own network; NULL for counsellors and admins, and for a client not yet set up.
    sa.Column("own_space", sa.Integer, sa.ForeignKey("spaces.id", ondelete="SET NULL"), nullable=True),
    sa.Column("password_hash", sa.String(200), nullable=True),
    sa.Column("totp_secret", sa.String(64), nullable=True),
    # The last time step a one-time code was accepted for: a code is good once [6.6.x].
    sa.Column("totp_last_step", sa.BigInteger, nullable=True),
    # A client's weekly digest from the agency: the weekday it goes on (NULL: off), and the last day sent.
    sa.Column("digest_weekday", sa.String(10), nullable=True),
    sa.Column("digest_sent_on", sa.Date, nullable=True),
    _at(),
)

recovery_codes = sa.Table(
    "recovery_codes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _account("account_id"),
    sa.Column("code_hash", sa.String(64), nullable=False),
    _at("used_at", nullable=True),
    sa.Index("ix_recovery_codes_account", "account_id"),
)

# A one-time link (set-up, invitation, password reset): only the SHA-256 of its token is kept.
one_time_links = sa.Table(
    "one_time_links",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    _account("account_id"),
    sa.Column("purpose", sa.String(20), nullable=False),
    # The counsellor who invited a client, and what the invitation proposes to share.
    _account("invited_by", nullable=True),
    _at("expires_at"),
    _at("used_at", nullable=True),
    sa.Index("ix_one_time_links_account", "account_id"),
)

# Server-side sessions [7.2.x]: only the SHA-256 of the 128-bit random id the cookie carries.
web_sessions = sa.Table(
    "web_sessions",
    metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    _account("account_id"),
    sa.Column("complete", sa.Boolean, nullable=False),
    _at("started_at"),
    _at("seen_at"),
    sa.Index("ix_web_sessions_account", "account_id"),
)

# Failed sign-ins, per account and per address, for throttling across every worker [6.3.1].
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(100), nullable=False),
    _at("at"),
    sa.Index("ix_sign_in_failures_key_at", "key", "at"),
)

# Which counsellor coaches which client.
caseloads = sa.Table(
    "caseloads",
    metadata,
    _account("counsellor_id"),
    _account("client_id"),
    _at(),
    sa.PrimaryKeyConstraint("counsellor_id", "client_id"),
    sa.Index("ix_caseloads_client", "client_id"),
)

# Every change of what a client shares with a counsellor, kept: the newest row is in force [8.3.2].
sharing_grants = sa.Table(
    "sharing_grants",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _account("client_id"),
    _account("counsellor_id"),
    # The groups shared, comma-separated ("" when nothing is).
    sa.Column("groups", sa.String(200), nullable=False),
    _at("at"),
    sa.Index("ix_sharing_grants_pair", "client_id", "counsellor_id", "id"),
)

# Every read of a client's data by a counsellor [16.x].
access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _account("client_id"),
    _account("counsellor_id"),
    sa.Column("group_code", sa.String(20), nullable=False),
    sa.Column("page", sa.String(200), nullable=False),
    _at("at"),
    sa.Index("ix_access_log_client_at", "client_id", "at"),
)

# A counsellor's notes about meetings with a client; the client reads them too.
counsellor_notes = sa.Table(
    "counsellor_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _account("client_id"),
    _account("counsellor_id"),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    _at(),
    sa.Index("ix_counsellor_notes_client", "client_id", "on_date"),
)
