"""The fields of a person, one spec each: what kind of value it holds, what it is called, where the edit
form puts it, how the CLI sets it, and how two records' values become one.

Everything that handles a person field by field reads this table: the edit form and the Person page,
``people add``/``edit`` and their options, the JSON the CLI prints and the API answers with, the API's
schemas, the CSV export's columns, the JSON backup, the vCard export, and merging. A field added here
with ``custom=True`` is kept in the person's ``extra`` values (stored as JSON), so a new field is one
entry here plus its translations.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from orchardist.domain.discretion import OVERRIDE_WORDS, override_word
from orchardist.domain.messages import N_
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier, holds_something


class Kind(enum.StrEnum):
    """What a field holds, which decides how it is typed, shown, stored and merged."""

    TEXT = "text"  # one line
    NOTES = "notes"  # several lines; two different notes are both kept on a merge
    WORDS = "words"  # a list of short texts (tags, interests)
    EMAILS = "emails"
    PHONES = "phones"
    URLS = "urls"
    TIER = "tier"
    DAYS = "days"  # a whole number of days, or nothing
    PERSON = "person"  # another person of the network, by id
    DATE = "date"  # a day, with or without its year
    DATES = "dates"  # labelled days (anniversaries, when you connected)
    FLAG = "flag"  # yes or no (False unless the user says yes)
    OVERRIDE = "override"  # the user's yes or no over what Orchardist works out; None (auto) by default


LISTS = frozenset({Kind.WORDS, Kind.EMAILS, Kind.PHONES, Kind.URLS, Kind.DATES})
# The kinds a custom field may have: they need no column, index or rule of their own.
CUSTOM_KINDS = frozenset({Kind.TEXT, Kind.NOTES, Kind.WORDS, Kind.DATE})


class Group(enum.StrEnum):
    """Where the edit form and the Person page put a field, in this order."""

    NAME = "name"
    WORK = "work"
    CONTACT = "contact"
    RELATIONSHIP = "relationship"
    HELPING = "helping"
    DISCRETION = "discretion"
    NOTES = "notes"


GROUP_LABELS: dict[Group, str] = {
    Group.NAME: N_("Name and pronouns"),
    Group.WORK: N_("Work"),
    Group.CONTACT: N_("Contact"),
    Group.RELATIONSHIP: N_("Staying in touch"),
    Group.HELPING: N_("Helping each other"),
    Group.DISCRETION: N_("Your job search"),
    Group.NOTES: "",  # the notes need no heading above their own label
}


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a person.

    ``label`` names it on the pages (marked for the catalogue), ``help`` in the CLI's ``--help`` (which
    speaks English); ``option``
    is the CLI's option (repeatable for a list; "" when the CLI does not set it); ``json_name`` its
    key in the CLI's and the API's JSON when that differs from ``name``; ``max_length`` the longest
    text one value may be; ``custom`` says it is kept among the person's extra values rather than in a
    column of its own; ``wide``, ``one_line`` and ``csv_column`` say how the edit form lays it out and
    where the CSV export writes it.
    """

    name: str
    kind: Kind
    label: str
    help: str
    option: str
    group: Group
    max_length: int = 1_000
    json_name: str = ""
    custom: bool = False
    wide: bool = False  # takes a whole row of the edit form
    one_line: bool = False  # a list typed on one line, separated by commas (tags)
    csv_column: str = ""  # its column in the CSV export ("" for none; a custom field's is its label)

    @property
    def key(self) -> str:
        """The field's key in the JSON the CLI prints and the API answers with."""
        return self.json_name or self.name

    @property
    def is_list(self) -> bool:
        return self.kind in LISTS

    @property
    def column(self) -> str:
        """The CSV export's column for this field, or "" when it has none."""
        return self.csv_column or (self.label if self.custom else "")


def _field(name: str, kind: Kind, label: str, help: str, option: str, group: Group, **more: Any) -> FieldSpec:
    return FieldSpec(name, kind, label, help, option, group, **more)


