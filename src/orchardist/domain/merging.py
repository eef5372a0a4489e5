"""How two records of one person become one, field by field as each field's kind says.

``merge_people`` merges two records the user said are one person; ``merge_incoming`` folds a newer
import of someone into their stored record. Both go by ``orchardist.domain.fields``: a field added
there merges like the others of its kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from orchardist.domain import wording
from orchardist.domain.fields import FIELDS, FieldSpec, Kind, value_of, with_values
from orchardist.domain.matching import email_key, fold, linkedin_key, phone_key
from orchardist.domain.messages import InputRefused, Message
from orchardist.domain.people import MANUAL_SOURCE, PartialDate, Person, Tier

_CLOSENESS = {Tier.INNER: 0, Tier.ACTIVE: 1, Tier.CASUAL: 2, Tier.DORMANT: 3}


def _phone_identity(phone: str) -> str:
    return phone_key(phone) or phone.strip()


def _url_identity(url: str) -> str:
    return linkedin_key(url) or url


def _exact(value: str) -> str:
    return value


# Two list items are the same when these say so: an e-mail whatever its case, a phone whatever its
# punctuation, a LinkedIn profile whatever its address's form.
_IDENTITY: dict[Kind, Callable[[str], str]] = {
    Kind.EMAILS: email_key,
    Kind.PHONES: _phone_identity,
    Kind.URLS: _url_identity,
}


def _unite(base: tuple[str, ...], extra: Iterable[str], identity: Callable[[str], str]) -> tuple[str, ...]:
    """``base`` then each value of ``extra`` not already there, compared by ``identity``."""
    seen = {identity(value) for value in base}
    united = list(base)
    for value in extra:
        if identity(value) not in seen:
            seen.add(identity(value))
            united.append(value)
    return tuple(united)


def _unite_any(spec: FieldSpec, base: tuple[Any, ...], extra: tuple[Any, ...]) -> tuple[Any, ...]:
    if spec.kind is Kind.DATES:
        return base + tuple(value for value in extra if value not in base)
    return _unite(base, extra, _IDENTITY.get(spec.kind, _exact))


def _union(first: tuple[str, ...], last: tuple[str, ...]) -> tuple[str, ...]:
    """Sources of both, in order, those of ``last`` at the end (a ``manual`` there stays last)."""
    return tuple(source for source in first if source not in last) + last


def _urls_with_linkedin(urls: tuple[str, ...], linkedin_url: str, own_linkedin: str) -> tuple[str, ...]:
    """``urls`` plus a second, different LinkedIn profile, so merging never loses one."""
    key = linkedin_key(linkedin_url)
    if not key or key == linkedin_key(own_linkedin):
        return urls
    return _unite(urls, (linkedin_url,), _url_identity)


def _merged_value(spec: FieldSpec, mine: Any, theirs: Any) -> tuple[Any, str]:
    """One field's value when two records the user chose become one, and whose it is ("keep",
    "other", or "both")."""
    if spec.is_list:
        return _unite_any(spec, mine, theirs), "both"
    if spec.kind is Kind.NOTES:
        if mine and theirs and mine != theirs:
            return f"{mine}\n\n{theirs}", "both"
        return (mine, "keep") if mine else (theirs, "other")
    if spec.kind is Kind.TIER:
        closer = min(mine, theirs, key=_CLOSENESS.__getitem__)
        return (mine, "keep") if closer == mine else (theirs, "other")
    if spec.kind is Kind.DAYS:
        # The shorter rhythm: whoever was kept closer wins.
        if theirs is not None and (mine is None or theirs < mine):
            return theirs, "other"
        return mine, "keep"
    if spec.kind is Kind.FLAG:
        # Someone either record says knows of the search knows of it.
        return (mine, "keep") if mine or not theirs else (theirs, "other")
    return (mine, "keep") if mine not in (None, "") else (theirs, "other")


KEEP, OTHER = "keep", "other"


def choosable(keep: Person, other: Person) -> list[str]:
    """The fields where the two records hold different values and one must win: single values (not
    lists, which are united, nor notes, which are joined), both filled."""
    found = []
    for name, spec in FIELDS.items():
        if spec.is_list or spec.kind is Kind.NOTES:
            continue
        mine, theirs = value_of(keep, name), value_of(other, name)
        if mine not in (None, "") and theirs not in (None, "") and mine != theirs:
            found.append(name)
    return found


def look_different(keep: Person, other: Person) -> list[Message]:
    """Why two records look like two people rather than one: different LinkedIn profiles, different
    birthdays, or names without a word in common. Merging them is still the user's call."""
    found: list[Message] = []
    mine, theirs = linkedin_key(keep.linkedin_url), linkedin_key(other.linkedin_url)
    if mine and theirs and mine != theirs:
        found.append(wording.OTHER_LINKEDIN())
    first, second = keep.birthday, other.birthday
    if first is not None and second is not None and (first.month, first.day) != (second.month, second.day):
        found.append(wording.OTHER_BIRTHDAY(first=first.isoformat(), second=second.isoformat()))
    words = [set(re.findall(r"\w+", fold(person.display_name))) for person in (keep, other)]
    if words[0] and words[1] and not words[0] & words[1]:
        found.append(wording.NO_NAME_IN_COMMON())
    return found


