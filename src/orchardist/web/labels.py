"""What stored values are called on the pages, in the current language: fields, tiers, kinds of
contact, where a value came from, and dates written the way people write them."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_skeleton

from orchardist.domain.fields import FIELDS, GROUP_LABELS, Group, Kind
from orchardist.domain.people import PartialDate
from orchardist.services.demo import DEMO_SOURCE
from orchardist.services.person_input import MANUAL
from orchardist.web.i18n import _, current_language, format_day


def field_labels() -> dict[str, str]:
    """What each field of a person is called on the page, in the current language."""
    return {name: _(spec.label) for name, spec in FIELDS.items()}


def shown_order() -> list[str]:
    """The fields in the order a page shows them: by group (name, work, contact, …), then as listed."""
    groups = list(Group)
    return sorted(FIELDS, key=lambda name: groups.index(FIELDS[name].group))


def group_labels() -> dict[str, str]:
    """Each group's heading on the edit form, in the current language ("" for none)."""
    return {group.value: _(label) if label else "" for group, label in GROUP_LABELS.items()}


def tier_labels() -> dict[str, str]:
    return {
        "inner": _("Inner circle"),
        "active": _("Active"),
        "casual": _("Casual"),
        "dormant": _("Dormant"),
    }


def kind_labels() -> dict[str, str]:
    """What each known kind of interaction is called on the page, in the current language."""
    return {
        "meeting": _("meeting"),
        "call": _("call"),
        "coffee": _("coffee"),
        "message": _("message"),
        "introduction": _("introduction"),
        "favour": _("favour"),
        "advice": _("advice"),
        "referral": _("referral"),
        "thank_you": _("thank you"),
        "follow_up": _("follow-up"),
        "congratulation": _("congratulation"),
        "greeting": _("greeting"),
        "article": _("article"),
        "event": _("event"),
        "chance_encounter": _("chance encounter"),
        "note": _("note"),
    }


def known_kind(text: str) -> str:
    """The known kind a label names in the current language ("café" is "coffee"), else ``text``."""
    wanted = " ".join(text.split()).casefold()
    return next((kind for kind, label in kind_labels().items() if label.casefold() == wanted), text)


def source_name(source: str) -> str:
    """Where a field's value came from, as the page says it: typed in, the demo, or an imported file."""
    if source == MANUAL:
        return _("typed in by you")
    if source == DEMO_SOURCE:
        return _("the demo network")
    kind, _sep, file_name = source.partition(":")
    return _("%(file)s (%(format)s import)") % {"file": file_name, "format": kind} if file_name else source


def partial_day(value: PartialDate) -> str:
    """A birthday or other date in the current language, without a year when none is known."""
    when = date(value.year or 2000, value.month, value.day)
    if value.year is not None:
        return format_day(when, "long")
    return format_skeleton("MMMMd", when, locale=Locale.parse(current_language()))


def yes_or_no(kind: Kind, value: object) -> str:
    """A flag or an override as a page says it: "Yes" or "No" ("" for a flag not set or an override
    left to auto)."""
    if kind is Kind.FLAG:
        return _("Yes") if value else ""
    return "" if value is None else (_("Yes") if value else _("No"))


def web_link(url: str) -> str | None:
    """``url`` when it is safe to link to (a web address), else None and the page shows it as text."""
    return url.strip() if url.strip().lower().startswith(("https://", "http://")) else None
