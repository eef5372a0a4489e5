"""Google Contacts "Google CSV" exports, the current layout and the legacy one.

Current (about 2022 on): ``First Name,Middle Name,Last Name,...,Labels,E-mail 1 - Label,
E-mail 1 - Value,...``. Legacy: ``Name,Given Name,Additional Name,Family Name,...,Group Membership,
E-mail 1 - Type,E-mail 1 - Value,...``, often UTF-16 with a byte-order mark. Both number their
repeated groups (``Phone 3 - Value``) only as far as the busiest contact needs, so columns are
found by name and groups by pattern, never by position. A cell holding several values joins them
with `` ::: ``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from orchardist.domain.messages import Message
from orchardist.domain.names import clean_name_parts, split_display_name
from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.formats.base import ParseResult
from orchardist.formats.csv_dates import read_date
from orchardist.formats.csv_people import is_profile_url, person_with_sources, split_multi, unique
from orchardist.formats.csv_tables import Header, Row, read_people, read_table, sniff_header
from orchardist.formats.messages import EXPECTED_GOOGLE, ROW_NO_NAME_EMAIL_PHONE_OR_ORGANISATION

FORMAT = "google"
MULTI = ":::"


# "E-mail 2 - Value", "Organization 1 - Title": kind, number, sub-field.
_GROUP_COLUMN = re.compile(
    r"(e-mail|phone|address|relation|website|event|custom field|organization|im) (\d+) - (.+)"
)
# Labels Google adds by itself; "* " marks a system label ("* myContacts", "* starred").
_SYSTEM_LABELS = frozenset({"mycontacts", "my contacts", "starred", "starred in android"})


def _is_current(keys: frozenset[str]) -> bool:
    return (
        "first name" in keys
        and "last name" in keys
        and bool(keys & {"labels", "file as", "phonetic first name", "organization name"})
    )


def _is_legacy(keys: frozenset[str]) -> bool:
    return "given name" in keys and "family name" in keys and bool(keys & {"name", "group membership"})


def is_header(keys: frozenset[str]) -> bool:
    """A Google CSV header, current or legacy (Google's "Outlook CSV" export is Outlook's)."""
    return _is_current(keys) or _is_legacy(keys)


def sniff(data: bytes) -> bool:
    """Whether ``data`` is a Google CSV export."""
    return sniff_header(data, is_header)


@dataclass(frozen=True, slots=True)
class _Group:
    """One numbered group of columns: sub-field name (``value``, ``label``, ``city``) to header key."""

    number: int
    columns: dict[str, str]


def _groups(header: Header) -> dict[str, list[_Group]]:
    """The numbered groups in ``header`` by kind, in number order; any number of each."""
    found: dict[str, dict[int, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for key in header.keys:
        match = _GROUP_COLUMN.fullmatch(key)
        if match is not None:
            kind, number, sub = match.groups()
            # Legacy files say "Type" where current ones say "Label".
            found[kind][int(number)]["label" if sub == "type" else sub] = key
    return {
        kind: [_Group(number, columns) for number, columns in sorted(numbers.items())]
        for kind, numbers in found.items()
    }


def _values(row: Row, groups: list[_Group], sub: str = "value") -> list[str]:
    """Every value of sub-field ``sub`` across ``groups``, split at `` ::: ``."""
    values: list[str] = []
    for group in groups:
        key = group.columns.get(sub)
        if key is not None:
            cell = row.get(key)
            if cell:
                values.extend(split_multi(cell, MULTI))
    return values


def _partial_date(text: str) -> PartialDate | None:
    """``1985-03-29`` or ``--03-29`` (year unknown), or another common date form; None otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        pass
    parsed = read_date(text, pivot=29)
    if parsed is None:
        return None
    try:
        return PartialDate(month=parsed.month, day=parsed.day, year=parsed.year)
    except ValueError:
        return None