FIELDS: dict[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        _field(
            "display_name",
            Kind.TEXT,
            N_("Name"),
            "Name as they write it (default: given + family).",
            "--name",
            Group.NAME,
            max_length=500,
            json_name="name",
            wide=True,
            csv_column="Name",
        ),
        _field(
            "given_name",
            Kind.TEXT,
            N_("Given name"),
            "Given name.",
            "--given",
            Group.NAME,
            max_length=300,
            csv_column="Given Name",
        ),
        _field(
            "family_name",
            Kind.TEXT,
            N_("Family name"),
            "Family name.",
            "--family",
            Group.NAME,
            max_length=300,
            csv_column="Family Name",
        ),
        _field(
            "pronouns",
            Kind.TEXT,
            N_("Pronouns"),
            "Pronouns, such as she/her.",
            "--pronouns",
            Group.NAME,
            max_length=100,
            csv_column="Pronouns",
        ),
        _field(
            "organisation",
            Kind.TEXT,
            N_("Organisation"),
            "Where they work.",
            "--organisation",
            Group.WORK,
            max_length=300,
            csv_column="Organisation",
        ),
        _field(
            "title",
            Kind.TEXT,
            N_("Title"),
            "Their job title.",
            "--title",
            Group.WORK,
            max_length=500,
            csv_column="Title",
        ),
        _field(
            "emails",
            Kind.EMAILS,
            N_("E-mails"),
            "E-mail address (repeatable).",
            "--email",
            Group.CONTACT,
            csv_column="E-mails",
        ),
        _field(
            "phones",
            Kind.PHONES,
            N_("Phones"),
            "Phone number (repeatable).",
            "--phone",
            Group.CONTACT,
            csv_column="Phones",
        ),
        _field(
            "linkedin_url",
            Kind.TEXT,
            N_("LinkedIn"),
            "LinkedIn profile URL.",
            "--linkedin",
            Group.CONTACT,
            csv_column="LinkedIn",
        ),
        _field(
            "urls",
            Kind.URLS,
            N_("Web addresses"),
            "Web address (repeatable).",
            "--url",
            Group.CONTACT,
            csv_column="URLs",
        ),
        _field(
            "location",
            Kind.TEXT,
            N_("Location"),
            "Where they live or work.",
            "--location",
            Group.WORK,
            max_length=500,
            wide=True,
            csv_column="Location",
        ),
        _field(
            "tier",
            Kind.TIER,
            N_("Tier"),
            "How closely to stay in touch: inner, active, casual or dormant.",
            "--tier",
            Group.RELATIONSHIP,
            csv_column="Tier",
        ),
        _field(
            "every_days",
            Kind.DAYS,
            N_("Stay in touch every"),
            "Stay in touch every DAYS days, overriding the tier.",
            "--every",
            Group.RELATIONSHIP,
        ),
        _field(
            "tags",
            Kind.WORDS,
            N_("Tags"),
            "Tag (repeatable).",
            "--tag",
            Group.RELATIONSHIP,
            max_length=200,
            wide=True,
            one_line=True,
            csv_column="Tags",
        ),
        _field(
            "how_met",
            Kind.TEXT,
            N_("How you met"),
            "How you met.",
            "--how-met",
            Group.RELATIONSHIP,
            csv_column="How met",
        ),
        _field(
            "where_met",
            Kind.TEXT,
            N_("Where you met"),
            "Where you met.",
            "--where-met",
            Group.RELATIONSHIP,
            csv_column="Where met",
        ),
        _field(
            "met_through_id",
            Kind.PERSON,
            N_("Met through"),
            "Id of the person who introduced you.",
            "--met-through",
            Group.RELATIONSHIP,
            wide=True,
        ),
        _field(
            "birthday",
            Kind.DATE,
            N_("Birthday"),
            "Birthday, YYYY-MM-DD or --MM-DD without the year.",
            "--birthday",
            Group.RELATIONSHIP,
            csv_column="Birthday",
        ),
        # Labelled dates are typed on the edit form (one a line) or given as JSON; the CLI has no option.
        _field("dates", Kind.DATES, N_("Dates"), "Dates worth remembering.", "", Group.RELATIONSHIP),
        _field(
            "interests",
            Kind.WORDS,
            N_("Interests"),
            "Something they care about (repeatable).",
            "--interest",
            Group.HELPING,
            wide=True,
        ),
        _field(
            "can_help_with",
            Kind.WORDS,
            N_("Can help with"),
            "Something they can help with (repeatable).",
            "--can-help-with",
            Group.HELPING,
        ),
        _field(
            "could_use_help_with",
            Kind.WORDS,
            N_("Could use help with"),
            "Something they could use help with (repeatable).",
            "--could-use-help-with",
            Group.HELPING,
        ),
        # Discretion: never in the CSV or vCard export, never read from another tool's file, and left
        # out of a redacted export; the JSON backup keeps them.
        _field(
            "knows_search",
            Kind.FLAG,
            N_("Knows you are looking for work"),
            "yes: they know you are looking for work, so the discretion guard does not warn about them.",
            "--knows-search",
            Group.DISCRETION,
        ),
        _field(
            "coworker_override",
            Kind.OVERRIDE,
            N_("Co-worker"),
            "yes or no: whether they work with you, over what their organisation and e-mails say; "
            "auto: go by those.",
            "--coworker",
            Group.DISCRETION,
        ),
        _field(
            "notes",
            Kind.NOTES,
            N_("Notes"),
            "Private notes.",
            "--notes",
            Group.NOTES,
            max_length=100_000,
            wide=True,
            csv_column="Notes",
        ),
    )
}
"""Every field, in the order records show them."""


