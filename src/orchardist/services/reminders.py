"""Reminders out of the app: an iCalendar file and a private, revocable feed address.

Calendar entries leave the app, so by default they say only neutral words ("Orchardist: reach out to 3
people", how many of each kind); names and the reasons' sentences appear only when the user turns on
``reminder_names``. The feed address carries a random token; making a new one or revoking it stops
the old address at once.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from orchardist.domain.occasions import Yearly, YearlyDate, yearly_dates
from orchardist.domain.queries import Query
from orchardist.domain.reminders import ReminderDay, upcoming
from orchardist.domain.tending import OCCASION_AHEAD, Tended
from orchardist.formats.ical import CalendarDay, YearlyEvent, occasions_calendar, reminders_calendar
from orchardist.services import reasons
from orchardist.services.network import Network
from orchardist.services.settings import FEED_LANGUAGE, FEED_TOKEN, current, keep, tending_in, values_in
from orchardist.services.tending import describe
from orchardist.store.unit import Unit

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


def reminder_days(network: Network, on: date | None = None, days: int | None = None) -> list[ReminderDay]:
    """Today's list and what each of the next days adds (``reminder_days`` days by default)."""
    with network.reading() as unit:
        return _reminder_days_in(unit, on or date.today(), days)


def _reminder_days_in(unit: Unit, on: date, days: int | None) -> list[ReminderDay]:
    days = days or int(values_in(unit)["reminder_days"])
    settings = tending_in(unit)
    last = on + timedelta(days=days - 1)
    contacts = unit.tending.recent_contacts(on, until=last)
    holds = unit.tending.snoozed_until(on)
    gone = unit.tending.dismissed()
    reconnect = unit.tending.reconnect_since()
    # Everyone with a recent contact: any of them may owe a thank-you or follow-up on some day.
    owed_ids = {contact.person_id for contact in contacts} | reasons.extra_candidates(unit, on)
    wanted = 2 * (settings.today_size + len(holds) + len(gone))
    found: dict[int, Tended] = {}
    # The candidates of the first and the last day: between them, anyone a day in between can name.
    for day in (on, last):
        for person in unit.tending.today_candidates(
            day,
            settings,
            wanted=wanted,
            also=owed_ids,
            reconnect=reconnect,
            occasions=(on, last + OCCASION_AHEAD),
        ):
            found.setdefault(person.person_id, person)
    return upcoming(
        list(found.values()),
        contacts,
        settings,
        on,
        days,
        snoozed=holds,
        dismissed=gone,
        rules=reasons.extra_rules(),
        added=reasons.extra_items(unit, on, last),
    )


def _words(day: ReminderDay, names: bool, _: Translate) -> CalendarDay:
    count = len({item.person_id for item in day.items})
    if count == 1:
        summary = _("Orchardist: reach out to 1 person")
    else:
        summary = _("Orchardist: reach out to %(count)s people") % {"count": count}
    labels = reasons.labels(_)
    if names:
        lines = []
        for item in day.items:
            entry = describe(item, _)
            lines.append(f"{item.name} · {labels[item.reason]}: {entry.why} {entry.action}")
    else:
        kinds = Counter(item.reason for item in day.items)
        lines = [f"{labels[reason]}: {kinds[reason]}" for reason in labels if kinds[reason]]
        lines.append(_("Open Orchardist to see who."))
    return CalendarDay(day.day, summary, "\n".join(lines))


def calendar(
    network: Network,
    on: date | None = None,
    *,
    days: int | None = None,
    names: bool | None = None,
    _: Translate = _identity,
) -> bytes:
    """The reminders as an iCalendar file; names only when asked or turned on in the settings."""
    with network.reading() as unit:
        if names is None:
            names = bool(values_in(unit)["reminder_names"])
        reminders = _reminder_days_in(unit, on or date.today(), days)
    entries = [_words(day, names, _) for day in reminders]
    return reminders_calendar(
        entries,
        calendar_id=f"space-{network.space_id}",
        name="Orchardist",
        stamp=datetime.now(UTC).replace(microsecond=0),
    )


def _yearly_words(found: YearlyDate, names: bool, _: Translate) -> tuple[str, str]:
    """An occasion's summary and description: neutral ("Orchardist: a birthday") unless names are on."""
    if names:
        named = {
            Yearly.BIRTHDAY: _("Birthday: %(name)s"),
            Yearly.ANNIVERSARY: _("Anniversary: %(name)s"),
            Yearly.WORK_ANNIVERSARY: _("Work anniversary: %(name)s"),
        }
        return named[found.kind] % {"name": found.person.display_name}, _("A day for a card or a note.")
    neutral = {
        Yearly.BIRTHDAY: _("Orchardist: a birthday"),
        Yearly.ANNIVERSARY: _("Orchardist: an anniversary"),
        Yearly.WORK_ANNIVERSARY: _("Orchardist: a work anniversary"),
    }
    return neutral[found.kind], _("A day for a card or a note.") + "\n" + _("Open Orchardist to see whose.")


def occasions(
    network: Network, query: Query | None = None, *, names: bool | None = None, _: Translate = _identity
) -> bytes:
    """The birthdays, anniversaries and work anniversaries of the people ``query`` chooses (everyone
    when None), as an iCalendar file of yearly events apart from the reminders; names only when asked
    or turned on in the settings, never an employer."""
    with network.reading() as unit:
        if names is None:
            names = bool(values_in(unit)["reminder_names"])
        people = unit.people.find(query)
        changed = unit.records.people_changed()
    events = []
    for found in yearly_dates(people):
        summary, description = _yearly_words(found, names, _)
        person_id = found.person.id or 0
        events.append(
            YearlyEvent(
                uid=f"{found.key}-{found.person.uid}@orchardist",
                first=found.date,
                summary=summary,
                description=description,
                changed=changed.get(person_id, datetime(2000, 1, 1, tzinfo=UTC)),
            )
        )
    return occasions_calendar(events, name=_("Orchardist occasions"))


def feed_token(network: Network) -> str | None:
    """The token of the network's feed address, if it has one."""
    token = current(network).get(FEED_TOKEN)
    return str(token) if token else None


def feed_language(network: Network) -> str:
    return str(current(network).get(FEED_LANGUAGE) or "en")


def new_feed(network: Network, language: str = "en") -> str:
    """A new private feed address token; the previous address stops working."""
    token = secrets.token_urlsafe(32)
    keep(network, {FEED_TOKEN: token, FEED_LANGUAGE: language})
    return token


def revoke_feed(network: Network) -> None:
    """Remove the feed address: calendars subscribed to it get nothing more."""
    keep(network, {FEED_TOKEN: None, FEED_LANGUAGE: None})


def network_of_feed(network: Network, token: str) -> Network | None:
    """The network (of any space in the same store) whose feed token this is, or None (a wrong, old
    or revoked token)."""
    if not token or len(token) > 100:
        return None
    with network.reading() as unit:
        spaces = unit.spaces_holding(FEED_TOKEN, token)
    # The lookup matched the stored value exactly; comparing again in constant time keeps a timing
    # difference from telling how much of a guessed token was right.
    for space_id in spaces:
        owner = network.in_space(space_id)
        if secrets.compare_digest(feed_token(owner) or "", token):
            return owner
    return None
