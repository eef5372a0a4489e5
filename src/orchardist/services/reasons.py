"""Today's reasons, one spec each: what the reason is called, what logging closes it, the sentence saying
why and the action suggested, and the message drafted for it.

The rules that find the built-in reasons live in ``orchardist.domain.tending``; a reason added here may
bring its own ``rule`` (run for each person Today considers). Everything that shows a reason — the Today
page and its cards, ``today --json``, the API's reason codes, the reminders calendar, the digest and the
"Write a message" links — reads this table, so a new reason is one entry here plus its translations.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from orchardist.domain.groups import FOLLOW_UP_WINDOW, follow_up_due, follow_up_owed
from orchardist.domain.holidays import BY_CODE
from orchardist.domain.messages import N_, Speech
from orchardist.domain.tending import OWED, Occasion, Reason, Rule, TodayItem

if TYPE_CHECKING:
    from orchardist.store.unit import Unit

Translate = Callable[[str], str]


Words = Callable[[TodayItem, Speech], tuple[str, str]]


@dataclass(frozen=True, slots=True)
class ReasonSpec:
    """One reason someone is on Today's list.

    ``label`` is marked for the catalogue and translated where shown; ``log_kind`` is the kind of
    interaction the log form starts with, the one that closes the item; ``words`` gives the sentence
    saying why and the suggested action; ``draft`` the subject and paragraphs of a message for it;
    ``offers_first`` whether the draft offers one of the user's offers; ``rule`` finds items of a
    reason the domain's rules do not know, among the people Today reads (those who may be due or have
    an occasion) and those its ``candidates`` name; ``items`` reads a reason's items itself, given the
    day and the last day wanted (``items(unit, on, until)``: those due by ``until``, owed as of ``on``).
    """

    code: str
    label: str
    log_kind: str
    words: Words
    template: str
    rule: Rule | None = None
    candidates: Callable[[Unit, date], Collection[int]] | None = None
    items: Callable[[Unit, date, date], Sequence[TodayItem]] | None = None


# Why and what to do ----------------------------------------------------------------------------
# Each is given a Speech: the page's language, its plurals and its way of writing a day.


def _met_on(item: TodayItem) -> date:
    return date.fromisoformat(str(item.detail["met_on"]))


def _thank_you_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    why = _("You met or were helped on %(day)s; a thank-you is due by %(due)s.") % {
        "day": _.day(_met_on(item)),
        "due": _.day(item.due),
    }
    return why, _("Send a thank-you note, then log it as a thank-you.")


def _follow_up_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    why = _("You met on %(day)s; a follow-up was due on %(due)s.") % {
        "day": _.day(_met_on(item)),
        "due": _.day(item.due),
    }
    return why, _("Follow up: say what you did with their advice, then log it as a follow-up.")


def _occasion_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    occasion = item.detail.get("occasion")
    when = _.day(item.due)
    if occasion == Occasion.BIRTHDAY:
        return _("Their birthday is on %(day)s.") % {"day": when}, _("Send a short birthday note.")
    if occasion == Occasion.WORK_ANNIVERSARY:
        years = int(item.detail["years"])
        return (
            _.ngettext(
                "%(num)s year at their organisation on %(day)s.",
                "%(num)s years at their organisation on %(day)s.",
                years,
            )
            % {"num": years, "day": when},
            _("Congratulate them on the anniversary."),
        )
    if occasion == Occasion.NEW_JOB:
        return (
            _("A new job at %(organisation)s, seen on %(day)s.")
            % {"organisation": item.detail.get("organisation") or _("a new organisation"), "day": when},
            _("Congratulate them on the new role; ask for nothing."),
        )
    name = BY_CODE[str(item.detail["holiday"])].name
    return _("%(holiday)s is on %(day)s.") % {"holiday": _(name), "day": when}, _("Send a greeting.")


def _since(item: TodayItem, _: Speech) -> str:
    days = int(item.detail["days_since"])
    return _.ngettext("%(num)s day since your last contact", "%(num)s days since your last contact", days) % {
        "num": days
    }


def _overdue_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    days = int(item.detail["days_since"])
    if item.detail.get("never_contacted"):
        return (
            _.ngettext(
                "No contact logged in the %(num)s day since you added them.",
                "No contact logged in the %(num)s days since you added them.",
                days,
            )
            % {"num": days},
            _("Say hello: a short note, a question about their work, or an article they would like."),
        )
    every = int(item.detail["rhythm"])
    rhythm = _.ngettext(
        "you aim for a contact every %(num)s day", "you aim for a contact every %(num)s days", every
    ) % {"num": every}
    return (
        _("%(since)s; %(rhythm)s.") % {"since": _since(item, _), "rhythm": rhythm},
        _("Get in touch: a short note, a question about their work, or an article they would like."),
    )


def _reconnect_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    if item.detail.get("never_contacted"):
        why = _("On your reconnect list; no contact logged yet.")
    else:
        why = _("On your reconnect list; %(since)s.") % {"since": _since(item, _)}
    return (
        why,
        _("Reconnect with a friendly note that asks for nothing."),
    )


def _give_first_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    asked = int(item.detail["asked"])
    return (
        _.ngettext(
            "Due for a contact, and so far you have only asked (%(num)s time).",
            "Due for a contact, and so far you have only asked (%(num)s times).",
            asked,
        )
        % {"num": asked},
        _("Give first: share an article, an introduction or a lead before any ask."),
    )


def _lead_step_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    what = str(item.detail.get("role") or "")
    organisation = str(item.detail.get("organisation") or "")
    lead = " — ".join(part for part in (what, organisation) if part)
    why = _("They told you of a lead (%(lead)s); its next step was due on %(due)s.") % {
        "lead": lead,
        "due": _.day(item.due),
    }
    step = str(item.detail.get("step") or "")
    if step:
        return why, _("Next step: %(step)s") % {"step": step}
    return why, _("Take the lead's next step, and tell them how it went.")


def _lead_steps(unit: Unit, on: date, until: date) -> list[TodayItem]:
    """The leads whose next step is due, under the person each came from."""
    due = [lead for lead in unit.leads.steps_due(until) if lead.source_person_id is not None]
    names = unit.leads.known(lead.source_person_id for lead in due if lead.source_person_id)
    found = []
    for lead in due:
        assert lead.source_person_id is not None and lead.next_step_on is not None and lead.id is not None
        known = names.get(lead.source_person_id)
        if known is not None:
            found.append(
                TodayItem(
                    lead.source_person_id,
                    known.name,
                    Reason.LEAD_NEXT_STEP,
                    lead.next_step_on,
                    {
                        "lead_id": lead.id,
                        "organisation": lead.organisation,
                        "role": lead.role,
                        "step": lead.next_step,
                    },
                    (OWED, float(lead.next_step_on.toordinal()), known.name.casefold()),
                )
            )
    return found


def _event_words(item: TodayItem, _: Speech) -> tuple[str, str]:
    why = _("You met at %(event)s on %(day)s; a follow-up is owed.") % {
        "event": item.detail.get("event", ""),
        "day": _.day(date.fromisoformat(str(item.detail["met_on"]))),
    }
    return why, _("Follow up: a short note recalling what you talked about, then log it as a follow-up.")


def _event_follow_ups(unit: Unit, on: date, until: date) -> list[TodayItem]:
    """Everyone met at a recent event whom the user has not been in touch with since."""
    found = []
    for event_id, name, event_on, person_id, person, last_contact in unit.groups.follow_ups(
        on - FOLLOW_UP_WINDOW, until
    ):
        due = follow_up_due(event_on)
        if due <= until and follow_up_owed(event_on, last_contact, max(on, due)):
            found.append(
                TodayItem(
                    person_id,
                    person,
                    Reason.EVENT_FOLLOW_UP,
                    due,
                    {"event_id": event_id, "event": name, "met_on": event_on.isoformat()},
                    (OWED, float(due.toordinal()), person.casefold()),
                )
            )
    return found


# The table -------------------------------------------------------------------------------------

REASONS: dict[str, ReasonSpec] = {
    spec.code: spec
    for spec in (
        ReasonSpec(Reason.THANK_YOU_OWED, N_("Thank-you owed"), "thank_you", _thank_you_words, "thank-you"),
        ReasonSpec(Reason.FOLLOW_UP_DUE, N_("Follow-up due"), "follow_up", _follow_up_words, "follow-up"),
        ReasonSpec(Reason.OCCASION, N_("Occasion"), "greeting", _occasion_words, "greeting"),
        ReasonSpec(Reason.OVERDUE, N_("Time to reach out"), "message", _overdue_words, "check-in"),
        ReasonSpec(Reason.RECONNECT, N_("Reconnect"), "message", _reconnect_words, "reconnect"),
        ReasonSpec(
            Reason.GIVE_BEFORE_ASK,
            N_("Give before you ask"),
            "article",
            _give_first_words,
            "offer-help",
        ),
        ReasonSpec(
            Reason.LEAD_NEXT_STEP,
            N_("Next step due"),
            "follow_up",
            _lead_step_words,
            "follow-up",
            items=_lead_steps,
        ),
        ReasonSpec(
            Reason.EVENT_FOLLOW_UP,
            N_("Follow up after an event"),
            "follow_up",
            _event_words,
            "follow-up",
            items=_event_follow_ups,
        ),
    )
}
"""Every reason, in the order the reminders and the digest list them."""


def template_for(code: str, occasion: str = "") -> str:
    """The template a reason's message starts with: a new job's occasion is a congratulation."""
    if code == Reason.OCCASION and occasion == Occasion.NEW_JOB:
        return "congratulation"
    return REASONS[code].template


def reason(code: str) -> ReasonSpec | None:
    """The spec of reason ``code``, or None for a code no reason has."""
    return REASONS.get(code)


def codes() -> tuple[str, ...]:
    """Every reason's code, in the table's order."""
    return tuple(REASONS)


def labels(_: Translate) -> dict[str, str]:
    """Each reason's label in the language of ``_``, by code."""
    return {code: _(spec.label) for code, spec in REASONS.items()}


def extra_rules() -> tuple[Rule, ...]:
    """The rules of the reasons the domain does not find by itself."""
    return tuple(spec.rule for spec in REASONS.values() if spec.rule is not None)


def extra_items(unit: Unit, on: date, until: date | None = None) -> list[TodayItem]:
    """The items the added reasons read themselves: due by ``until`` (``on`` by default), owed on ``on``."""
    found: list[TodayItem] = []
    for spec in REASONS.values():
        if spec.items is not None:
            found.extend(spec.items(unit, on, until or on))
    return found


def extra_candidates(unit: Unit, on: date) -> set[int]:
    """The people the added reasons want Today to consider, beside those it reads anyway."""
    found: set[int] = set()
    for spec in REASONS.values():
        if spec.candidates is not None:
            found.update(spec.candidates(unit, on))
    return found
