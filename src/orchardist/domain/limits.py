"""The limits every way in shares: what a person or an interaction may hold.

The forms, the CLI and the API (through ``orchardist.services``), every importer and restoring a
backup check what they are given with the functions here, so a value one of them accepts the
others accept too, and nothing reaches the store that a rule cannot compute with or a database
cannot hold: texts within their columns' widths and valid Unicode, lists of a bounded length,
days and ids within range, dates a calendar can count from.

``person_problem`` and ``interaction_problem`` answer with the first field refused and why, or None;
``check_person`` and ``check_interaction`` raise it as an InputRefused naming the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from operator import attrgetter, gt
from typing import TYPE_CHECKING, Any

from orchardist.domain import wording
from orchardist.domain.fields import FIELDS, FieldSpec, Kind, empty
from orchardist.domain.interactions import Interaction
from orchardist.domain.matching import organisation_key
from orchardist.domain.messages import InputRefused, Message
from orchardist.domain.people import MOST_DAYS, Person, Tier
from orchardist.domain.records import (
    Dismissal,
    JobChange,
    Organisation,
    PersonRecord,
    Reconnect,
    Reconnection,
    Snooze,
)

if TYPE_CHECKING:
    from orchardist.domain.offers import Offer

__all__ = [
    "EARLIEST_DAY",
    "LATEST_DAY",
    "MAX_ID",
    "MAX_ITEMS",
    "MAX_KIND",
    "MAX_LABEL",
    "MAX_NOTES",
    "MAX_OFFER_TEXT",
    "MAX_ORGANISATION",
    "MAX_REASON",
    "MAX_SOURCE",
    "MAX_SUMMARY",
    "MAX_TITLE",
    "MOST_DAYS",
    "check_interaction",
    "check_person",
    "interaction_problem",
    "moment_problem",
    "offer_problem",
    "organisation_problem",
    "person_checker",
    "person_problem",
    "record_problem",
    "text_problem",
]

MAX_ID = 2**31 - 1  # ids are 32-bit integers on both databases
MAX_ITEMS = 500  # entries in one list: a person's e-mails or tags, the people of one interaction
MAX_LABEL = 200  # the label of a named date, a source's label
MAX_KIND = 50  # an interaction's kind ("coffee", "introduction"), the width of its column
MAX_SUMMARY = 2_000  # an interaction's one-line summary
MAX_NOTES = 100_000  # an interaction's notes, as long as a person's
MAX_OFFER_TEXT = 500  # what the user can offer, the width of its column
MAX_ORGANISATION = 300  # an organisation's name, each of its aliases and domains, as a person's organisation
MAX_TITLE = 500  # a job title, as a person's
MAX_REASON = 30  # the code of a dismissed Today item's reason
MAX_SOURCE = 300  # the file a new job was seen in
# Days an interaction may be dated: far enough apart for any real history, near enough that adding
# the longest rhythm or a year of occasions to them stays within the calendar.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2999, 12, 31)

Problem = tuple[str, Message]


def text_problem(text: str, limit: int, *, nul: bool = False) -> Message | None:
    """Why ``text`` cannot be stored in a field of ``limit`` characters, or None.

    Text must be valid Unicode (a lone surrogate such as ``\\ud800``, which JSON can spell, cannot be
    written as UTF-8 by either database). NUL is refused unless ``nul`` says the store removes it.
    """
    if len(text) > limit:
        return wording.TOO_LONG(limit=f"{limit:,}", length=f"{len(text):,}")
    if text.isascii():
        if not nul and "\x00" in text:
            return wording.NUL_IN_TEXT()
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return wording.NOT_UNICODE(character=f"U+{ord(text[error.start]):04X}")
    if not nul and "\x00" in text:
        return wording.NUL_IN_TEXT()
    return None


def _items_problem(items: tuple[str, ...], limit: int) -> Message | None:
    if len(items) > MAX_ITEMS:
        return wording.TOO_MANY(limit=MAX_ITEMS, count=len(items))
    for item in items:
        problem = text_problem(item, limit, nul=True)
        if problem is not None:
            return problem
    return None


def _id_problem(value: object) -> Message | None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ID:
        return wording.NUMBER_RANGE(least=1, most=f"{MAX_ID:,}", value=value)
    return None


def _day_problem(day: date) -> Message | None:
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        return wording.DAY_RANGE(
            first=EARLIEST_DAY.isoformat(), last=LATEST_DAY.isoformat(), value=day.isoformat()
        )
    return None


def moment_problem(moment: datetime) -> Message | None:
    """Why ``moment`` (when a row was made) cannot be stored, or None: its day must be in range, and so
    it stays once moved to UTC, as both databases keep it."""
    return _day_problem(moment.date())


def person_problem(person: Person) -> Problem | None:
    """The first field of ``person`` that cannot be stored, and why; None when all can."""
    return person_checker()(person)


PersonCheck = Callable[[Person], "Problem | None"]
_Check = Callable[[Any], "Message | None"]


def person_checker(*, quick: bool = True) -> PersonCheck:
    """``person_problem`` for many people: the checks of the fields as they are declared now, worked
    out once (an import checks 30,000 people), and each label of sources checked once.

    ``quick``: a person whose values all plainly fit (``_quick_fit``, nearly everyone read from a
    file) is passed without each field being looked at in turn; anyone else is checked field by field,
    so the first field refused is the one named either way.
    """
    checks = [(_field_value(name, spec), name, _field_check(spec)) for name, spec in FIELDS.items()]
    fits = _quick_fit() if quick else None
    labels_fine: set[tuple[str, ...]] = set()
    # Sources found fine, by identity (kept alive here): the people of a file share a few dicts.
    sources_fine: dict[int, object] = {}

    def check(person: Person) -> Problem | None:
        if person.id is not None and (bad_id := _id_problem(person.id)) is not None:
            return "id", bad_id
        if fits is None or not _fits(fits, person):
            for value_of_field, name, check_value in checks:
                problem = check_value(value_of_field(person))
                if problem is not None:
                    return name, problem
        # Person.__post_init__ has checked the rhythm already; its sources are labels it came from.
        sources = person.sources
        if sources_fine.get(id(sources)) is sources:
            return None
        for labels in sources.values():
            known = type(labels) is tuple
            if known and labels in labels_fine:
                continue
            problem = _items_problem(labels, MAX_LABEL * 2)
            if problem is not None:
                return "sources", problem
            if known:
                labels_fine.add(labels)
        if type(sources) is dict:
            sources_fine[id(sources)] = sources
        return None

    return check


def _fits(fits: Callable[[Person], bool], person: Person) -> bool:
    """``fits(person)``, a value of a type no field holds counting as "look closer": the fields are then
    checked in their order, so the first one refused is named, as without the quick check."""
    try:
        return fits(person)
    except (TypeError, AttributeError):
        return False


_QUICK_KINDS = frozenset(
    {Kind.TEXT, Kind.NOTES, Kind.WORDS, Kind.EMAILS, Kind.PHONES, Kind.URLS, Kind.DATES}
    | {Kind.TIER, Kind.DAYS, Kind.PERSON, Kind.DATE, Kind.FLAG, Kind.OVERRIDE}
)


def _quick_fit() -> Callable[[Person], bool] | None:
    """Whether a person's fields plainly fit, in a few operations on all of them at once: every text
    valid Unicode within its width, lists short, the tier a tier, no introducer, flags yes or no.
    False says only "look closer". None when the fields declared now are not all of the kinds this
    knows (custom fields are kept in ``extra``: those people are looked at field by field)."""
    specs = FIELDS.values()
    if any(spec.custom or spec.kind not in _QUICK_KINDS for spec in specs):
        return None
    texts = {name: spec.max_length for name, spec in FIELDS.items() if _is_text(spec)}
    lists = {
        name: spec.max_length for name, spec in FIELDS.items() if spec.is_list and spec.kind != Kind.DATES
    }
    texts_of, lists_of = attrgetter(*texts), attrgetter(*lists)
    text_limits, list_limits = tuple(texts.values()), tuple(lists.values())
    dates_fine: dict[int, object] = {}

    def fits(person: Person) -> bool:
        if not _texts_fit(texts_of(person), text_limits):
            return False
        for items, limit in zip(lists_of(person), list_limits, strict=True):
            if items and not (len(items) <= MAX_ITEMS and _texts_fit(items, (limit,) * len(items))):
                return False
        dates = person.dates
        if dates and dates_fine.get(id(dates)) is not dates:
            if _dates_problem(dates) is not None:
                return False
            dates_fine[id(dates)] = dates
        override = person.coworker_override
        return (
            type(person.tier) is Tier
            and person.met_through_id is None
            and type(person.knows_search) is bool
            and (override is None or type(override) is bool)
        )

    return fits


def _texts_fit(values: Sequence[Any], limits: Sequence[int]) -> bool:
    """Whether ``values`` are all texts of valid Unicode, each within its limit (NUL allowed)."""
    try:
        joined = "".join(values)
    except TypeError:
        return False
    if not joined.isascii():
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return not any(map(gt, map(len, values), limits))


def _field_value(name: str, spec: FieldSpec) -> Callable[[Person], Any]:
    if spec.custom:
        default = empty(spec)
        return lambda person: person.extra.get(name, default)
    return attrgetter(name)


def _field_check(spec: FieldSpec) -> _Check:
    """What checks one value of a field of this kind (empty values, the most common, cost nothing)."""
    limit = spec.max_length
    if _is_text(spec):
        # An empty or short ASCII text always fits: only the others are looked at closely.
        return lambda value: (
            text_problem(value, limit, nul=True)
            if value and (len(value) > limit or not value.isascii())
            else None
        )
    if spec.kind is Kind.DATES:
        return _dates_problem
    if spec.is_list:
        return lambda value: _items_problem(value, limit) if value else None
    if spec.kind is Kind.TIER:
        return lambda value: None if isinstance(value, Tier) else wording.NOT_A_TIER(value=repr(value))
    if spec.kind is Kind.PERSON:
        return lambda value: None if value is None else _id_problem(value)
    if spec.kind is Kind.FLAG:
        return lambda value: None if isinstance(value, bool) else wording.NOT_YES_OR_NO(value=repr(value))
    if spec.kind is Kind.OVERRIDE:
        return lambda value: (
            None if value is None or isinstance(value, bool) else wording.NOT_YES_OR_NO(value=repr(value))
        )
    return lambda value: None


def _is_text(spec: FieldSpec) -> bool:
    return spec.kind in (Kind.TEXT, Kind.NOTES)


def _dates_problem(value: tuple[Any, ...]) -> Message | None:
    if not value:
        return None
    if len(value) > MAX_ITEMS:
        return wording.TOO_MANY(limit=MAX_ITEMS, count=len(value))
    return next((found for item in value if (found := text_problem(item.label, MAX_LABEL)) is not None), None)


def interaction_problem(interaction: Interaction) -> Problem | None:
    """The first field of ``interaction`` that cannot be stored, and why; None when all can."""
    if interaction.id is not None and (problem := _id_problem(interaction.id)) is not None:
        return "id", problem
    if (problem := _day_problem(interaction.on)) is not None:
        return "date", problem
    for name, text, limit in (
        ("kind", interaction.kind, MAX_KIND),
        ("summary", interaction.summary, MAX_SUMMARY),
        ("notes", interaction.notes, MAX_NOTES),
    ):
        problem = text_problem(text, limit)
        if problem is not None:
            return name, problem
    if len(interaction.person_ids) > MAX_ITEMS:
        return "person_ids", wording.TOO_MANY(limit=MAX_ITEMS, count=len(interaction.person_ids))
    for person_id in interaction.person_ids:
        if (problem := _id_problem(person_id)) is not None:
            return "person_ids", problem
    return None


def offer_problem(offer: Offer) -> Problem | None:
    """Why ``offer`` cannot be stored, naming the field; None when it can."""
    if offer.id and (problem := _id_problem(offer.id)) is not None:  # 0 when not yet stored
        return "id", problem
    if (problem := text_problem(offer.text, MAX_OFFER_TEXT)) is not None:
        return "text", problem
    if (problem := moment_problem(offer.created_at)) is not None:
        return "created_at", problem
    return None


def organisation_problem(organisation: Organisation) -> Problem | None:
    """Why ``organisation`` cannot be stored, naming the field; None when it can."""
    if organisation.id is not None and (problem := _id_problem(organisation.id)) is not None:
        return "id", problem
    if (problem := text_problem(organisation.name, MAX_ORGANISATION)) is not None:
        return "name", problem
    if not organisation_key(organisation.name):
        return "name", wording.ORGANISATION_NEEDS_NAME()
    for name, items in (("aliases", organisation.aliases), ("domains", organisation.domains)):
        if (problem := _items_problem(items, MAX_ORGANISATION)) is not None:
            return name, problem
    return None


def record_problem(record: PersonRecord) -> Problem | None:
    """Why a record of a person (the reconnect list, a snooze, a dismissal, a new job) cannot be stored,
    naming the field; None when it can. A ``person_id`` of 0 is one not linked yet (read from a file)."""
    if record.id is not None and (problem := _id_problem(record.id)) is not None:
        return "id", problem
    if record.person_id and (problem := _id_problem(record.person_id)) is not None:
        return "person", problem
    days: tuple[tuple[str, date], ...]
    texts: tuple[tuple[str, str, int], ...] = ()
    if isinstance(record, Reconnect):
        days = (("since", record.since),)
    elif isinstance(record, Snooze):
        days = (("until", record.until),)
    elif isinstance(record, Dismissal):
        days = (("due", record.due),)
        texts = (("reason", record.reason, MAX_REASON),)
    elif isinstance(record, Reconnection):
        days = (("on", record.on),)
    else:
        days = (("seen_on", record.seen_on),)
        texts = _job_texts(record)
    for name, day in days:
        if (problem := _day_problem(day)) is not None:
            return name, problem
    for name, text, limit in texts:
        if (problem := text_problem(text, limit)) is not None:
            return name, problem
    return None


def _job_texts(change: JobChange) -> tuple[tuple[str, str, int], ...]:
    return (
        ("old_organisation", change.old_organisation, MAX_ORGANISATION),
        ("old_title", change.old_title, MAX_TITLE),
        ("new_organisation", change.new_organisation, MAX_ORGANISATION),
        ("new_title", change.new_title, MAX_TITLE),
        ("source", change.source, MAX_SOURCE),
    )


def check_person(person: Person) -> Person:
    """``person``, or InputRefused naming the first field that cannot be stored."""
    found = person_problem(person)
    if found is not None:
        raise InputRefused(found[1], field=found[0])
    return person


def check_interaction(interaction: Interaction) -> Interaction:
    """``interaction``, or InputRefused naming the first field that cannot be stored."""
    found = interaction_problem(interaction)
    if found is not None:
        raise InputRefused(found[1], field=found[0])
    return interaction
