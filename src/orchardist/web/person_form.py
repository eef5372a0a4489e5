"""The person edit form: a person as the form's texts, and the texts the user changed read back.

The form carries each field twice: the text the user may edit, and (hidden, under ``was:NAME``) the text
it was shown with. Only a field whose text changed is read back, so an item with a comma in it (from an
import) is not split, nor its field marked as typed in, because some other field was edited; and saving
needs no second look at the stored person.
"""

from __future__ import annotations

import re
from typing import Any

from orchardist.domain.people import LIST_FIELDS, PERSON_FIELDS, NamedDate, PartialDate, Person
from orchardist.services.person_input import PersonError
from orchardist.web import wording

TEXT_FIELDS = (
    "display_name",
    "given_name",
    "family_name",
    "pronouns",
    "linkedin_url",
    "organisation",
    "title",
    "location",
    "how_met",
    "where_met",
    "notes",
)
# Lists are typed one item a line or separated by commas, except web addresses, which may hold commas.
LINES_ONLY = frozenset({"urls"})
# List fields the form shows in a one-line box, so they are written separated by commas.
ONE_LINE = frozenset({"tags"})
WAS = "was:"
_LIST_SEPARATORS = re.compile(r"[\n,]")
_INTRODUCER = re.compile(r"^(?:.*\(#(\d+)\)|#?(\d+))$")


def introducer_text(person: Person | None) -> str:
    """How the form names who introduced someone: ``Name (#12)``, as the suggestions write it."""
    return f"{person.display_name} (#{person.id})" if person else ""


def form_values(person: Person, introducer: Person | None) -> dict[str, str]:
    """The edit form filled in with the person as stored."""
    values = {name: getattr(person, name) for name in TEXT_FIELDS}
    for name in LIST_FIELDS - {"dates"}:
        values[name] = (", " if name in ONE_LINE else "\n").join(getattr(person, name))
    values["tier"] = person.tier.value
    values["every_days"] = str(person.every_days or "")
    values["birthday"] = person.birthday.isoformat() if person.birthday else ""
    values["dates"] = "\n".join(f"{item.label}: {item.date.isoformat()}" for item in person.dates)
    values["met_through_id"] = introducer_text(introducer)
    return values


def _split(name: str, text: str) -> list[str]:
    parts = text.splitlines() if name in LINES_ONLY else _LIST_SEPARATORS.split(text)
    return [part.strip() for part in parts if part.strip()]


def _dates(text: str) -> tuple[NamedDate, ...]:
    """``label: YYYY-MM-DD`` (or ``--MM-DD``), one a line."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        label, _sep, when = line.rpartition(":")
        try:
            if not label.strip():
                raise ValueError(line)
            found.append(NamedDate(label=label.strip(), date=PartialDate.parse(when)))
        except ValueError:
            raise PersonError(wording.DATES_FORMAT(line=line.strip()), field="dates") from None
    return tuple(found)


def _introducer(text: str) -> int | None:
    """The id in ``Name (#12)``, ``#12`` or ``12``, as the suggestions write it; None when blank."""
    text = text.strip()
    if not text:
        return None
    match = _INTRODUCER.match(text)
    if match is None:
        raise PersonError(wording.INTRODUCER_ID(), field="met_through_id")
    return int(match.group(1) or match.group(2))


def changes_from(values: dict[str, str]) -> dict[str, Any]:
    """The fields the form sent, as ``edit_person`` takes them; a field not sent is left alone."""
    changes: dict[str, Any] = {}
    for name in PERSON_FIELDS:
        if name not in values:
            continue
        text = values[name]
        if name in LIST_FIELDS - {"dates"}:
            changes[name] = _split(name, text)
        elif name == "dates":
            changes[name] = _dates(text)
        elif name == "met_through_id":
            changes[name] = _introducer(text)
        else:
            changes[name] = text
    return changes


def edited(form: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The form's texts and, of those, the ones the user changed from what the form was shown with."""
    texts = {name: text for name, text in form.items() if name in PERSON_FIELDS}
    changed = {name: text for name, text in texts.items() if form.get(WAS + name) != text}
    return texts, changed


def originals(form: dict[str, str]) -> dict[str, str]:
    """The texts the form was first shown with (kept when it is shown again after a refusal)."""
    return {name[len(WAS) :]: text for name, text in form.items() if name.startswith(WAS)}
