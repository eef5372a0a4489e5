"""A person as the user types them: values from the CLI, a form or JSON, checked and tidied.

``coerce_field`` turns one given value into the domain's type; ``checked`` tidies a whole person and
refuses what cannot be stored, naming the field; ``typed_in`` marks the fields the user filled as
sourced "manual" (an import never overwrites them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from orchardist.domain import wording
from orchardist.domain.fields import FIELDS, FieldSpec, Kind, with_values
from orchardist.domain.limits import MAX_ITEMS, person_problem
from orchardist.domain.people import MANUAL_SOURCE, MOST_DAYS, NamedDate, PartialDate, Person, Tier
from orchardist.services import refusals
from orchardist.services.errors import InputRefused

MANUAL = MANUAL_SOURCE


class PersonError(InputRefused):
    """A person cannot be stored as given: says which field and why."""


def _clean_list(values: Any, name: str) -> tuple[Any, ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        raise PersonError(refusals.EXPECTED_LIST(), field=name)
    if len(values) > MAX_ITEMS:
        raise PersonError(wording.TOO_MANY(limit=MAX_ITEMS, count=len(values)), field=name)
    if name == "dates":
        return tuple(values)
    # Each item once: "Mentor" and "mentor" are one tag, as an import reads them too.
    cleaned: dict[str, str] = {}
    for value in values:
        if not isinstance(value, str):
            raise PersonError(refusals.EXPECTED_TEXT(value=repr(value)), field=name)
        if value.strip():
            cleaned.setdefault(value.strip().casefold(), value.strip())
    return tuple(cleaned.values())


def checked(person: Person) -> Person:
    """Check and tidy a person typed in by the user; PersonError names the first field refused."""
    from email_validator import EmailNotValidError, validate_email

    display = (
        person.display_name.strip() or f"{person.given_name.strip()} {person.family_name.strip()}".strip()
    )
    if not display:
        raise PersonError(refusals.NEEDS_NAME(), field="name")
    for email in person.emails:
        try:
            validate_email(email, check_deliverability=False)
        except EmailNotValidError as error:
            raise PersonError(
                refusals.NOT_AN_EMAIL(email=repr(email), reason=str(error)), field="emails"
            ) from None
    problem = person_problem(person)
    if problem is not None:
        raise PersonError(problem[1], field=problem[0])
    if person.met_through_id is not None and person.met_through_id == person.id:
        raise PersonError(refusals.SELF_INTRODUCED(), field="met_through_id")
    return replace(
        person,
        display_name=display,
        given_name=person.given_name.strip(),
        family_name=person.family_name.strip(),
    )


def _text(spec: FieldSpec, value: Any) -> str:
    if not isinstance(value, str):
        raise PersonError(refusals.EXPECTED_TEXT(value=repr(value)), field=spec.name)
    return value if spec.kind is Kind.NOTES else value.strip()


def _partial_date(spec: FieldSpec, value: Any) -> PartialDate | None:
    if value in (None, ""):
        return None
    if isinstance(value, PartialDate):
        return value
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        raise PersonError(refusals.EXPECTED_PARTIAL_DATE(value=repr(value)), field=spec.name) from None


def coerce_field(name: str, value: Any) -> Any:
    """Turn a value given for field ``name`` (from the CLI, a form or JSON) into the domain type, as
    the field's kind says (``orchardist.domain.fields``); PersonError names the field refused."""
    spec = FIELDS.get(name)
    if spec is None:
        raise PersonError(refusals.UNKNOWN_FIELD(known=", ".join(FIELDS)), field=name)
    if spec.kind is Kind.DATES:
        try:
            return tuple(
                item
                if isinstance(item, NamedDate)
                else NamedDate(label=str(item["label"]), date=PartialDate.parse(str(item["date"])))
                for item in _clean_list(value, name)
            )
        except (KeyError, TypeError, ValueError):
            raise PersonError(refusals.EXPECTED_DATES(), field=name) from None
    if spec.is_list:
        return _clean_list(value, name)
    if spec.kind is Kind.TIER:
        try:
            return Tier(value)
        except ValueError:
            raise PersonError(refusals.ONE_OF(choices=", ".join(t.value for t in Tier)), field=name) from None
    if spec.kind in (Kind.DAYS, Kind.PERSON):
        if value in (None, ""):
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise PersonError(refusals.EXPECTED_WHOLE_NUMBER(value=repr(value)), field=name) from None
        if spec.kind is Kind.DAYS and not 1 <= number <= MOST_DAYS:
            raise PersonError(wording.RHYTHM_DAYS(most=MOST_DAYS), field=name)
        return number
    if spec.kind is Kind.DATE:
        return _partial_date(spec, value)
    if spec.kind is Kind.FLAG:
        return _yes_or_no(value, name)
    if spec.kind is Kind.OVERRIDE:
        if value is None or (isinstance(value, str) and value.strip().casefold() == "auto"):
            return None
        return _yes_or_no(value, name, auto=True)
    return _text(spec, value)


_YES = frozenset({"yes", "true", "1", "on", "oui"})
_NO = frozenset({"no", "false", "0", "off", "non", ""})


def _yes_or_no(value: Any, name: str, *, auto: bool = False) -> bool:
    """True or False from a flag's JSON, a form's ``yes``/``no`` or the CLI's words."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in _YES:
            return True
        if word in _NO:
            return False
    choices = "yes, no, auto" if auto else "yes, no"
    raise PersonError(refusals.ONE_OF(choices=choices), field=name)


def person_from(values: dict[str, Any]) -> Person:
    """A new person from given field values (not yet checked or stored)."""
    return with_values(
        Person(display_name=""), {name: coerce_field(name, value) for name, value in values.items()}
    )


def typed_in(person: Person, fields: list[str]) -> Person:
    """``person`` with each of ``fields`` sourced "manual" (typed in by the user)."""
    sources = {name: tuple(labels) for name, labels in person.sources.items()}
    for name in fields:
        labels = tuple(label for label in sources.get(name, ()) if label != MANUAL)
        sources[name] = (*labels, MANUAL)
    return replace(person, sources=sources)