def fields() -> tuple[FieldSpec, ...]:
    """Every field, in order (custom fields after the built-in ones they were added after)."""
    return tuple(FIELDS.values())


def names() -> tuple[str, ...]:
    return tuple(FIELDS)


def value_of(person: Person, name: str) -> Any:
    """The person's value of field ``name``: an attribute, or one of their extra values."""
    spec = FIELDS[name]
    if spec.custom:
        return person.extra.get(name, empty(spec))
    return getattr(person, name)


def with_values(person: Person, values: Mapping[str, Any]) -> Person:
    """``person`` with these fields set (custom ones among the extra values; an empty one removed)."""
    own = {name: value for name, value in values.items() if not FIELDS[name].custom}
    extra = {name: value for name, value in values.items() if FIELDS[name].custom}
    if extra:
        merged = {**person.extra, **extra}
        own["extra"] = {name: value for name, value in merged.items() if value not in (None, "", ())}
    return replace(person, **own)


def empty(spec: FieldSpec) -> Any:
    """What a field holds when nothing was given."""
    if spec.is_list:
        return ()
    if spec.kind in (Kind.DAYS, Kind.PERSON, Kind.DATE, Kind.OVERRIDE):
        return None
    if spec.kind is Kind.FLAG:
        return False
    if spec.kind is Kind.TIER:
        return Tier.CASUAL
    return ""


def is_filled(person: Person, name: str) -> bool:
    return holds_something(value_of(person, name))


def as_json(spec: FieldSpec, value: Any) -> Any:
    """A field's value as JSON: text, a list, a whole number, a tier's code, ``YYYY-MM-DD``/``--MM-DD``,
    true or false, or an override's ``auto``, ``yes`` or ``no``."""
    if spec.kind is Kind.OVERRIDE:
        return override_word(value)
    if value is None:
        return None
    if spec.kind is Kind.TIER:
        return value.value
    if spec.kind is Kind.DATE:
        return value.isoformat()
    if spec.kind is Kind.DATES:
        return [{"label": item.label, "date": item.date.isoformat()} for item in value]
    if spec.is_list:
        return list(value)
    return value


def from_json(spec: FieldSpec, value: Any) -> Any:
    """The inverse of ``as_json`` for stored values (already checked when they were stored)."""
    if spec.kind is Kind.OVERRIDE:
        return OVERRIDE_WORDS.get(value) if isinstance(value, str) else None
    if value is None:
        return empty(spec)
    if spec.kind is Kind.TIER:
        return Tier(value)
    if spec.kind is Kind.DATE:
        return PartialDate.parse(value)
    if spec.kind is Kind.DATES:
        return tuple(NamedDate(label=item["label"], date=PartialDate.parse(item["date"])) for item in value)
    if spec.is_list:
        return tuple(value)
    return value
