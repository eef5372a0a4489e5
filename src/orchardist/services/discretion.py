"""About me and the discretion guard: who the user works for and how openly they are looking, who in
the network is flagged as a co-worker, and what to say where the search could leak.

About me is kept among the network's settings (``services/settings.py``: ``my_name``, ``employer``,
``employer_aliases``, ``work_domains``, ``search_mode``), so backups carry it like the rest. Flags are
worked out when read (``orchardist.domain.discretion``); nothing needs recomputing when the employer
changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from orchardist.domain import wording
from orchardist.domain.discretion import (
    NOT_FLAGGED,
    AboutMe,
    Coworker,
    CoworkerFlag,
    SearchMode,
    Workplace,
    WorkTies,
    at_domains,
    unsafe_contact,
)
from orchardist.domain.messages import Message
from orchardist.domain.people import Person
from orchardist.services.network import Network

if TYPE_CHECKING:
    from orchardist.store.unit import Unit

ABOUT_ME = ("my_name", "employer", "employer_aliases", "work_domains", "search_mode")
"""The settings About me is kept in."""

# The settings whose address or server is the digest's way out.
_DIGEST_WAYS = ("digest_to", "digest_from", "smtp_host")


def about_from(values: Mapping[str, Any]) -> AboutMe:
    """About me from the network's settings (defaults for what is absent; an unknown mode is off)."""
    mode = values.get("search_mode", "off")
    return AboutMe(
        name=str(values.get("my_name", "")),
        employer=str(values.get("employer", "")),
        employer_aliases=tuple(values.get("employer_aliases", ())),
        work_domains=tuple(values.get("work_domains", ())),
        search_mode=SearchMode(mode) if mode in SearchMode._value2member_map_ else SearchMode.OFF,
    )


def about_me_in(unit: Unit) -> AboutMe:
    """About me, within a transaction."""
    return about_from(unit.settings.read())


def flag_of(workplace: Workplace, person: Person) -> CoworkerFlag:
    """Someone's co-worker flag, from their organisation, e-mails and the user's own word."""
    return workplace.flag(person.organisation, person.emails, person.coworker_override)


def flags_in(unit: Unit, people: Iterable[Person]) -> dict[int, CoworkerFlag]:
    """The co-worker flag of each of these people, by id, within a transaction."""
    workplace = Workplace.of(about_me_in(unit))
    return {person.id: flag_of(workplace, person) for person in people if person.id is not None}


@dataclass(frozen=True, slots=True)
class Flagged:
    """Someone the guard flags or the user marked, as the About me page lists them."""

    person_id: int
    name: str
    organisation: str
    flag: CoworkerFlag
    knows_search: bool


@dataclass(frozen=True, slots=True)
class AboutMeOverview:
    """The About me page and ``me show``: what the user said, who is flagged as a co-worker (for sure
    or maybe), who knows of the search, and where the search could leak now."""

    about: AboutMe
    coworkers: list[Flagged]
    maybe: list[Flagged]
    confidants: list[Flagged]
    warnings: list[Message]


def overview_in(unit: Unit) -> AboutMeOverview:
    """``about_me`` within a transaction: the organisations are compared once each, and only people at
    the ones that match, with an e-mail at a work domain, or marked by the user are read."""
    from orchardist.services import settings

    values = settings.values_in(unit)
    about = about_from(values)
    workplace = Workplace.of(about)
    organisations = (
        [
            org_id
            for org_id, name in unit.people.organisation_names()
            if workplace.organisation(name) is not Coworker.NO
        ]
        if workplace.cores
        else []
    )
    flagged = [_flagged(workplace, ties) for ties in unit.people.work_ties(organisations, workplace.domains)]
    return AboutMeOverview(
        about=about,
        coworkers=[item for item in flagged if item.flag.certain],
        maybe=[item for item in flagged if item.flag.maybe],
        confidants=[item for item in flagged if item.knows_search],
        warnings=leaks(values),
    )


def _flagged(workplace: Workplace, ties: WorkTies) -> Flagged:
    return Flagged(
        person_id=ties.person_id,
        name=ties.name,
        organisation=ties.organisation,
        flag=workplace.flag(ties.organisation, ties.emails, ties.coworker_override),
        knows_search=ties.knows_search,
    )


def about_me(network: Network) -> AboutMeOverview:
    """What the About me page shows, read in one transaction."""
    with network.reading() as unit:
        return overview_in(unit)


def set_about_me(network: Network, changes: Mapping[str, Any]) -> AboutMeOverview:
    """Change About me (any of ``ABOUT_ME``) and read the page as it now stands, in one transaction;
    InputRefused, naming the setting, changes nothing."""
    unknown = [name for name in changes if name not in ABOUT_ME]
    if unknown:
        raise ValueError(f"not About me: {', '.join(unknown)}")
    from orchardist.services import settings

    changes = settings.tidied(changes)
    with network.writing() as unit:
        settings.checked(settings.values_in(unit), changes)
        unit.settings.write(changes)
        return overview_in(unit)


# Where the search could leak -----------------------------------------------------------------------


def leaks(values: Mapping[str, Any]) -> list[Message]:
    """What the settings let leak in discreet mode: the digest sent to, from or through a work domain."""
    about = about_from(values)
    if not about.discreet:
        return []
    domains = Workplace.of(about).domains
    found = []
    for name in _DIGEST_WAYS:
        value = str(values.get(name) or "")
        address = value if "@" in value else f"server@{value}"
        domain = at_domains(address, domains) if value else ""
        if domain:
            found.append(wording.DIGEST_AT_WORK(setting=name, domain=domain))
    return found


def feed_warning(values: Mapping[str, Any]) -> Message | None:
    """In discreet mode, a word beside the reminders feed: never in a work calendar."""
    return wording.FEED_IN_WORK_CALENDAR() if about_from(values).discreet else None


@dataclass(frozen=True, slots=True)
class CoworkerWarning:
    """Who an ask could tell of the search, and what to say about it."""

    person_id: int
    message: Message


def ask_warnings_in(unit: Unit, people: Sequence[Person]) -> list[CoworkerWarning]:
    """In discreet mode, a warning for each of these people an ask could tell of the search: a
    co-worker or maybe one, who does not know of it."""
    about = about_me_in(unit)
    if not about.discreet:
        return []
    workplace = Workplace.of(about)
    return [
        CoworkerWarning(person.id, warning)
        for person in people
        if person.id is not None
        and (warning := coworker_warning(flag_of(workplace, person), person)) is not None
    ]


def coworker_warning(flag: CoworkerFlag, person: Person) -> Message | None:
    """What to say before an ask of someone who could carry word of the search to the employer."""
    if not unsafe_contact(flag, person.knows_search):
        return None
    if flag.maybe:
        return wording.ASK_OF_MAYBE_COWORKER(name=person.display_name, organisation=person.organisation)
    return wording.ASK_OF_COWORKER(name=person.display_name)


__all__ = [
    "ABOUT_ME",
    "NOT_FLAGGED",
    "AboutMeOverview",
    "CoworkerWarning",
    "Flagged",
    "about_from",
    "about_me",
    "about_me_in",
    "ask_warnings_in",
    "coworker_warning",
    "feed_warning",
    "flag_of",
    "flags_in",
    "leaks",
    "overview_in",
    "set_about_me",
]
