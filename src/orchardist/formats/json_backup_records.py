"""The parts of a JSON backup besides people and interactions: offers, message templates, organisations,
the reconnect list, snoozes, dismissals, new jobs and introductions, written and read back with their ids.

A record of a person names them by their key in the backup (``"person": "p12"``), as interactions do.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime

from orchardist.coach.templates import Gives, KeptTemplate, Template, code_problem, template_problem
from orchardist.domain.interactions import KNOWN_KINDS
from orchardist.domain.introductions import Introduction, IntroState, Moved
from orchardist.domain.offers import MAX_TEXT as MAX_OFFER_TEXT
from orchardist.domain.offers import Offer, OfferKind
from orchardist.domain.records import (
    Dismissal,
    JobChange,
    Organisation,
    PersonRecord,
    Reconnect,
    Reconnection,
    Snooze,
)
from orchardist.formats.base import NetworkSnapshot, ParsedIntroduction, ParsedRecord, R
from orchardist.formats.json_backup_reading import (
    choice,
    day,
    fields_of,
    listed,
    missing,
    moment,
    person_of,
    record_id,
    refuse,
    text,
    texts,
)
from orchardist.formats.messages import INTRODUCTION_PAIR, OFFER_LENGTH

_JOB_TEXTS = ("old_organisation", "old_title", "new_organisation", "new_title", "source")
# The lists of records of people, in the order a backup writes them.
RECORD_LISTS = ("reconnect", "snoozes", "dismissals", "job_changes", "reconnections")


def person_key(person_id: int) -> str:
    """The key a person with ``person_id`` is written under."""
    return f"p{person_id}"


def when(at: datetime | None) -> str | None:
    """A stored time as a backup writes it: ISO 8601 in UTC."""
    return None if at is None else at.astimezone(UTC).isoformat()


# Writing ---------------------------------------------------------------------------------------


def offer_objects(offers: Sequence[Offer]) -> list[dict[str, object]]:
    return [
        {
            "id": offer.id or None,
            "kind": offer.kind.value,
            "text": offer.text,
            "created_at": when(offer.created_at),
        }
        for offer in offers
    ]


def organisation_objects(organisations: Sequence[Organisation]) -> list[dict[str, object]]:
    return [
        {
            "id": organisation.id,
            "name": organisation.name,
            "aliases": list(organisation.aliases),
            "domains": list(organisation.domains),
        }
        for organisation in organisations
    ]


def _record_object(record: PersonRecord, known: Collection[int]) -> dict[str, object]:
    if record.person_id not in known:
        raise ValueError(f"a {type(record).__name__} is of person {record.person_id}, who is not exported")
    head: dict[str, object] = {"id": record.id, "person": person_key(record.person_id)}
    if isinstance(record, Reconnect):
        return {**head, "since": record.since.isoformat()}
    if isinstance(record, Snooze):
        return {**head, "until": record.until.isoformat()}
    if isinstance(record, Dismissal):
        return {**head, "reason": record.reason, "due": record.due.isoformat()}
    if isinstance(record, Reconnection):
        return {**head, "on": record.on.isoformat()}
    return {
        **head,
        "seen_on": record.seen_on.isoformat(),
        **{name: getattr(record, name) for name in _JOB_TEXTS},
    }


def record_objects(snapshot: NetworkSnapshot, known: Collection[int]) -> dict[str, list[dict[str, object]]]:
    """The records of people, by the name of their list in the backup."""
    return {
        name: [_record_object(record, known) for record in records]
        for name, records in (
            ("reconnect", snapshot.reconnect),
            ("snoozes", snapshot.snoozes),
            ("dismissals", snapshot.dismissals),
            ("job_changes", snapshot.job_changes),
            ("reconnections", snapshot.reconnections),
        )
    }


def template_objects(templates: Sequence[KeptTemplate]) -> list[dict[str, object]]:
    return [
        {
            "id": kept.id,
            "created_at": when(kept.created_at),
            "lang": kept.lang,
            "code": kept.template.code,
            "name": kept.template.name,
            "subject": kept.template.subject,
            "body": kept.template.body,
            "gives": kept.template.gives.value,
            "log_kind": kept.template.log_kind,
        }
        for kept in templates
    ]


# Reading ---------------------------------------------------------------------------------------


def offer(value: object, path: str) -> Offer:
    found = fields_of(value, path, ("id", "kind", "text", "created_at"))
    kind = choice(found, "kind", path, OfferKind, None)
    if kind is None:
        raise missing(path, "kind")
    written = text(found, "text", path, required=True).strip()
    if not written or len(written) > MAX_OFFER_TEXT:
        raise refuse(f"{path}.text", OFFER_LENGTH(limit=MAX_OFFER_TEXT))
    created_at = moment(found, "created_at", path, required=True)
    assert created_at is not None
    return Offer(id=record_id(found, path) or 0, kind=kind, text=written, created_at=created_at)


TEMPLATE_LANGUAGES = ("en", "fr")


def _language(value: str) -> str:
    if value not in TEMPLATE_LANGUAGES:
        raise ValueError(value)
    return value


def _kind(value: str) -> str:
    if value not in KNOWN_KINDS:
        raise ValueError(value)
    return value


_TEMPLATE_KEYS = ("id", "created_at", "lang", "code", "name", "subject", "body", "gives", "log_kind")


def template(value: object, path: str) -> KeptTemplate:
    """A message template, checked as the Message templates page checks what the user writes."""
    found = fields_of(value, path, _TEMPLATE_KEYS)
    lang = choice(found, "lang", path, _language, "")
    if not lang:
        raise missing(path, "lang")
    code = text(found, "code", path, required=True)
    wrong = code_problem(code)
    if wrong is not None:
        raise refuse(f"{path}.code", wrong)
    name, subject, body = (
        text(found, key, path, required=key != "subject") for key in ("name", "subject", "body")
    )
    problem = template_problem(name, subject, body)
    if problem is not None:
        raise refuse(f"{path}.{problem[0]}", problem[1])
    gives = choice(found, "gives", path, Gives, None)
    if gives is None:
        raise missing(path, "gives")
    log_kind = choice(found, "log_kind", path, _kind, "")
    if not log_kind:
        raise missing(path, "log_kind")
    return KeptTemplate(
        lang,
        Template(code, name, subject, body, gives, log_kind),
        id=record_id(found, path),
        created_at=moment(found, "created_at", path, required=True),
    )


def organisation(value: object, path: str) -> Organisation:
    found = fields_of(value, path, ("id", "name", "aliases", "domains"))
    return Organisation(
        name=text(found, "name", path, required=True),
        aliases=texts(found, "aliases", path),
        domains=texts(found, "domains", path),
        id=record_id(found, path),
    )


def _reconnect(found: Mapping[str, object], path: str) -> Reconnect:
    return Reconnect(person_id=0, since=day(found, "since", path), id=record_id(found, path))


def _reconnection(found: Mapping[str, object], path: str) -> Reconnection:
    return Reconnection(person_id=0, on=day(found, "on", path), id=record_id(found, path))


def _snooze(found: Mapping[str, object], path: str) -> Snooze:
    return Snooze(person_id=0, until=day(found, "until", path), id=record_id(found, path))


def _dismissal(found: Mapping[str, object], path: str) -> Dismissal:
    return Dismissal(
        person_id=0,
        reason=text(found, "reason", path, required=True),
        due=day(found, "due", path),
        id=record_id(found, path),
    )


def _job_change(found: Mapping[str, object], path: str) -> JobChange:
    return JobChange(
        person_id=0,
        seen_on=day(found, "seen_on", path),
        old_organisation=text(found, "old_organisation", path),
        old_title=text(found, "old_title", path),
        new_organisation=text(found, "new_organisation", path),
        new_title=text(found, "new_title", path),
        source=text(found, "source", path),
        id=record_id(found, path),
    )


def _records(
    document: Mapping[str, object],
    name: str,
    keys: set[str],
    fields: tuple[str, ...],
    read: Callable[[Mapping[str, object], str], R],
) -> list[ParsedRecord[R]]:
    parsed = []
    for index, value in enumerate(listed(document, name, name)):
        path = f"{name}[{index}]"
        found = fields_of(value, path, ("id", "person", *fields))
        parsed.append(ParsedRecord(read(found, path), person_of(found, path, keys)))
    return parsed


def reconnect(document: Mapping[str, object], keys: set[str]) -> list[ParsedRecord[Reconnect]]:
    return _records(document, "reconnect", keys, ("since",), _reconnect)


def snoozes(document: Mapping[str, object], keys: set[str]) -> list[ParsedRecord[Snooze]]:
    return _records(document, "snoozes", keys, ("until",), _snooze)


def dismissals(document: Mapping[str, object], keys: set[str]) -> list[ParsedRecord[Dismissal]]:
    return _records(document, "dismissals", keys, ("reason", "due"), _dismissal)


def job_changes(document: Mapping[str, object], keys: set[str]) -> list[ParsedRecord[JobChange]]:
    return _records(document, "job_changes", keys, ("seen_on", *_JOB_TEXTS), _job_change)


# Introductions (version 6) -------------------------------------------------------------------------


def introduction_objects(
    introductions: Sequence[Introduction], known: Collection[int]
) -> list[dict[str, object]]:
    written: list[dict[str, object]] = []
    for item in introductions:
        for person_id in (item.a_id, item.b_id):
            if person_id not in known:
                raise ValueError(f"an introduction is of person {person_id}, who is not exported")
        written.append(
            {
                "id": item.id,
                "created_at": when(item.created_at),
                "a": person_key(item.a_id),
                "b": person_key(item.b_id),
                "state": item.state.value,
                "why": item.why,
                "outcome": item.outcome,
                "history": [
                    {"state": moved.state.value, "on": moved.on.isoformat()} for moved in item.history
                ],
            }
        )
    return written


def _moved(value: object, path: str) -> Moved:
    found = fields_of(value, path, ("state", "on"))
    state = choice(found, "state", path, IntroState, None)
    if state is None:
        raise missing(path, "state")
    return Moved(state, day(found, "on", path))


def introductions(document: Mapping[str, object], keys: set[str]) -> list[ParsedIntroduction]:
    """The introductions of a backup (none before version 6), each naming its two people by key."""
    parsed = []
    for index, value in enumerate(listed(document, "introductions", "introductions")):
        path = f"introductions[{index}]"
        found = fields_of(value, path, ("id", "created_at", "a", "b", "state", "why", "outcome", "history"))
        a_key = person_of({"person": found["a"]} if "a" in found else {}, f"{path}.a", keys)
        b_key = person_of({"person": found["b"]} if "b" in found else {}, f"{path}.b", keys)
        if a_key == b_key:
            raise refuse(f"{path}.b", INTRODUCTION_PAIR())
        state = choice(found, "state", path, IntroState, IntroState.STARTED)
        history = tuple(
            _moved(item, f"{path}.history[{at}]") for at, item in enumerate(listed(found, "history", path))
        )
        introduction = Introduction(
            id=record_id(found, path),
            a_id=0,
            a_name="",
            b_id=0,
            b_name="",
            state=state,
            why=text(found, "why", path),
            outcome=text(found, "outcome", path),
            history=history,
            created_at=moment(found, "created_at", path),
        )
        parsed.append(ParsedIntroduction(introduction, a_key, b_key))
    return parsed


def reconnections(document: Mapping[str, object], keys: set[str]) -> list[ParsedRecord[Reconnection]]:
    return _records(document, "reconnections", keys, ("on",), _reconnection)
