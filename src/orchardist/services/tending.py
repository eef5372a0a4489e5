"""Today: whom to tend and why, each with a sentence and a suggested action."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from orchardist.domain.messages import speech_of
from orchardist.domain.people import Tier
from orchardist.domain.rhythm import TendingSettings, is_losing_touch, next_due
from orchardist.domain.rhythm import standing as rhythm_standing
from orchardist.domain.tending import (
    CLOSING_KINDS,
    DEBT_KINDS,
    OCCASION_AHEAD,
    OWED_ORDER,
    Owed,
    TodayItem,
    creates_debt,
    first_owed,
    met_for,
    owed_actions,
    owed_spans,
    tend_today,
)
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.reasons import REASONS, codes, extra_candidates, extra_items, extra_rules
from orchardist.services.settings import tending_in
from orchardist.store.unit import Unit

Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class TodayEntry:
    """A Today item with its words: why the person is on the list, and what to do."""

    item: TodayItem
    why: str
    action: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.item.person_id,
            "name": self.item.name,
            "reason": str(self.item.reason),
            "why": self.why,
            "action": self.action,
            "due": self.item.due.isoformat(),
        }


def _identity(text: str) -> str:
    return text


def describe(item: TodayItem, _: Translate = _identity) -> TodayEntry:
    """The sentence saying why, and the suggested action, in the language of ``_`` (from the reason's
    spec, ``orchardist.services.reasons``)."""
    why, action = REASONS[item.reason].words(item, speech_of(_))
    return TodayEntry(item=item, why=why, action=action)


def today(
    network: Network,
    on: date | None = None,
    *,
    settings: TendingSettings | None = None,
    _: Translate = _identity,
) -> list[TodayEntry]:
    """Today's ranked list for the network, as of ``on`` (today by default)."""
    on = on or date.today()
    with network.reading() as unit:
        items = today_in(unit, on, settings)
    return [describe(item, _) for item in items]


def today_in(unit: Unit, on: date, settings: TendingSettings | None = None) -> list[TodayItem]:
    """Today's ranked items within a transaction (the digest reads them with its other figures).

    What it reads follows what is due, not the size of the network: the owed actions that can make the
    list, each tier's longest untended, and the people who may have an occasion this week.
    """
    settings = settings or tending_in(unit)
    holds = unit.tending.snoozed_until(on)
    gone = unit.tending.dismissed()
    owed = _owed_in(unit, on, holds, gone)
    # Enough of each tier's longest-untended that the snoozed and dismissed leave a full list.
    people_now = unit.tending.today_candidates(
        on,
        settings,
        wanted=settings.today_size + len(holds) + len(gone),
        also={person_id for person_id, *_rest in owed} | extra_candidates(unit, on),
        reconnect=unit.tending.reconnect_since(),
        occasions=(on, on + OCCASION_AHEAD),
    )
    return tend_today(
        people_now,
        (),
        settings,
        on,
        snoozed=holds,
        dismissed=gone,
        owed=owed,
        rules=extra_rules(),
        added=extra_items(unit, on),
    )


def _owed_in(
    unit: Unit, on: date, holds: Mapping[int, date], gone: frozenset[tuple[int, str, date]]
) -> list[Owed]:
    """The owed actions that can make Today's list, earliest due first.

    Read a span of due days at a time (the contacts that leave something owed then, and the thank-yous
    and follow-ups of those people since), stopping on the day ``MAX_ITEMS`` people have one that
    shows: Today shows no more people than that, and owed actions rank first.
    """
    found: list[Owed] = []
    for first_due, last_due in owed_spans(on):
        debts = [
            contact
            for first, last in met_for(first_due, last_due, on)
            for contact in unit.tending.contacts_between(first, last, kinds=DEBT_KINDS)
            if creates_debt(contact)
        ]
        if debts:
            people = {contact.person_id for contact in debts}
            since = min(contact.on for contact in debts)
            closing = unit.tending.contacts_of(people, since, on, kinds=CLOSING_KINDS)
            found.extend(due for due in owed_actions(debts + closing, on) if first_due <= due[2] <= last_due)
            found.sort(key=OWED_ORDER)
            enough = first_owed(found, on, snoozed=holds, dismissed=gone)
            if enough is not None:
                return enough
    return found


def _require_person(unit: Unit, person_id: int) -> None:
    if not unit.people.exists(person_id):
        raise NotFound(NO_SUCH_PERSON(id=person_id))


MOST_SNOOZED_AT_ONCE = 50  # Today's whole list


@dataclass(frozen=True, slots=True)
class Snoozed:
    """Someone kept off Today: who, and the last day of the snooze."""

    person_id: int
    name: str
    until: date

    def to_dict(self) -> dict[str, Any]:
        return {"person_id": self.person_id, "name": self.name, "until": self.until.isoformat()}


def _chosen(person_ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(person_ids))
    if not wanted:
        raise InputRefused(refusals.CHOOSE_PEOPLE(), field="person_ids")
    if len(wanted) > MOST_SNOOZED_AT_ONCE:
        raise InputRefused(refusals.TOO_MANY_CHOSEN(most=MOST_SNOOZED_AT_ONCE), field="person_ids")
    return wanted


def _names_of(unit: Unit, person_ids: Sequence[int]) -> dict[int, str]:
    """The names of these people; NotFound names the first one not in this network."""
    found = unit.people.get_many(person_ids)
    for person_id in person_ids:
        if person_id not in found:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
    return {person_id: found[person_id].display_name for person_id in person_ids}