def merge_people(keep: Person, other: Person, chosen: Mapping[str, str] | None = None) -> Person:
    """One person from two records the user says are the same; ``keep``'s id and filled values win,
    but where ``chosen`` names a field ``"other"`` (one of ``choosable``), the other record's value.

    Lists are united without duplicates; notes that differ are joined with a blank line; the
    closer tier and the shorter rhythm are kept unless chosen. Sources of both records are kept per
    field, those of the value kept coming last so that a hand edit stays protected from imports.
    """
    picks = dict(chosen or {})
    allowed = set(choosable(keep, other))
    for name, pick in picks.items():
        if name not in allowed or pick not in (KEEP, OTHER):
            raise InputRefused(wording.NOT_CHOOSABLE(field=name), field=name)
    values: dict[str, Any] = {}
    winner: dict[str, str] = {}  # field -> "keep" or "other": whose sources go last
    for name, spec in FIELDS.items():
        mine, theirs = value_of(keep, name), value_of(other, name)
        if name in picks:
            values[name], winner[name] = (theirs, OTHER) if picks[name] == OTHER else (mine, KEEP)
        else:
            values[name], winner[name] = _merged_value(spec, mine, theirs)
    values["urls"] = _urls_with_linkedin(values["urls"], other.linkedin_url, str(values["linkedin_url"]))
    if values["linkedin_url"] == other.linkedin_url and keep.linkedin_url:
        values["urls"] = _urls_with_linkedin(values["urls"], keep.linkedin_url, str(values["linkedin_url"]))
    if values["met_through_id"] is not None and values["met_through_id"] in (keep.id, other.id):
        values["met_through_id"] = None  # met through their own duplicate
    sources: dict[str, tuple[str, ...]] = {}
    for name in _source_fields(keep.sources, other.sources):
        mine, theirs = tuple(keep.sources.get(name, ())), tuple(other.sources.get(name, ()))
        merged = _union(mine, theirs) if winner.get(name) == "other" else _union(theirs, mine)
        if merged:
            sources[name] = merged
    return replace(with_values(keep, values), sources=sources)


def _source_fields(*mappings: Mapping[str, tuple[str, ...]]) -> list[str]:
    named = {name for mapping in mappings for name in mapping}
    return [name for name in FIELDS if name in named] + sorted(named - set(FIELDS))


def _is_manual(person: Person, name: str) -> bool:
    recorded = person.sources.get(name, ())
    return bool(recorded) and recorded[-1] == MANUAL_SOURCE


def _adds_a_year(mine: PartialDate | None, theirs: PartialDate | None) -> bool:
    """The incoming date is new, or the same day with the year the stored one lacks."""
    if theirs is None:
        return False
    return mine is None or (
        mine.year is None and theirs.year is not None and (mine.month, mine.day) == (theirs.month, theirs.day)
    )


def _incoming_value(spec: FieldSpec, mine: Any, theirs: Any) -> tuple[bool, Any]:
    """Whether an import changes one field, and to what (see ``merge_incoming``)."""
    if spec.name in ("organisation", "title"):
        # People change jobs: a newer export's different organisation or title replaces the stored one.
        return bool(theirs and fold(theirs) != fold(mine)), theirs
    if spec.kind is Kind.TIER:
        return False, mine  # the user's choice
    if spec.is_list:
        united = _unite_any(spec, mine, theirs)
        return united != mine, united
    if spec.kind is Kind.DATE:
        return _adds_a_year(mine, theirs), theirs
    if spec.kind is Kind.NOTES:
        fresh = bool(theirs.strip()) and theirs.strip() not in mine
        return fresh, (f"{mine}\n\n{theirs}" if mine else theirs)
    if spec.kind is Kind.FLAG:
        return not mine and bool(theirs), theirs  # only Orchardist's own backup sets one
    return mine in ("", None) and theirs not in ("", None), theirs


def merge_incoming(existing: Person, incoming: Person) -> tuple[Person, list[str]]:
    """Fold a newer import of someone into their stored record; return it and the fields changed.

    The import fills empty fields and adds new list values. A different organisation or title
    replaces the stored one (people change jobs). Names stay as stored unless empty, the tier stays
    the user's choice, and a field whose last source is ``manual`` is never touched. Importing the
    same file again changes nothing.
    """
    values: dict[str, Any] = {}
    borrowed: dict[str, tuple[str, ...]] = {}  # field -> incoming sources that justify its change

    def take(name: str, value: object, *source_fields: str) -> None:
        values[name] = value
        for source_field in source_fields or (name,):
            borrowed[name] = _union(borrowed.get(name, ()), tuple(incoming.sources.get(source_field, ())))

    open_fields = [name for name in FIELDS if not _is_manual(existing, name)]
    for name in open_fields:
        changes, value = _incoming_value(FIELDS[name], value_of(existing, name), value_of(incoming, name))
        if changes:
            take(name, value)
    if "urls" in open_fields and existing.linkedin_url:
        urls = values.get("urls", existing.urls)
        assert isinstance(urls, tuple)
        widened = _urls_with_linkedin(urls, incoming.linkedin_url, existing.linkedin_url)
        if widened != urls:
            take("urls", widened, "urls", "linkedin_url")
    changed = [name for name in FIELDS if name in values]
    if not changed:
        return existing, []
    sources = {name: tuple(recorded) for name, recorded in existing.sources.items()}
    for name in changed:
        if borrowed.get(name):
            sources[name] = _union(sources.get(name, ()), borrowed[name])
    return replace(with_values(existing, values), sources=sources), changed