def _tags(cell: str) -> tuple[str, ...]:
    """User labels from ``* myContacts ::: Friends ::: * starred``, without Google's system labels."""
    tags = []
    for label in split_multi(cell, MULTI):
        if label.startswith("*") or label.casefold() in _SYSTEM_LABELS:
            continue
        if label.casefold().startswith("system group:"):
            continue
        tags.append(label)
    return unique(tags)


def _events(row: Row, groups: list[_Group]) -> tuple[NamedDate, ...]:
    dates: list[NamedDate] = []
    for group in groups:
        value_key = group.columns.get("value")
        if value_key is None:
            continue
        label = row.get(group.columns["label"]) if "label" in group.columns else ""
        label = label.lstrip("* ").strip().lower() or "event"
        for value in split_multi(row.get(value_key), MULTI):
            when = _partial_date(value)
            if when is not None:
                dates.append(NamedDate(label, when))
    return tuple(dates)


def _location(row: Row, groups: list[_Group]) -> str:
    """City, region and country of the first address that has any; else its formatted text."""
    for group in groups:
        parts = [
            split_multi(row.get(group.columns[sub]), MULTI)[:1]
            for sub in ("city", "region", "country")
            if sub in group.columns
        ]
        short = ", ".join(part[0] for part in parts if part)
        if short:
            return short
        if "formatted" in group.columns:
            formatted = split_multi(row.get(group.columns["formatted"]), MULTI)
            if formatted:
                return ", ".join(line.strip() for line in formatted[0].splitlines() if line.strip())
    return ""


def _organisation(row: Row, groups: dict[str, list[_Group]]) -> tuple[str, str]:
    """(organisation, title): current files' Organization Name/Title, else the first legacy group."""
    name = row.get("organization name")
    title = row.get("organization title")
    if name or title:
        return name, title
    for group in groups.get("organization", []):
        name = row.get(group.columns["name"]) if "name" in group.columns else ""
        title = row.get(group.columns["title"]) if "title" in group.columns else ""
        if name or title:
            return split_multi(name, MULTI)[0] if name else "", split_multi(title, MULTI)[0] if title else ""
    return "", ""


def _person(row: Row, groups: dict[str, list[_Group]], source: str) -> Person | Message:
    """The person in ``row``, or the reason it is skipped."""
    first = row.get("first name", "given name")
    middle = row.get("middle name", "additional name")
    last = row.get("last name", "family name")
    suffix = row.get("name suffix")
    emails = unique([value for value in _values(row, groups.get("e-mail", [])) if "@" in value])
    phones = unique(_values(row, groups.get("phone", [])))
    organisation, title = _organisation(row, groups)

    display = row.get("name") or " ".join(part for part in (first, middle, last, suffix) if part)
    if first or last:
        given, family, pronouns = clean_name_parts(first, last)
    else:
        display = display or row.get("file as", "nickname")
        given, family = split_display_name(display)
        pronouns = clean_name_parts(display, "")[2]
    display = display or organisation or (emails[0] if emails else "") or (phones[0] if phones else "")
    if not display:
        return ROW_NO_NAME_EMAIL_PHONE_OR_ORGANISATION()

    linkedin_url = ""
    urls: list[str] = []
    for url in _values(row, groups.get("website", [])):
        if not linkedin_url and is_profile_url(url):
            linkedin_url = url
        else:
            urls.append(url)
    return person_with_sources(
        source,
        display,
        given_name=given,
        family_name=family,
        pronouns=pronouns,
        emails=emails,
        phones=phones,
        urls=unique(urls),
        linkedin_url=linkedin_url,
        organisation=organisation,
        title=title,
        location=_location(row, groups.get("address", [])) or row.get("location"),
        tags=_tags(row.get("labels", "group membership")),
        birthday=_partial_date(row.get("birthday")),
        dates=_events(row, groups.get("event", [])),
        notes=row.get("notes"),
    )


def parse(data: bytes, source: str) -> ParseResult:
    """Read every contact in a Google CSV export (current or legacy layout)."""
    table = read_table(data, is_header, expected=EXPECTED_GOOGLE())
    groups = _groups(table.header)
    return read_people(table, FORMAT, lambda row: _person(row, groups, source))
