"""Hypothesis strategies for whole stored networks: every kind of row a network holds, written through the
repositories the app writes them with, for the backup's round-trip tests."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from orchardist.coach.templates import Gives, Template
from orchardist.domain.holidays import BY_CODE
from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.introductions import IntroState, Moved
from orchardist.domain.offers import OfferKind
from orchardist.domain.people import Person, with_sources
from orchardist.domain.records import JobChange, Organisation
from orchardist.domain.tending import Reason
from orchardist.services.network import Network
from orchardist.services.settings import FEED_TOKEN
from tests.strategies import people

_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
_ZONES = st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))])
_MOMENTS = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2030, 12, 31), timezones=_ZONES)
_WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")), min_size=1, max_size=24
).map(str.strip)
_PICK = st.integers(min_value=0, max_value=10_000)  # a person, as a position among those generated


@dataclass(frozen=True)
class PlannedNetwork:
    """A network to store: people and what refers to them by their position in ``people``."""

    people: list[Person]
    added: list[datetime | None]
    introductions: list[tuple[int, int]]
    interactions: list[tuple[Interaction, list[int], datetime | None]]
    organisations: list[Organisation]
    offers: list[tuple[OfferKind, str]]
    reconnect: list[tuple[int, date]]
    snoozes: list[tuple[int, date]]
    dismissals: list[tuple[int, str, date]]
    job_changes: list[tuple[int, JobChange]]
    settings: dict[str, Any] = field(default_factory=dict)
    templates: list[tuple[str, Template]] = field(default_factory=list)
    # Introductions the user brokers: the two people, the state reached, and the outcome.
    brokered: list[tuple[int, int, IntroState, str]] = field(default_factory=list)


_interactions = st.tuples(
    st.builds(
        Interaction,
        on=_DAYS,
        direction=st.sampled_from(list(Direction)),
        channel=st.sampled_from(list(Channel)),
        kind=st.sampled_from(["coffee", "call", "meeting", "thank_you", "follow_up", "article"]) | _WORDS,
        summary=st.just("") | _WORDS,
        notes=st.just("") | _WORDS,
        person_ids=st.just(()),
    ),
    st.lists(_PICK, min_size=1, max_size=4),
    st.none() | _MOMENTS,
)
_organisations = st.builds(
    Organisation,
    name=st.sampled_from(["Acme", "Northwind", "Café Zoë"])
    | _WORDS.filter(lambda name: any(c.isalnum() for c in name)),
    aliases=st.lists(_WORDS, max_size=2, unique=True).map(tuple),
    domains=st.lists(st.sampled_from(["acme.example", "northwind.example", "zoe.example"]), unique=True).map(
        tuple
    ),
)
_job_changes = st.builds(
    JobChange,
    person_id=st.just(0),
    seen_on=_DAYS,
    old_organisation=st.just("") | _WORDS,
    old_title=st.just("") | _WORDS,
    new_organisation=_WORDS,
    new_title=st.just("") | _WORDS,
    source=st.sampled_from(["linkedin:Connections.csv", "vcard:contacts.vcf"]),
)
# Words that say something (an offer or a template's name cannot be blank), and for a template no
# brace it would read as a blank it cannot fill.
_NOT_BLANK = _WORDS.filter(lambda words: bool(words.strip()))
_SAYS = _NOT_BLANK.filter(lambda words: "{" not in words)
_BLANKS = st.sampled_from(["", "\n\n{given_name}", "[ at {where_met}]"])
_templates = st.lists(
    st.tuples(
        st.sampled_from(["en", "fr"]),
        st.builds(
            Template,
            code=st.sampled_from(["advice", "reconnect", "my-coffee-ask", "intro-2"]),
            name=_SAYS,
            subject=st.just("") | _WORDS,
            body=st.tuples(_SAYS, st.sampled_from(["", "\n\n{given_name}", "[ at {where_met}]"])).map(
                "".join
            ),
            gives=st.sampled_from(list(Gives)),
            log_kind=st.sampled_from(["message", "advice", "introduction"]),
        ),
    ),
    max_size=3,
    unique_by=lambda pair: (pair[0], pair[1].code),
)
settings = st.fixed_dictionaries(
    {},
    optional={
        "inner_days": st.integers(1, 365),
        "casual_days": st.integers(1, 3650),
        "weekly_goal": st.integers(0, 20),
        "holidays": st.lists(st.sampled_from(sorted(BY_CODE)), unique=True, max_size=3),
        "reminder_names": st.booleans(),
        "digest_weekday": st.sampled_from(["monday", "friday"]),
        "smtp_host": st.sampled_from(["", "smtp.example"]),
        "smtp_port": st.integers(1, 65535),
    },
)


@st.composite
def networks(draw: st.DrawFn, *, most: int = 6) -> PlannedNetwork:
    """A network with every kind of row: people with every field (and sources, who introduced whom,
    when they were added), interactions with several people, organisations with aliases and domains,
    offers, the reconnect list, snoozes, dismissals, new jobs and settings."""
    found = draw(st.lists(people, min_size=1, max_size=most))
    found = [
        with_sources(person, "linkedin:Connections.csv") if draw(st.booleans()) else person
        for person in found
    ]
    count = len(found)

    def person(pick: int) -> int:
        return pick % count

    unique_person = st.lists(st.tuples(_PICK.map(person), _DAYS), max_size=3, unique_by=lambda pair: pair[0])
    return PlannedNetwork(
        people=found,
        added=draw(st.lists(st.none() | _MOMENTS, min_size=count, max_size=count)),
        introductions=[
            (person(a), person(b))
            for a, b in draw(st.lists(st.tuples(_PICK, _PICK), max_size=3))
            if person(a) != person(b)
        ],
        interactions=[
            (interaction, sorted({person(pick) for pick in picks}), logged)
            for interaction, picks, logged in draw(st.lists(_interactions, max_size=5))
        ],
        organisations=draw(st.lists(_organisations, max_size=3)),
        offers=_twice_at_times(
            draw, draw(st.lists(st.tuples(st.sampled_from(list(OfferKind)), _NOT_BLANK), max_size=3))
        ),
        reconnect=draw(unique_person),
        snoozes=draw(unique_person),
        dismissals=draw(
            st.lists(
                st.tuples(_PICK.map(person), st.sampled_from([reason.value for reason in Reason]), _DAYS),
                max_size=3,
                unique=True,
            )
        ),
        job_changes=[
            (person(pick), change)
            for pick, change in draw(st.lists(st.tuples(_PICK, _job_changes), max_size=3))
        ],
        settings=draw(settings),
        templates=draw(_templates),
        brokered=[
            (person(a), person(b), state, outcome)
            for a, b, state, outcome in draw(
                st.lists(
                    st.tuples(_PICK, _PICK, st.sampled_from(list(IntroState)), st.just("") | _WORDS),
                    max_size=3,
                    unique_by=lambda item: frozenset((person(item[0]), person(item[1]))),
                )
            )
            if person(a) != person(b)
        ],
    )


def _twice_at_times(draw: st.DrawFn, items: list[Any]) -> list[Any]:
    """``items``, the first of them twice at times: a network may hold two offers or new jobs alike."""
    return [*items, items[0]] if items and draw(st.booleans()) else items


def store(network: Network, planned: PlannedNetwork) -> list[int]:
    """Write ``planned`` into ``network`` the way the app writes each kind of row, in one transaction;
    also a secret and the private feed's token, which no backup may carry. Returns the people's ids."""
    with network.writing() as unit:
        unit.records.add_organisations(planned.organisations)
        ids = unit.people.add_many(planned.people, added=planned.added)
        unit.people.set_met_through([(ids[who], ids[by]) for who, by in planned.introductions])
        unit.interactions.add_many(
            [
                replace(interaction, person_ids=tuple(ids[p] for p in picks))
                for interaction, picks, _ in planned.interactions
            ],
            logged=[logged for _, _, logged in planned.interactions],
        )
        for kind, text in planned.offers:
            unit.offers.add(kind, text)
        for lang, template in planned.templates:
            unit.templates.put(lang, template)
        for who, since in planned.reconnect:
            unit.tending.add_to_reconnect(ids[who], since)
        for who, until in planned.snoozes:
            unit.tending.snooze(ids[who], until)
        for who, reason, due in planned.dismissals:
            unit.tending.dismiss(ids[who], reason, due)
        for who, change in planned.job_changes:
            unit.people.record_job_changes(
                change.seen_on, change.source, [replace(change, person_id=ids[who])]
            )
        for a, b, state, outcome in planned.brokered:
            started = unit.introductions.add(ids[a], ids[b], "a reason", date(2026, 11, 2))
            unit.introductions.update(
                replace(
                    started,
                    state=state,
                    outcome=outcome,
                    history=(*started.history, Moved(state, date(2026, 11, 20))),
                )
            )
        unit.settings.write(
            {**planned.settings, "smtp_password": "never-in-a-backup", FEED_TOKEN: "feed-token-kept-home"}
        )
    return ids
