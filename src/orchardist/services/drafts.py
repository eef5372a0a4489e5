"""Ready-to-copy short messages for Today's reasons, in the user's language.

Rules the words keep (each has a test):

- Addressed by the person's given name (or the first part of their name), signed by nobody: the user
  adds their own name.
- A **reconnect** message asks for nothing at all: no favour, no advice, not even a reply.
- A **give-before-ask** message offers something: the user's offer that meets one of the person's needs
  when there is one (naming the need), else the user's first offer, else a general offer of help.
- The subject is neutral ("Hello", "Thank you"): it may show on a screen someone else can see.
- Nothing is sent. The page shows the text to copy, and a ``mailto:`` link that opens the user's own
  mail program when the person has an e-mail address.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from orchardist.domain.holidays import BY_CODE
from orchardist.domain.names import split_display_name
from orchardist.domain.offers import Suggestion
from orchardist.domain.people import Person
from orchardist.domain.tending import Occasion, Reason
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.offers import suggestions_for

Translate = Callable[[str], str]
REASONS = tuple(reason.value for reason in Reason)


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Draft:
    """A message to copy: to whom, why, its subject and body, and a ``mailto:`` link when possible."""

    person_id: int
    name: str
    addressed_to: str
    reason: Reason
    subject: str
    body: str
    email: str = ""
    suggestion: Suggestion | None = None

    @property
    def mailto(self) -> str:
        """A link that opens the user's mail program with the message filled in; "" without an address."""
        if not self.email:
            return ""
        return (
            f"mailto:{quote(self.email, safe='@')}"
            f"?subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        )


def addressed_to(person: Person) -> str:
    """The name a message opens with: the given name, else the first part of the whole name."""
    return person.given_name.strip() or split_display_name(person.display_name)[0] or person.display_name


def _occasion(person: Person, occasion: str, holiday: str, _: Translate) -> tuple[str, list[str]]:
    organisation = person.organisation.strip()
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


def _give(suggestion: Suggestion | None, _: Translate) -> list[str]:
    if suggestion is None:
        return [
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
    return [
        opening % {"need": suggestion.need, "offer": suggestion.offer.text},
        _("If that would be useful, just say so. There is nothing you need to do in return."),
    ]


def _words(
    person: Person, reason: Reason, suggestion: Suggestion | None, occasion: str, holiday: str, _: Translate
) -> tuple[str, list[str]]:
    """The subject and the paragraphs between the greeting and the closing."""
    organisation = person.organisation.strip()
    if reason is Reason.THANK_YOU_OWED:
        return _("Thank you"), [
            _("Thank you again for your time and your help. I really appreciated it."),
            _("I will let you know how things go."),
        ]
    if reason is Reason.FOLLOW_UP_DUE:
        return _("Following up"), [
            _(
                "I wanted to follow up on our conversation. I have put your advice to work, "
                "and it has helped me move forward."
            ),
            _("Thank you again. If I can ever return the favour, I would be glad to."),
        ]
    if reason is Reason.OCCASION:
        return _occasion(person, occasion, holiday, _)
    if reason is Reason.RECONNECT:
        return _("Hello"), [
            _(
                "It has been a long time since we were in touch, and you came to mind today. "
                "I hope all is well with you."
            ),
            _("No need to reply: I simply wanted to say hello and wish you well."),
        ]
    if reason is Reason.GIVE_BEFORE_ASK:
        return _("Hello"), _give(suggestion, _)
    question = (
        _(
            "How are things going at %(organisation)s? "
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


def draft(
    network: Network,
    person_id: int,
    reason: str,
    *,
    occasion: str = "",
    holiday: str = "",
    _: Translate = _identity,
) -> Draft:
    """A short message to ``person_id`` for a Today ``reason``, in the language of ``_``.

    ``occasion`` (birthday, work_anniversary, new_job, holiday) and ``holiday`` (a holiday code) say which
    occasion an ``occasion`` draft is for; an unknown one gets general warm wishes. InputRefused for an
    unknown reason, NotFound when the person is not in this network.
    """
    if reason not in REASONS:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(REASONS)), field="reason")
    chosen = Reason(reason)
    with network.reading() as unit:
        person = unit.people.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        offered = unit.offers.all() if chosen is Reason.GIVE_BEFORE_ASK else []
    suggestion = None
    if chosen is Reason.GIVE_BEFORE_ASK:
        suggestions = suggestions_for(offered, person.could_use_help_with)
        suggestion = suggestions[0] if suggestions else None
    subject, paragraphs = _words(person, chosen, suggestion, occasion, holiday, _)
    name = addressed_to(person)
    body = "\n\n".join([_("Hi %(name)s,") % {"name": name}, *paragraphs, _("Best wishes,")])
    return Draft(
        person_id=person_id,
        name=person.display_name,
        addressed_to=name,
        reason=chosen,
        subject=subject,
        body=body,
        email=person.emails[0] if person.emails else "",
        suggestion=suggestion,
    )
