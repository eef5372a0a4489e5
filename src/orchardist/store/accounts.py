"""The agency server's accounts: agencies, accounts, one-time links, sessions, sign-in failures and
recovery codes. Secrets are kept as hashes only (passwords as argon2id, tokens as SHA-256)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.accounts import Account, Role, Session
from orchardist.store.account_tables import (
    accounts,
    agencies,
    one_time_links,
    recovery_codes,
    sign_in_failures,
    web_sessions,
)


def aware(value: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite gives it back naive)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def account_from(row: Any) -> Account:
    return Account(
        id=row.id,
        agency_id=row.agency_id,
        email=row.email,
        role=Role(row.role),
        name=row.name,
        space_id=row.own_space,
        has_password=row.password_hash is not None,
        has_second_factor=row.totp_secret is not None,
        digest_weekday=row.digest_weekday,
    )


_ACCOUNT_COLUMNS = (
    accounts.c.id,
    accounts.c.agency_id,
    accounts.c.email,
    accounts.c.role,
    accounts.c.name,
    accounts.c.own_space,
    accounts.c.password_hash,
    accounts.c.totp_secret,
    accounts.c.digest_weekday,
)


class AccountsRepository:
    """The server's accounts, in one transaction."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # Agencies.
    def add_agency(self, name: str, at: datetime) -> int:
        return int(
            self.conn.execute(
                agencies.insert().values(name=name, created_at=at).returning(agencies.c.id)
            ).scalar_one()
        )

    def agency_named(self, name: str) -> tuple[int, str] | None:
        row = self.conn.execute(
            sa.select(agencies.c.id, agencies.c.name).where(sa.func.lower(agencies.c.name) == name.lower())
        ).first()
        return (row.id, row.name) if row else None

    def agency(self, agency_id: int) -> tuple[int, str] | None:
        row = self.conn.execute(
            sa.select(agencies.c.id, agencies.c.name).where(agencies.c.id == agency_id)
        ).first()
        return (row.id, row.name) if row else None

    def agencies(self) -> list[tuple[int, str]]:
        rows = self.conn.execute(sa.select(agencies.c.id, agencies.c.name).order_by(agencies.c.name))
        return [(row.id, row.name) for row in rows]

    # Accounts.
    def add(self, agency_id: int, email: str, role: Role, name: str, at: datetime) -> Account:
        account_id = self.conn.execute(
            accounts.insert()
            .values(agency_id=agency_id, email=email, role=role.value, name=name, created_at=at)
            .returning(accounts.c.id)
        ).scalar_one()
        found = self.get(account_id)
        assert found is not None
        return found

    def get(self, account_id: int) -> Account | None:
        row = self.conn.execute(sa.select(*_ACCOUNT_COLUMNS).where(accounts.c.id == account_id)).first()
        return account_from(row) if row else None

    def by_email(self, email: str) -> Account | None:
        row = self.conn.execute(sa.select(*_ACCOUNT_COLUMNS).where(accounts.c.email == email)).first()
        return account_from(row) if row else None

    def of_agency(self, agency_id: int) -> list[Account]:
        rows = self.conn.execute(
            sa.select(*_ACCOUNT_COLUMNS).where(accounts.c.agency_id == agency_id).order_by(accounts.c.id)
        )
        return [account_from(row) for row in rows]

    def password_hash(self, account_id: int) -> str | None:
        return self.conn.execute(
            sa.select(accounts.c.password_hash).where(accounts.c.id == account_id)
        ).scalar_one_or_none()

    def set_password(self, account_id: int, hashed: str) -> None:
        self.conn.execute(accounts.update().where(accounts.c.id == account_id).values(password_hash=hashed))

    def set_name(self, account_id: int, name: str) -> None:
        self.conn.execute(accounts.update().where(accounts.c.id == account_id).values(name=name))

    def set_space(self, account_id: int, space_id: int) -> None:
        self.conn.execute(accounts.update().where(accounts.c.id == account_id).values(own_space=space_id))

    def second_factor(self, account_id: int) -> tuple[str | None, int | None]:
        row = self.conn.execute(
            sa.select(accounts.c.totp_secret, accounts.c.totp_last_step).where(accounts.c.id == account_id)
        ).one()
        return row.totp_secret, row.totp_last_step

    def set_second_factor(self, account_id: int, secret: str, step: int) -> None:
        self.conn.execute(
            accounts.update()
            .where(accounts.c.id == account_id)
            .values(totp_secret=secret, totp_last_step=step)
        )

    def use_step(self, account_id: int, step: int) -> bool:
        """Record that the code of time step ``step`` was used; False if it, or a later one, already was."""
        done = self.conn.execute(
            accounts.update()
            .where(
                accounts.c.id == account_id,
                sa.or_(accounts.c.totp_last_step.is_(None), accounts.c.totp_last_step < step),
            )
            .values(totp_last_step=step)
        )
        return done.rowcount == 1

    # The weekly digest from the agency.
    def set_digest(self, account_id: int, weekday: str | None) -> None:
        self.conn.execute(accounts.update().where(accounts.c.id == account_id).values(digest_weekday=weekday))

    def digest_takers(self) -> list[tuple[Account, str, date | None]]:
        """Every client who asked for the weekly digest: the account, the weekday, the last day sent."""
        rows = self.conn.execute(
            sa.select(*_ACCOUNT_COLUMNS, accounts.c.digest_sent_on)
            .where(accounts.c.digest_weekday.is_not(None), accounts.c.own_space.is_not(None))
            .order_by(accounts.c.id)
        )
        return [(account_from(row), row.digest_weekday, row.digest_sent_on) for row in rows]

    def digest_sent(self, account_id: int, on: date) -> None:
        self.conn.execute(accounts.update().where(accounts.c.id == account_id).values(digest_sent_on=on))

    # Recovery codes.
    def replace_recovery_codes(self, account_id: int, hashes: Sequence[str]) -> None:
        self.conn.execute(recovery_codes.delete().where(recovery_codes.c.account_id == account_id))
        self.conn.execute(
            recovery_codes.insert(), [{"account_id": account_id, "code_hash": value} for value in hashes]
        )

    def use_recovery_code(self, account_id: int, code_hash: str, at: datetime) -> bool:
        done = self.conn.execute(
            recovery_codes.update()
            .where(
                recovery_codes.c.account_id == account_id,
                recovery_codes.c.code_hash == code_hash,
                recovery_codes.c.used_at.is_(None),
            )
            .values(used_at=at)
        )
        return done.rowcount == 1

    def recovery_codes_left(self, account_id: int) -> int:
        return int(
            self.conn.execute(
                sa.select(sa.func.count()).where(
                    recovery_codes.c.account_id == account_id, recovery_codes.c.used_at.is_(None)
                )
            ).scalar_one()
        )

    # One-time links.
    def add_link(
        self, token_hash: str, account_id: int, purpose: str, expires: datetime, invited_by: int | None = None
    ) -> None:
        self.conn.execute(
            one_time_links.insert().values(
                token_hash=token_hash,
                account_id=account_id,
                purpose=purpose,
                invited_by=invited_by,
                expires_at=expires,
            )
        )

    def link(self, token_hash: str) -> tuple[int, str, datetime, int | None, bool] | None:
        """The link's account, purpose, expiry, inviting counsellor, and whether it was used."""
        row = self.conn.execute(
            sa.select(
                one_time_links.c.account_id,
                one_time_links.c.purpose,
                one_time_links.c.expires_at,
                one_time_links.c.invited_by,
                one_time_links.c.used_at,
            ).where(one_time_links.c.token_hash == token_hash)
        ).first()
        if row is None:
            return None
        return row.account_id, row.purpose, aware(row.expires_at), row.invited_by, row.used_at is not None

    def use_link(self, token_hash: str, at: datetime) -> bool:
        done = self.conn.execute(
            one_time_links.update()
            .where(one_time_links.c.token_hash == token_hash, one_time_links.c.used_at.is_(None))
            .values(used_at=at)
        )
        return done.rowcount == 1

    def end_links(self, account_id: int, purpose: str, at: datetime) -> None:
        """Every unused link of ``purpose`` for the account stops working (a new one replaces them)."""
        self.conn.execute(
            one_time_links.update()
            .where(
                one_time_links.c.account_id == account_id,
                one_time_links.c.purpose == purpose,
                one_time_links.c.used_at.is_(None),
            )
            .values(used_at=at)
        )

    # Sessions.
    def add_session(self, id_hash: str, account_id: int, complete: bool, at: datetime) -> None:
        self.conn.execute(
            web_sessions.insert().values(
                id_hash=id_hash, account_id=account_id, complete=complete, started_at=at, seen_at=at
            )
        )

    def session(self, id_hash: str) -> Session | None:
        row = self.conn.execute(
            sa.select(
                web_sessions.c.complete, web_sessions.c.started_at, web_sessions.c.seen_at, *_ACCOUNT_COLUMNS
            )
            .join(accounts, accounts.c.id == web_sessions.c.account_id)
            .where(web_sessions.c.id_hash == id_hash)
        ).first()
        if row is None:
            return None
        return Session(
            account=account_from(row),
            started=aware(row.started_at),
            seen=aware(row.seen_at),
            complete=row.complete,
        )

    def touch_session(self, id_hash: str, at: datetime) -> None:
        self.conn.execute(web_sessions.update().where(web_sessions.c.id_hash == id_hash).values(seen_at=at))

    def end_session(self, id_hash: str) -> None:
        self.conn.execute(web_sessions.delete().where(web_sessions.c.id_hash == id_hash))

    def end_sessions_of(self, account_id: int) -> None:
        self.conn.execute(web_sessions.delete().where(web_sessions.c.account_id == account_id))

    def end_sessions_before(self, seen_before: datetime) -> None:
        self.conn.execute(web_sessions.delete().where(web_sessions.c.seen_at < seen_before))

    # Sign-in failures.
    def add_failures(self, keys: Sequence[str], at: datetime) -> None:
        self.conn.execute(sign_in_failures.insert(), [{"key": key, "at": at} for key in keys])

    def failures_since(self, key: str, since: datetime) -> tuple[int, datetime | None]:
        """How many failures ``key`` had since ``since``, and the oldest of them."""
        row = self.conn.execute(
            sa.select(sa.func.count(), sa.func.min(sign_in_failures.c.at)).where(
                sign_in_failures.c.key == key, sign_in_failures.c.at >= since
            )
        ).one()
        return int(row[0]), aware(row[1]) if row[1] is not None else None

    def clear_failures(self, key: str) -> None:
        self.conn.execute(sign_in_failures.delete().where(sign_in_failures.c.key == key))

    def forget_failures_before(self, before: datetime) -> None:
        self.conn.execute(sign_in_failures.delete().where(sign_in_failures.c.at < before))