def snooze(network: Network, person_id: int, until: date, *, on: date | None = None) -> Snoozed:
    """Hide a person from Today through ``until`` (inclusive); a later snooze replaces an earlier one."""
    (snoozed,) = snooze_many(network, [person_id], until, on=on)
    return snoozed


def snooze_many(
    network: Network, person_ids: Sequence[int], until: date, *, on: date | None = None
) -> list[Snoozed]:
    """Hide several people from Today through ``until``, all in one transaction: an id not in this
    network snoozes no one."""
    if until < (on or date.today()):
        raise InputRefused(refusals.SNOOZE_IN_PAST(day=until.isoformat()), field="--until")
    wanted = _chosen(person_ids)
    with network.writing() as unit:
        names = _names_of(unit, wanted)
        for person_id in wanted:
            unit.tending.snooze(person_id, until)
    return [Snoozed(person_id, names[person_id], until) for person_id in wanted]


def end_snooze(network: Network, person_ids: Sequence[int]) -> list[int]:
    """End these people's snoozes now (early, or to undo one): they are back on Today when due.
    Returns those who had one; an id not in this network ends no snooze."""
    wanted = _chosen(person_ids)
    with network.writing() as unit:
        _names_of(unit, wanted)
        return unit.tending.end_snoozes(wanted)


def dismiss(network: Network, person_id: int, reason: str, due: date) -> None:
    """Hide one Today item for good (the person's next item still shows)."""
    _check_reason(reason)
    with network.writing() as unit:
        _require_person(unit, person_id)
        unit.tending.dismiss(person_id, reason, due)


def undismiss(network: Network, person_id: int, reason: str, due: date) -> bool:
    """Bring a dismissed Today item back (the undo of ``dismiss``); False when it was not dismissed."""
    _check_reason(reason)
    with network.writing() as unit:
        _require_person(unit, person_id)
        return unit.tending.undismiss(person_id, reason, due)


def _check_reason(reason: str) -> None:
    if reason not in REASONS:
        raise InputRefused(
            refusals.UNKNOWN_REASON(reason=repr(reason), choices=", ".join(codes())), field="reason"
        )


class TodayStatus(enum.StrEnum):
    """Where a person stands with Today, as their page shows it."""

    DUE = "due"  # on Today's list now (or would be, were the list longer)
    SNOOZED = "snoozed"  # kept off it through ``snoozed_until``
    DISMISSED = "dismissed"  # their item was dismissed; the next one will show
    LATER = "later"  # due on ``next_due``
    DORMANT = "dormant"  # no rhythm: never due


@dataclass(frozen=True, slots=True)
class Standing:
    """A person's give/ask ledger, when they are next due, and where they stand with Today."""

    ledger: dict[str, int]
    next_due: date | None
    today: TodayStatus = TodayStatus.LATER
    snoozed_until: date | None = None


def standing_in(unit: Unit, person_id: int, *, on: date | None = None) -> Standing:
    """A person's ledger, next due day and Today status within a transaction; NotFound when not in this
    network."""
    on = on or date.today()
    person = unit.tending.one(person_id, on)
    if person is None:
        raise NotFound(NO_SUCH_PERSON(id=person_id))
    settings = tending_in(unit)
    due = next_due(person.tier, person.every_days, person.last_contact, person.added_on, settings)
    listed = unit.tending.reconnect_since().get(person_id)
    reconnecting = listed is not None and (person.last_contact is None or person.last_contact < listed)
    if reconnecting:
        due = listed
    snoozed_until = unit.tending.snooze_of(person_id, on)
    if snoozed_until is not None:
        status = TodayStatus.SNOOZED
    elif due is None:
        status = TodayStatus.DORMANT
    elif due > on:
        status = TodayStatus.LATER
    elif any(day == due for _reason, day in unit.tending.dismissed_of(person_id)):
        status = TodayStatus.DISMISSED
    else:
        status = TodayStatus.DUE
    return Standing(
        ledger=unit.tending.ledger_of(person_id), next_due=due, today=status, snoozed_until=snoozed_until
    )


def standing_of(network: Network, person_id: int) -> Standing:
    """A person's give/ask ledger and the day they are next due (None when dormant)."""
    with network.reading() as unit:
        return standing_in(unit, person_id)


@dataclass(frozen=True, slots=True)
class LosingTouch:
    """Someone well past their rhythm: how long since the last contact, against how often."""

    person_id: int
    name: str
    tier: Tier
    days_since: int
    rhythm: int
    last_contact: date | None


def losing_touch(
    network: Network, on: date | None = None, *, settings: TendingSettings | None = None, limit: int = 100
) -> list[LosingTouch]:
    """People drifting away (twice their rhythm, or a close person overdue), the furthest gone first."""
    on = on or date.today()
    with network.reading() as unit:
        settings = settings or tending_in(unit)
        # The furthest gone of a tier are its longest untended, so each tier's ``limit`` longest
        # untended (and everyone with a rhythm of their own) hold the whole answer: the rest of the
        # network is never read.
        people_now = unit.tending.today_candidates(on, settings, wanted=limit)
    found = []
    for person in people_now:
        where = rhythm_standing(
            person.person_id,
            person.tier,
            person.every_days,
            person.last_contact,
            person.added_on,
            settings,
            on,
        )
        if where is not None and is_losing_touch(where, person.tier):
            found.append(
                (
                    -where.overdue_ratio,
                    LosingTouch(
                        person.person_id,
                        person.name,
                        person.tier,
                        where.days_since,
                        where.rhythm,
                        person.last_contact,
                    ),
                )
            )
    found.sort(key=lambda pair: (pair[0], pair[1].name.casefold()))
    return [item for _ratio, item in found[:limit]]
