"""What stored values are called on the pages, in the current language: fields, tiers, kinds of
contact, where a value came from, and dates written the way people write them."""

from __future__ import annotations

from datetime import date

from babel import Locale
from babel.dates import format_skeleton

from orchardist.domain.people import PartialDate
from orchardist.services.demo import DEMO_SOURCE
from orchardist.services.person_input import MANUAL
from orchardist.web.i18n import _, current_language, format_day


def field_labels() -> dict[str, str]:
    """What each field of a person is called on the page, in the current language."""
    return {
        "display_name": _("Name"),
        "given_name": _("Given name"),
        "family_name": _("Family name"),
        "pronouns": _("Pronouns"),
        "emails": _("E-mails"),
        "phones": _("Phones"),
        "urls": _("Web addresses"),
        "linkedin_url": _("LinkedIn"),
        "organisation": _("Organisation"),
        "title": _("Title"),
        "location": _("Location"),
        "tags": _("Tags"),
        "tier": _("Tier"),
        "every_days": _("Stay in touch every"),
        "interests": _("Interests"),
        "can_help_with": _("Can help with"),
        "could_use_help_with": _("Could use help with"),
        "how_met": _("How you met"),
        "where_met": _("Where you met"),
        "met_through_id": _("Met through"),
        "birthday": _("Birthday"),
        "dates": _("Dates"),
        "notes": _("Notes"),
    }


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


# What the page shows first: who they are and where they work, then how to reach them, then the relationship.
SHOWN_ORDER = (
    "given_name",
    "family_name",
    "pronouns",
    "organisation",
    "title",
    "location",
    "emails",
    "phones",
    "urls",
    "linkedin_url",
    "tier",
    "every_days",
    "tags",
    "how_met",
    "where_met",
    "met_through_id",
    "birthday",
    "dates",
    "interests",
    "can_help_with",
    "could_use_help_with",
    "notes",
)


def partial_day(value: PartialDate) -> str:
    """A birthday or other date in the current language, without a year when none is known."""
    when = date(value.year or 2000, value.month, value.day)
    if value.year is not None:
        return format_day(when, "long")
    return format_skeleton("MMMMd", when, locale=Locale.parse(current_language()))


def web_link(url: str) -> str | None:
    """``url`` when it is safe to link to (a web address), else None and the page shows it as text."""
    return url.strip() if url.strip().lower().startswith(("https://", "http://")) else None
