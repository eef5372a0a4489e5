"""Adding, editing, finding, merging and deleting people."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import sqlalchemy as sa

from orchardist.domain.duplicates import DuplicatePair, duplicates_of, find_duplicates, merge_people
from orchardist.domain.interactions import Interaction
from orchardist.domain.matching import email_key, fold, linkedin_key, phone_key
from orchardist.domain.people import LIST_FIELDS, PERSON_FIELDS, NamedDate, PartialDate, Person, Tier
from orchardist.domain.queries import Query, Text
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.interactions import InteractionsRepository
from orchardist.store.people import Order, PeopleRepository
from orchardist.store.tables import (
    job_changes,
    organisations,
    people,
    person_emails,
    person_phones,
    person_tags,
    person_urls,
)

MANUAL = "manual"


class PersonError(InputRefused):
    """A person cannot be stored as given: says which field and why."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


@dataclass(frozen=True, slots=True)
class PersonListing:
    """A person as a list shows them: the record and the date of the last contact."""

    person: Person
    last_contact: date | None


@dataclass(frozen=True, slots=True)
class PersonDetail:
    """Everything the person page shows."""

    person: Person
    last_contact: date | None
    interactions: list[Interaction]
    met_through: Person | None


def _clean_list(values: Any, name: str) -> tuple[Any, ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        raise PersonError("expected a list", field=name)
    if name == "dates":
        return tuple(values)
    cleaned = []
    for value in values:
        if not isinstance(value, str):
            raise PersonError(f"expected text, got {value!r}", field=name)
        if value.strip() and value.strip() not in cleaned:
            cleaned.append(value.strip())
    return tuple(cleaned)


def _validate(person: Person) -> Person:
    """Check and tidy a person typed in by the user."""
    from email_validator import EmailNotValidError, validate_email

    display = (
        person.display_name.strip() or f"{person.given_name.strip()} {person.family_name.strip()}".strip()
    )
    if not display:
        raise PersonError("a person needs a name", field="name")
    for email in person.emails:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError as error:
            raise PersonError(f"{email!r} is not an e-mail address: {error}", field="emails") from None
    if person.every_days is not None and not 1 <= person.every_days <= 3650:
        raise PersonError("must be a number of days from 1 to 3650", field="every_days")
    if person.met_through_id is not None and person.met_through_id == person.id:
        raise PersonError("a person cannot be introduced by themselves", field="met_through_id")
    return replace(
        person,
        display_name=display,
        given_name=person.given_name.strip(),
        family_name=person.family_name.strip(),
    )


def coerce_field(name: str, value: Any) -> Any:
    """Turn a value given for field ``name`` (from the CLI, a form or JSON) into the domain type."""
    if name not in PERSON_FIELDS:
        raise PersonError(f"unknown field; known fields: {', '.join(PERSON_FIELDS)}", field=name)
    if name in LIST_FIELDS:
        values = _clean_list(value, name)
        if name == "dates":
            try:
                return tuple(
                    item
                    if isinstance(item, NamedDate)
                    else NamedDate(label=str(item["label"]), date=PartialDate.parse(str(item["date"])))
                    for item in values
                )
            except (KeyError, TypeError, ValueError):
                raise PersonError(
                    'expected a list of {"label": …, "date": "YYYY-MM-DD or --MM-DD"}', field=name
                ) from None
        return values
    if name == "tier":
        try:
            return Tier(value)
        except ValueError:
            raise PersonError(f"must be one of {', '.join(t.value for t in Tier)}", field=name) from None
    if name in {"every_days", "met_through_id"}:
        if value in (None, ""):
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise PersonError(f"expected a whole number, got {value!r}", field=name) from None
    if name == "birthday":
        if value in (None, ""):
            return None
        if isinstance(value, PartialDate):
            return value
        try:
            return PartialDate.parse(str(value))
        except ValueError:
            raise PersonError(f"expected YYYY-MM-DD or --MM-DD, got {value!r}", field=name) from None
    if not isinstance(value, str):
        raise PersonError(f"expected text, got {value!r}", field=name)
    return value.strip() if name != "notes" else value


def _mark_manual(person: Person, fields: list[str]) -> Person:
    sources = {name: tuple(labels) for name, labels in person.sources.items()}
    for name in fields:
        labels = tuple(label for label in sources.get(name, ()) if label != MANUAL)
        sources[name] = (*labels, MANUAL)
    return replace(person, sources=sources)


def _check_met_through(repo: PeopleRepository, person: Person) -> None:
    if person.met_through_id is not None and not repo.exists(person.met_through_id):
        raise PersonError(f"no person with id {person.met_through_id}", field="met_through_id")


def add_person(network: Network, person: Person) -> Person:
    """Store a person typed in by the user; every field they filled is sourced "manual"."""
    person = _validate(replace(person, id=None))
    person = _mark_manual(
        person, [name for name in PERSON_FIELDS if getattr(person, name) not in (None, "", ())]
    )
    with network.store.write() as conn:
        repo = PeopleRepository(conn, network.space_id)
        _check_met_through(repo, person)
        return repo.add(person)


def edit_person(network: Network, person_id: int, changes: Mapping[str, Any]) -> Person:
    """Change some fields of a person; each changed field is then sourced "manual"."""
    values = {name: coerce_field(name, value) for name, value in changes.items()}
    with network.store.write() as conn:
        repo = PeopleRepository(conn, network.space_id)
        current = repo.get(person_id)
        if current is None:
            raise NotFound(f"no person with id {person_id}")
        updated = _validate(replace(current, **values))
        changed = [name for name in values if getattr(updated, name) != getattr(current, name)]
        if not changed:
            return current
        updated = _mark_manual(updated, changed)
        _check_met_through(repo, updated)
        repo.update(updated)
        return repo.require(person_id)


def delete_person(network: Network, person_id: int) -> bool:
    """Delete a person for real, with their contact points and search index entries."""
    with network.store.write() as conn:
        return PeopleRepository(conn, network.space_id).delete(person_id)


def get_person(network: Network, person_id: int) -> Person | None:
    with network.store.read() as conn:
        return PeopleRepository(conn, network.space_id).get(person_id)


def list_people(
    network: Network,
    query: Query | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    order: Order = "name",
) -> list[PersonListing]:
    """People matching ``query`` with their last contact date."""
    with network.store.read() as conn:
        repo = PeopleRepository(conn, network.space_id)
        found = repo.find(query, limit=limit, offset=offset, order=order)
        last = repo.last_contacts([person.id for person in found if person.id is not None])
    return [PersonListing(person=person, last_contact=last.get(person.id or 0)) for person in found]


def count_people(network: Network, query: Query | None = None) -> int:
    with network.store.read() as conn:
        return PeopleRepository(conn, network.space_id).count(query)


def show_person(network: Network, person_id: int) -> PersonDetail | None:
    with network.store.read() as conn:
        repo = PeopleRepository(conn, network.space_id)
        person = repo.get(person_id)
        if person is None:
            return None
        met_through = repo.get(person.met_through_id) if person.met_through_id else None
        interactions = InteractionsRepository(conn, network.space_id).for_person(person_id)
    return PersonDetail(
        person=person,
        last_contact=interactions[0].on if interactions else None,
        interactions=interactions,
        met_through=met_through,
    )


# Finding duplicates compares the whole network (about 2 s at 30,000 people), so the pairs are kept
# until the people change: the key is how many there are, the newest id and the latest update.
_pairs_cache: dict[tuple[str, int], tuple[tuple[Any, ...], list[DuplicatePair]]] = {}
_pairs_lock = threading.Lock()


def duplicate_pairs(network: Network) -> list[DuplicatePair]:
    """Likely duplicate pairs in the network, most likely first."""
    key = (str(network.store.url), network.space_id)
    with _pairs_lock:
        with network.store.read() as conn:
            version = tuple(
                conn.execute(
                    sa.select(
                        sa.func.count(), sa.func.max(people.c.id), sa.func.max(people.c.updated_at)
                    ).where(people.c.space_id == network.space_id)
                ).one()
            )
            cached = _pairs_cache.get(key)
            if cached is not None and cached[0] == version:
                return list(cached[1])
            everyone = PeopleRepository(conn, network.space_id).all()
        pairs = find_duplicates(everyone)
        _pairs_cache[key] = (version, pairs)
        return list(pairs)


def merge(network: Network, keep_id: int, other_id: int) -> Person:
    """Fold ``other`` into ``keep``: fields, interactions and introductions move over; ``other`` goes."""
    if keep_id == other_id:
        raise PersonError("cannot merge a person with themselves")
    with network.store.write() as conn:
        repo = PeopleRepository(conn, network.space_id)
        found = repo.get_many([keep_id, other_id])
        for person_id in (keep_id, other_id):
            if person_id not in found:
                raise NotFound(f"no person with id {person_id}")
        merged = merge_people(found[keep_id], found[other_id])
        if merged.met_through_id == other_id:
            merged = replace(merged, met_through_id=None)
        repo.update(merged)
        InteractionsRepository(conn, network.space_id).move_person(other_id, keep_id)
        conn.execute(
            people.update()
            .where(people.c.space_id == network.space_id, people.c.met_through_id == other_id)
            .values(met_through_id=keep_id)
        )
        conn.execute(
            job_changes.update()
            .where(job_changes.c.space_id == network.space_id, job_changes.c.person_id == other_id)
            .values(person_id=keep_id)
        )
        repo.delete(other_id)
        return repo.require(keep_id)


def person_to_dict(person: Person, last_contact: date | None = None) -> dict[str, Any]:
    """The JSON shape of a person used by the CLI and the API."""
    return {
        "id": person.id,
        "name": person.display_name,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "pronouns": person.pronouns,
        "organisation": person.organisation,
        "title": person.title,
        "emails": list(person.emails),
        "phones": list(person.phones),
        "urls": list(person.urls),
        "linkedin_url": person.linkedin_url,
        "location": person.location,
        "tags": list(person.tags),
        "tier": person.tier.value,
        "every_days": person.every_days,
        "interests": list(person.interests),
        "can_help_with": list(person.can_help_with),
        "could_use_help_with": list(person.could_use_help_with),
        "how_met": person.how_met,
        "where_met": person.where_met,
        "met_through_id": person.met_through_id,
        "birthday": person.birthday.isoformat() if person.birthday else None,
        "dates": [{"label": item.label, "date": item.date.isoformat()} for item in person.dates],
        "notes": person.notes,
        "sources": {name: list(labels) for name, labels in person.sources.items()},
        "last_contact": last_contact.isoformat() if last_contact else None,
    }


def interaction_to_dict(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "date": interaction.on.isoformat(),
        "direction": interaction.direction.value,
        "channel": interaction.channel.value,
        "kind": interaction.kind,
        "summary": interaction.summary,
        "notes": interaction.notes,
        "person_ids": list(interaction.person_ids),
    }


# Helpers for the web pages: filter choices, bulk tagging, one person's likely duplicates ----------


@dataclass(frozen=True, slots=True)
class NameCount:
    """A tag or an organisation, with how many people carry it (for filter choices)."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class LikelyDuplicate:
    """Another record that is probably the same person, with the score and the reasons."""

    person: Person
    score: float
    reasons: tuple[str, ...]


MAX_TAG_LENGTH = 200  # the width of the stored tag column


def tags_in_use(network: Network) -> list[NameCount]:
    """Every tag in the network once (tags that differ only in case or accents are one), by name."""
    statement = (
        sa.select(sa.func.min(person_tags.c.tag), sa.func.count())
        .where(person_tags.c.space_id == network.space_id)
        .group_by(person_tags.c.key)
        .order_by(person_tags.c.key)
    )
    with network.store.read() as conn:
        return [NameCount(name=name, count=count) for name, count in conn.execute(statement)]


def organisations_in_use(network: Network, *, limit: int = 200) -> list[NameCount]:
    """The organisations people work at, the most common first (a network of 30,000 has thousands)."""
    own = sa.select(organisations.c.id).where(organisations.c.space_id == network.space_id)
    # Organisations belong to one space and so do the people who work there; counting through the
    # organisation index alone (no look-up of each person's row) keeps this at a few milliseconds.
    staff = (
        sa.select(people.c.organisation_id.label("organisation_id"), sa.func.count().label("people"))
        .where(people.c.organisation_id.in_(own))
        .group_by(people.c.organisation_id)
        .subquery()
    )
    statement = (
        sa.select(organisations.c.name, staff.c.people)
        .join(staff, staff.c.organisation_id == organisations.c.id)
        .order_by(staff.c.people.desc(), organisations.c.name_key)
        .limit(limit)
    )
    with network.store.read() as conn:
        return [NameCount(name=name, count=number) for name, number in conn.execute(statement)]


def bulk_tag(network: Network, person_ids: Sequence[int], tag: str) -> int:
    """Add ``tag`` to each of these people; returns how many gained it (the others already had it).

    All or nothing: an empty tag or an id that is not in this network changes no one.
    """
    tag = tag.strip()
    if not tag:
        raise PersonError("a tag needs at least one letter", field="tag")
    if len(tag) > MAX_TAG_LENGTH:
        raise PersonError(f"a tag can have at most {MAX_TAG_LENGTH} characters", field="tag")
    wanted = list(dict.fromkeys(person_ids))
    if not wanted:
        raise PersonError("choose at least one person", field="ids")
    with network.store.write() as conn:
        repo = PeopleRepository(conn, network.space_id)
        found = repo.get_many(wanted)
        missing = [person_id for person_id in wanted if person_id not in found]
        if missing:
            raise NotFound(f"no person with id {', '.join(str(person_id) for person_id in missing)}")
        changed = [
            _mark_manual(replace(person, tags=(*person.tags, tag)), ["tags"])
            for person in (found[person_id] for person_id in wanted)
            if fold(tag) not in {fold(existing) for existing in person.tags}
        ]
        repo.update_many(changed)
    return len(changed)


def _contact_keys(person: Person) -> list[tuple[sa.Table, set[str]]]:
    """The stored matching keys of a person's e-mails, phones and web addresses, by table."""
    phones = {phone_key(phone) for phone in person.phones}
    urls = {linkedin_key(url) or url.strip() for url in (*person.urls, person.linkedin_url)}
    return [
        (person_emails, {email_key(email) for email in person.emails} - {""}),
        (person_phones, {key for key in phones if len(key) >= 7}),
        (person_urls, urls - {""}),
    ]


def likely_duplicates_of(network: Network, person_id: int, *, limit: int = 300) -> list[LikelyDuplicate]:
    """The people probably the same as ``person_id``, most likely first.

    Judged like ``duplicate_pairs`` but only against the people who share an e-mail, a phone, a
    web address or a word of the family name, so a person page stays fast in a network of 30,000
    (the whole-network comparison takes about a second). Typos in a family name are left to the
    Duplicates page.
    """
    with network.store.read() as conn:
        repo = PeopleRepository(conn, network.space_id)
        person = repo.get(person_id)
        if person is None:
            raise NotFound(f"no person with id {person_id}")
        candidates: set[int] = set()
        for table, keys in _contact_keys(person):
            if keys:
                candidates.update(
                    conn.execute(
                        sa.select(table.c.person_id)
                        .where(table.c.space_id == network.space_id, table.c.key.in_(sorted(keys)))
                        .limit(limit)
                    ).scalars()
                )
        own_linkedin = {linkedin_key(url) for url in (*person.urls, person.linkedin_url)} - {""}
        if own_linkedin:
            candidates.update(
                conn.execute(
                    sa.select(people.c.id)
                    .where(people.c.space_id == network.space_id, people.c.linkedin_key.in_(own_linkedin))
                    .limit(limit)
                ).scalars()
            )
        names = person.display_name.split()
        family = person.family_name or (names[-1] if names else "")
        if family:
            candidates.update(repo.find_ids(Text(family), limit=limit))
        candidates.discard(person_id)
        others = repo.get_many(sorted(candidates))
    pairs = duplicates_of(person, list(others.values()))
    found = []
    for pair in pairs:
        if person_id in (pair.first_id, pair.second_id):
            other_id = pair.second_id if pair.first_id == person_id else pair.first_id
            found.append(LikelyDuplicate(person=others[other_id], score=pair.score, reasons=pair.reasons))
    return found
