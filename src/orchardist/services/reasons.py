"""Today's reasons, one spec each: what the reason is called, what logging closes it, the sentence saying
why and the action suggested, and the message drafted for it.

The rules that find the built-in reasons live in ``orchardist.domain.tending``; a reason added here may
bring its own ``rule`` (run for each person Today considers). Everything that shows a reason — the Today
page and its cards, ``today --json``, the API's reason codes, the reminders calendar, the digest and the
"Draft a message" page — reads this table, so a new reason is one entry here plus its translations.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from orchardist.domain.holidays import BY_CODE
from orchardist.domain.messages import N_
from orchardist.domain.offers import Suggestion
from orchardist.domain.people import Person
from orchardist.domain.tending import Occasion, Reason, Rule, TodayItem

if TYPE_CHECKING:
    from orchardist.store.unit import Unit

Translate = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class DraftFor:
    """What a drafted message may draw on: the person, an offer to make, which occasion it is for."""

    person: Person
    suggestion: Suggestion | None = None
    occasion: str = ""
    holiday: str = ""


Words = Callable[[TodayItem, Translate], tuple[str, str]]
Draft = Callable[[DraftFor, Translate], tuple[str, list[str]]]


@dataclass(frozen=True, slots=True)
class ReasonSpec:
    """One reason someone is on Today's list.

    ``label`` is marked for the catalogue and translated where shown; ``log_kind`` is the kind of
    interaction the log form starts with, the one that closes the item; ``words`` gives the sentence
    saying why and the suggested action; ``draft`` the subject and paragraphs of a message for it;
    ``offers_first`` whether the draft offers one of the user's offers; ``rule`` finds items of a
    reason the domain's rules do not know, among the people Today reads (those who may be due or have
    an occasion) and those its ``candidates`` name.
    """

    code: str
    label: str
    log_kind: str
    words: Words
    draft: Draft
    offers_first: bool = False
    rule: Rule | None = None
    candidates: Callable[[Unit, date], Collection[int]] | None = None


# Why and what to do ----------------------------------------------------------------------------


def _thank_you_words(item: TodayItem, _: Translate) -> tuple[str, str]:
    why = _("You met or were helped on %(day)s; a thank-you is due by %(due)s.") % {
        "day": item.detail["met_on"],
        "due": item.due.isoformat(),
    }
    return why, _("Send a thank-you note, then log it as a thank-you.")


def _follow_up_words(item: TodayItem, _: Translate) -> tuple[str, str]:
    why = _("You met on %(day)s; a follow-up was due on %(due)s.") % {
        "day": item.detail["met_on"],
        "due": item.due.isoformat(),
    }
    return why, _("Follow up: say what you did with their advice, then log it as a follow-up.")


def _occasion_words(item: TodayItem, _: Translate) -> tuple[str, str]:
    occasion = item.detail.get("occasion")
    when = item.due.isoformat()
    if occasion == Occasion.BIRTHDAY:
        return _("Their birthday is on %(day)s.") % {"day": when}, _("Send a short birthday note.")
    if occasion == Occasion.WORK_ANNIVERSARY:
        return (
            _("%(years)s years at their organisation on %(day)s.")
            % {"years": item.detail["years"], "day": when},
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


def _overdue_words(item: TodayItem, _: Translate) -> tuple[str, str]:
    if item.detail.get("never_contacted"):
        return (
            _("No contact logged in the %(days)s days since you added them.")
            % {"days": item.detail["days_since"]},
            _("Say hello: a short note, a question about their work, or an article they would like."),
        )
    return (
        _("%(days)s days since your last contact; you aim for every %(rhythm)s days.")
        % {"days": item.detail["days_since"], "rhythm": item.detail["rhythm"]},
        _("Get in touch: a short note, a question about their work, or an article they would like."),
    )


def _reconnect_words(item: TodayItem, _: Translate) -> tuple[str, str]:
    return (
        _("On your reconnect list; %(days)s days since your last contact.")
        % {"days": item.detail["days_since"]},
        _("Reconnect with a friendly note that asks for nothing."),
    )


def _give_first_words(item: TodayItem, _: Translate) -> tuple[str, str]:
    return (
        _("Due for a contact, and so far you have only asked (%(asked)s times).")
        % {"asked": item.detail["asked"]},
        _("Give first: share an article, an introduction or a lead before any ask."),
    )


# Drafts ----------------------------------------------------------------------------------------


def _thank_you_draft(_for: DraftFor, _: Translate) -> tuple[str, list[str]]:
    return _("Thank you"), [
        _("Thank you again for your time and your help. I really appreciated it."),
        _("I will let you know how things go."),
    ]


def _follow_up_draft(_for: DraftFor, _: Translate) -> tuple[str, list[str]]:
    return _("Following up"), [
        _(
            "I wanted to follow up on our conversation. I have put your advice to work, "
            "and it has helped me move forward."
        ),
        _("Thank you again. If I can ever return the favour, I would be glad to."),
    ]


def _occasion_draft(drafted: DraftFor, _: Translate) -> tuple[str, list[str]]:
    organisation = drafted.person.organisation.strip()
    occasion, holiday = drafted.occasion, drafted.holiday
    if occasion == Occasion.BIRTHDAY:
        return _("Happy birthday"), [
            _("Happy birthday! I hope you have a wonderful day and a great year ahead.")
        ]
    if occasion == Occasion.WORK_ANNIVERSARY:
        text = (
            _("Congratulations on your work anniversary at %(organisation)s!")
            % {"organisation": organisation}
            if organisation
            else _("Congratulations on your work anniversary!")
        )
        return _("Congratulations"), [text, _("I hope the year ahead brings you projects you enjoy.")]
    if occasion == Occasion.NEW_JOB:
        text = (
            _("Congratulations on your new role at %(organisation)s!") % {"organisation": organisation}
            if organisation
            else _("Congratulations on your new role!")
        )
        return _("Congratulations"), [text, _("I hope the new job is off to a great start.")]
    if occasion == Occasion.HOLIDAY and holiday in BY_CODE:
        return _("Warm wishes"), [
            _("With %(holiday)s here, I wanted to send you my warmest wishes.")
            % {"holiday": _(BY_CODE[holiday].name)},
            _("I hope you enjoy it with the people you care about."),
        ]
    return _("Warm wishes"), [_("You came to mind today, and I wanted to send you my warm wishes.")]


def _overdue_draft(drafted: DraftFor, _: Translate) -> tuple[str, list[str]]:
    organisation = drafted.person.organisation.strip()
    question = (
        _(
            "How are things going at %(organisation)s? "  # the second sentence follows
            "I would love to hear what you are working on these days."
        )
        % {"organisation": organisation}
        if organisation
        else _("How are things going? I would love to hear what you are working on these days.")
    )
    return _("Hello"), [
        _("It has been a while since we were last in touch, and I wanted to say hello."),
        question,
    ]


def _reconnect_draft(_for: DraftFor, _: Translate) -> tuple[str, list[str]]:
    return _("Hello"), [
        _(
            "It has been a long time since we were in touch, and you came to mind today. "
            "I hope all is well with you."
        ),
        _("No need to reply: I simply wanted to say hello and wish you well."),
    ]


def _give_first_draft(drafted: DraftFor, _: Translate) -> tuple[str, list[str]]:
    suggestion = drafted.suggestion
    if suggestion is None:
        return _("Hello"), [
            _(
                "I wanted to get in touch and see whether I can be of help to you: an introduction, "
                "an article, or a hand with something you are working on."
            ),
            _("If anything comes to mind, just say so. There is nothing you need to do in return."),
        ]
    if suggestion.need:
        opening = _(
            "You mentioned that you could use help with “%(need)s”. "
            "I can offer “%(offer)s”, and I would be glad to help."
        )
    else:
        opening = _("I thought of you and wanted to offer something that might be useful: “%(offer)s”.")
    return _("Hello"), [
        opening % {"need": suggestion.need, "offer": suggestion.offer.text},
        _("If that would be useful, just say so. There is nothing you need to do in return."),
    ]


# The table -------------------------------------------------------------------------------------

REASONS: dict[str, ReasonSpec] = {
    spec.code: spec
    for spec in (
        ReasonSpec(
            Reason.THANK_YOU_OWED, N_("Thank-you owed"), "thank_you", _thank_you_words, _thank_you_draft
        ),
        ReasonSpec(
            Reason.FOLLOW_UP_DUE, N_("Follow-up due"), "follow_up", _follow_up_words, _follow_up_draft
        ),
        ReasonSpec(Reason.OCCASION, N_("Occasion"), "greeting", _occasion_words, _occasion_draft),
        ReasonSpec(Reason.OVERDUE, N_("Time to reach out"), "message", _overdue_words, _overdue_draft),
        ReasonSpec(Reason.RECONNECT, N_("Reconnect"), "message", _reconnect_words, _reconnect_draft),
        ReasonSpec(
            Reason.GIVE_BEFORE_ASK,
            N_("Give before you ask"),
            "article",
            _give_first_words,
            _give_first_draft,
            offers_first=True,
        ),
    )
}
"""Every reason, in the order the reminders and the digest list them."""


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


def extra_candidates(unit: Unit, on: date) -> set[int]:
    """The people the added reasons want Today to consider, beside those it reads anyway."""
    found: set[int] = set()
    for spec in REASONS.values():
        if spec.candidates is not None:
            found.update(spec.candidates(unit, on))
    return found
