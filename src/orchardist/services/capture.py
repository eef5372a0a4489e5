"""Quick capture: a chance encounter saved as a person and an interaction, all or nothing.

DESIGN §2 rule 8: a chat at a bus stop can be a lead. The user may not know the name yet, so
"who" is either a name or a description ("woman at the bus stop, works at the library").
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from orchardist.domain.interactions import Channel, Direction, Interaction
from orchardist.domain.leads import MAX_ROLE, Lead
from orchardist.domain.names import _PARTICLES, split_display_name
from orchardist.domain.people import Person, with_sources
from orchardist.services import refusals
from orchardist.services.network import Network
from orchardist.services.person_input import MANUAL, PersonError
from orchardist.store.unit import Unit

HOW_MET = "chance encounter"
KIND = "chance_encounter"
SUMMARY_LENGTH = 160

# The longest text each field takes: the database's column widths, or what a quick note needs.
LIMITS: dict[str, int] = {
    "who": 500,
    "where": 500,
    "said": 5_000,
    "lead": 2_000,
    "email": 320,
    "phone": 50,
    "organisation": 300,
}
_PHONE = re.compile(r"^\+?[0-9 ().\-/]+(?:\s*(?:x|ext\.?)\s*[0-9]+)?$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


class Problem(enum.StrEnum):
    """What is wrong with a field, for the caller to say in the user's language."""

    MISSING = "missing"
    TOO_LONG = "too_long"
    INVALID = "invalid"


class CaptureError(PersonError):
    """The encounter cannot be saved as given; ``problems`` maps each field to what is wrong."""

    def __init__(self, problems: dict[str, Problem]) -> None:
        said = [
            refusals.CAPTURE_PROBLEM(field=name, problem=problem.value) for name, problem in problems.items()
        ]
        super().__init__(refusals.CAPTURE_REFUSED(problems=said), field=next(iter(problems)))
        self.problems = problems

    def __reduce__(self) -> tuple[object, ...]:
        return (CaptureError, (self.problems,))


@dataclass(frozen=True, slots=True)
class Encounter:
    """What the quick-capture form holds; every field but ``who`` may be empty."""

    who: str
    where: str = ""
    said: str = ""
    lead: str = ""
    email: str = ""
    phone: str = ""
    organisation: str = ""


@dataclass(frozen=True, slots=True)
class CaptureWords:
    """The words the capture writes into the notes, in the user's language."""

    lead: str = "Lead"
    summary: str = "Met by chance"
    summary_at: str = "Met by chance at %(where)s"


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _check(encounter: Encounter) -> dict[str, Problem]:
    from email_validator import EmailNotValidError, validate_email

    problems: dict[str, Problem] = {}
    if not _one_line(encounter.who):
        problems["who"] = Problem.MISSING
    for name, limit in LIMITS.items():
        if len(getattr(encounter, name).strip()) > limit:
            problems[name] = Problem.TOO_LONG
    email = encounter.email.strip()
    if email and "email" not in problems:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError:
            problems["email"] = Problem.INVALID
    phone = encounter.phone.strip()
    if (
        phone
        and "phone" not in problems
        and (not _PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 3)
    ):
        problems["phone"] = Problem.INVALID
    return problems


def looks_like_a_name(who: str) -> bool:
    """Whether ``who`` reads as a person's name ("Lucía Fernández") rather than a description.

    A name has one to four words, each capitalised (particles such as "van" aside), and no digits
    or commas; "woman at the bus stop" and "Sam, the librarian" are descriptions.
    """
    words = who.split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() or ch == "," for ch in who):
        return False
    for word in words:
        letters = [ch for ch in word if ch.isalpha()]
        if not letters:
            return False
        if not letters[0].isupper() and word.casefold() not in _PARTICLES:
            return False
    return words[0].casefold() not in _PARTICLES


def _summary(encounter: Encounter, wording: CaptureWords) -> str:
    said = _one_line(encounter.said)
    if not said:
        where = _one_line(encounter.where)
        return wording.summary_at % {"where": where} if where else wording.summary
    if len(said) <= SUMMARY_LENGTH:
        return said
    cut = said[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def _notes(encounter: Encounter, wording: CaptureWords) -> str:
    parts = [encounter.said.strip()] if encounter.said.strip() else []
    if encounter.lead.strip():
        parts.append(f"{wording.lead}: {encounter.lead.strip()}")
    return "\n\n".join(parts)


def encounter_person(encounter: Encounter, wording: CaptureWords | None = None) -> Person:
    """The person a capture creates (not stored); raises CaptureError when a field is refused."""
    wording = wording or CaptureWords()
    problems = _check(encounter)
    if problems:
        raise CaptureError(problems)
    who = _one_line(encounter.who)
    given, family = split_display_name(who) if looks_like_a_name(who) else ("", "")
    person = Person(
        display_name=who,
        given_name=given,
        family_name=family,
        organisation=_one_line(encounter.organisation),
        emails=(encounter.email.strip(),) if encounter.email.strip() else (),
        phones=(encounter.phone.strip(),) if encounter.phone.strip() else (),
        how_met=HOW_MET,
        where_met=_one_line(encounter.where),
        notes=_notes(encounter, wording),
    )
    return with_sources(person, MANUAL)


@dataclass(frozen=True, slots=True)
class Captured:
    """What a capture stored: the person, and the lead they told of (when the lead field was filled)."""

    person: Person
    lead: Lead | None = None


def encounter_lead(encounter: Encounter, person_id: int, on: date) -> Lead:
    """The lead a capture's lead field becomes: heard from the person met, where and when they met."""
    said = _one_line(encounter.lead)
    role = said if len(said) <= MAX_ROLE else said[: MAX_ROLE - 1].rsplit(" ", 1)[0] + "…"
    return Lead(
        organisation=_one_line(encounter.organisation),
        role=role,
        heard_where=_one_line(encounter.where),
        heard_on=on,
        source_person_id=person_id,
        notes=encounter.lead.strip() if role != said else "",
    )


def capture(
    network: Network, encounter: Encounter, *, wording: CaptureWords | None = None, on: date | None = None
) -> Captured:
    """Save a chance encounter, and the lead they told of when there is one: a person, a social in-person
    interaction and the lead (heard from them), all in one transaction."""
    from orchardist.services.leads import add_lead_in

    wording = wording or CaptureWords()
    person = encounter_person(encounter, wording)
    on = on or date.today()
    with network.writing() as unit:
        stored = _store(unit, encounter, person, wording, on)
        assert stored.id is not None
        lead = add_lead_in(unit, encounter_lead(encounter, stored.id, on)) if encounter.lead.strip() else None
    return Captured(stored, lead)


def capture_encounter(
    network: Network, encounter: Encounter, *, wording: CaptureWords | None = None, on: date | None = None
) -> Person:
    """Save a chance encounter: a new person and a social, in-person interaction, in one transaction.

    Either both are stored or, if anything fails, neither is.
    """
    wording = wording or CaptureWords()
    person = encounter_person(encounter, wording)
    with network.writing() as unit:
        return _store(unit, encounter, person, wording, on or date.today())


def _store(unit: Unit, encounter: Encounter, person: Person, wording: CaptureWords, on: date) -> Person:
    stored = unit.people.add(person)
    assert stored.id is not None
    unit.interactions.add(
        Interaction(
            on=on,
            direction=Direction.SOCIAL,
            kind=KIND,
            channel=Channel.IN_PERSON,
            summary=_summary(encounter, wording),
            notes=f"{wording.lead}: {encounter.lead.strip()}" if encounter.lead.strip() else "",
            person_ids=(stored.id,),
        )
    )
    return stored
