"""The person edit form: each field of ``orchardist.domain.fields`` as a box of text, as its kind says,
and the texts the user changed read back.

The form carries each field twice: the text the user may edit, and (hidden, under ``was:NAME``) the text
it was shown with. Only a field whose text changed is read back, so an item with a comma in it (from an
import) is not split, nor its field marked as typed in, because some other field was edited; and saving
needs no second look at the stored person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.dates import get_month_names

from orchardist.domain.discretion import override_word
from orchardist.domain.fields import FIELDS, FieldSpec, Group, Kind, value_of
from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.services.person_input import PersonError
from orchardist.web import wording
from orchardist.web.i18n import _, current_language

WAS = "was:"
_LIST_SEPARATORS = re.compile(r"[\n,]")
_INTRODUCER = re.compile(r"^(?:.*\(#(\d+)\)|#?(\d+))$")


def introducer_text(person: Person | None) -> str:
    """How the form names who introduced someone: ``Name (#12)``, as the suggestions write it."""
    return f"{person.display_name} (#{person.id})" if person else ""


def _lines_only(spec: FieldSpec) -> bool:
    """Web addresses may hold commas: one a line, never split on commas."""
    return spec.kind is Kind.URLS


def text_of(spec: FieldSpec, value: Any, introducer: Person | None) -> str:
    """One field's value as the form's box shows it."""
    if spec.kind is Kind.DATES:
        return "\n".join(f"{item.label}: {item.date.isoformat()}" for item in value)
    if spec.is_list:
        return (", " if spec.one_line else "\n").join(value)
    if spec.kind is Kind.TIER:
        return str(value.value)
    if spec.kind is Kind.DAYS:
        return str(value or "")
    if spec.kind is Kind.DATE:
        return value.isoformat() if value else ""
    if spec.kind is Kind.PERSON:
        return introducer_text(introducer)
    if spec.kind is Kind.FLAG:
        return "yes" if value else "no"
    if spec.kind is Kind.OVERRIDE:
        return override_word(value)
    return str(value)


def form_values(person: Person, introducer: Person | None) -> dict[str, str]:
    """The edit form filled in with the person as stored."""
    return {name: text_of(spec, value_of(person, name), introducer) for name, spec in FIELDS.items()}


def _split(spec: FieldSpec, text: str) -> list[str]:
    parts = text.splitlines() if _lines_only(spec) else _LIST_SEPARATORS.split(text)
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
    for name, spec in FIELDS.items():
        if name not in values:
            continue
        text = values[name]
        if spec.kind is Kind.DATES:
            changes[name] = _dates(text)
        elif spec.is_list:
            changes[name] = _split(spec, text)
        elif spec.kind is Kind.PERSON:
            changes[name] = _introducer(text)
        else:
            changes[name] = text
    return changes


# A date as the pickers send it: ``YYYY-MM-DD``, ``--MM-DD``, or with ``??`` where a part was not picked.
_PICKED = re.compile(r"^(\d{1,4})?--?(\d\d|\?\?)-(\d\d|\?\?)$")


def picked_date(form: dict[str, str], name: str) -> str | None:
    """The text of date field ``name`` from its month and day pickers and the year box (None when the
    form has no pickers for it): ``YYYY-MM-DD``, ``--MM-DD`` without a year, "" when nothing is picked,
    and ``??`` for a part left out (which the field's check then refuses, naming the field)."""
    if f"{name}:month" not in form and f"{name}:day" not in form:
        return None
    month, day, year = (form.get(f"{name}:{part}", "").strip() for part in ("month", "day", "year"))
    if not (month or day or year):
        return ""
    month = month.zfill(2) if month.isdigit() else "??"
    day = day.zfill(2) if day.isdigit() else "??"
    return f"{year.zfill(4)}-{month}-{day}" if year.isdigit() else f"--{month}-{day}"


def with_picked_dates(form: dict[str, str]) -> dict[str, str]:
    """The form's texts with each date field's text put together from its pickers."""
    texts = dict(form)
    for name, spec in FIELDS.items():
        if spec.kind is Kind.DATE:
            text = picked_date(form, name)
            if text is not None:
                texts[name] = text
    return texts


def date_parts(text: str) -> tuple[str, str, str]:
    """The year, month and day the pickers show for a date field's text ("" for a part not known)."""
    match = _PICKED.match(text.strip())
    if match is None:
        return "", "", ""
    year, month, day = match.groups()
    return (year or "", "" if month == "??" else month, "" if day == "??" else day)


def edited(form: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The form's texts and, of those, the ones the user changed from what the form was shown with."""
    texts = {name: text for name, text in form.items() if name in FIELDS}
    changed = {name: text for name, text in texts.items() if form.get(WAS + name) != text}
    return texts, changed


def originals(form: dict[str, str]) -> dict[str, str]:
    """The texts the form was first shown with (kept when it is shown again after a refusal)."""
    return {name[len(WAS) :]: text for name, text in form.items() if name.startswith(WAS)}


@dataclass(frozen=True, slots=True)
class Box:
    """How the edit form shows one field: a line, a box of lines, a choice or a number."""

    name: str
    widget: str  # "input", "textarea", "tier", "person" or "choice"
    type: str = "text"
    rows: int = 0
    help: str = ""
    attrs: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # a choice's values and what each is called


def _box(spec: FieldSpec) -> Box:
    if spec.kind is Kind.TIER:
        return Box(spec.name, "tier")
    if spec.kind is Kind.PERSON:
        return Box(
            spec.name,
            "person",
            help=_(
                "Who introduced you: start typing a name and pick from the list, "  # a long sentence
                "or type their number, such as #12."
            ),
        )
    if spec.kind is Kind.FLAG:
        return Box(
            spec.name,
            "choice",
            help=_("Someone you trust with your job search: Orchardist does not warn before you tell them."),
            choices=(("no", _("No")), ("yes", _("Yes"))),
        )
    if spec.kind is Kind.OVERRIDE:
        return Box(
            spec.name,
            "choice",
            help=_("Auto goes by their organisation and e-mail, and the employer in About me."),
            choices=(("auto", _("Auto")), ("yes", _("Yes")), ("no", _("No"))),
        )
    if spec.kind is Kind.NOTES:
        return Box(spec.name, "textarea", rows=5 if not spec.custom else 3)
    if spec.kind is Kind.DATES:
        return Box(spec.name, "textarea", rows=2, help=_("One a line, such as “work anniversary: --05-01”."))
    if spec.one_line:
        return Box(spec.name, "input", help=_("Separated by commas."))
    if spec.kind is Kind.URLS:
        return Box(spec.name, "textarea", rows=3, help=_("One a line."))
    if spec.is_list:
        rows = 3 if spec.group is Group.CONTACT else 2
        return Box(spec.name, "textarea", rows=rows, help=_("One a line, or separated by commas."))
    if spec.kind is Kind.DAYS:
        return Box(
            spec.name,
            "input",
            type="number",
            help=_("Days; leave empty to follow the tier."),
            attrs='min="1" max="3650" inputmode="numeric"',
        )
    if spec.kind is Kind.DATE:
        return Box(spec.name, "date", help=_("The month and the day; the year too if you know it."))
    required = "required" if spec.name == "display_name" else ""
    return Box(spec.name, "input", type="url" if spec.name == "linkedin_url" else "text", attrs=required)


def layout() -> list[tuple[str, list[list[Box]]]]:
    """The form's groups, in order, each a list of rows: a wide field alone, the others two by two."""
    found: list[tuple[str, list[list[Box]]]] = []
    for group in Group:
        rows: list[list[Box]] = []
        pending: list[Box] = []
        for spec in (spec for spec in FIELDS.values() if spec.group is group):
            if spec.wide:
                if pending:
                    rows.append(pending)
                    pending = []
                rows.append([_box(spec)])
                continue
            pending.append(_box(spec))
            if len(pending) == (3 if group is Group.NAME else 2):
                rows.append(pending)
                pending = []
        if pending:
            rows.append(pending)
        if rows:
            found.append((group.value, rows))
    return found


def date_fields() -> list[str]:
    """The fields the form asks for with date pickers."""
    return [name for name, spec in FIELDS.items() if spec.kind is Kind.DATE]


def month_names() -> list[str]:
    """The months as the page's language names them, January first."""
    names = get_month_names("wide", locale=Locale.parse(current_language()))
    return [str(names[month]) for month in range(1, 13)]
