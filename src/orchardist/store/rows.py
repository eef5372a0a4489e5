"""Stored rows turned into the domain's interactions and offers, and a person's balance: shared by the
SQLAlchemy repositories and the standard library's (``store/lite``), which give dates and times as
SQLite's text where SQLAlchemy gives values."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.introductions import Introduction, IntroState, Moved
from orchardist.domain.matching import email_key, linkedin_key, phone_key
from orchardist.domain.offers import Offer, OfferKind
from orchardist.domain.people import Person
from orchardist.store.times import from_store

INTERACTION_COLUMNS = ("id", "on_date", "direction", "kind", "summary", "channel", "notes")


@dataclass(frozen=True, slots=True)
class Balance:
    """A person's name, needs and give/ask counts (kept on every interaction write)."""

    person_id: int
    name: str
    needs: tuple[str, ...]
    gave: int
    asked: int
    mutual: int


def as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def as_moment(value: datetime | str) -> datetime:
    """A stored time in UTC (``from_store``), from SQLAlchemy's value or SQLite's text."""
    return from_store(value if isinstance(value, datetime) else datetime.fromisoformat(value))


def interaction_from(row: Mapping[Any, Any], person_ids: tuple[int, ...]) -> Interaction:
    """An interaction from a row of ``INTERACTION_COLUMNS`` and the people it was with."""
    return Interaction(
        id=row["id"],
        on=as_date(row["on_date"]),
        direction=Direction(row["direction"]),
        kind=row["kind"],
        summary=row["summary"],
        person_ids=person_ids,
        channel=Channel(row["channel"]),
        notes=row["notes"],
    )


def offer_from(offer_id: int, kind: str, text: str, created_at: datetime | str) -> Offer:
    return Offer(id=offer_id, kind=OfferKind(kind), text=text, created_at=as_moment(created_at))


@dataclass(frozen=True, slots=True)
class SharingKeys:
    """What someone's likely duplicates are looked up by: the keys of their e-mails, phones (seven digits
    or more) and web addresses, their LinkedIn profiles, and their family name."""

    by_table: tuple[tuple[str, frozenset[str]], ...]  # contact-point table name, keys
    linkedin: frozenset[str]
    family: str


def sharing_keys(person: Person) -> SharingKeys:
    phones = {phone_key(phone) for phone in person.phones}
    urls = {linkedin_key(url) or url.strip() for url in (*person.urls, person.linkedin_url)}
    names = person.display_name.split()
    return SharingKeys(
        by_table=(
            ("person_emails", frozenset({email_key(email) for email in person.emails} - {""})),
            ("person_phones", frozenset(key for key in phones if len(key) >= 7)),
            ("person_urls", frozenset(urls - {""})),
        ),
        linkedin=frozenset({linkedin_key(url) for url in (*person.urls, person.linkedin_url)} - {""}),
        family=person.family_name or (names[-1] if names else ""),
    )


INTRODUCTION_COLUMNS = (
    "id",
    "a_id",
    "a_name",
    "b_id",
    "b_name",
    "state",
    "why",
    "outcome",
    "history",
    "created_at",
)
"""An introduction's columns as both readers select them (the two names from the people joined)."""


def introduction_from(row: Mapping[Any, Any]) -> Introduction:
    """An introduction from a row of ``INTRODUCTION_COLUMNS``; ``history`` decoded or as stored text."""
    history = row["history"]
    if isinstance(history, str):
        history = json.loads(history or "[]")
    return Introduction(
        id=row["id"],
        a_id=row["a_id"],
        a_name=row["a_name"],
        b_id=row["b_id"],
        b_name=row["b_name"],
        state=IntroState(row["state"]),
        why=row["why"],
        outcome=row["outcome"],
        history=tuple(
            Moved(IntroState(item["state"]), date.fromisoformat(item["on"])) for item in history or ()
        ),
        created_at=as_moment(row["created_at"]) if row["created_at"] is not None else None,
    )
