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

from orchardist.domain.names import split_display_name
from orchardist.domain.offers import Suggestion
from orchardist.domain.people import Person
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import reasons, refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.offers import suggestions_for
from orchardist.services.reasons import DraftFor

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Draft:
    """A message to copy: to whom, why, its subject and body, and a ``mailto:`` link when possible."""

    person_id: int
    name: str
    addressed_to: str
    reason: str
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
    spec = reasons.reason(reason)
    if spec is None:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(reasons.codes())), field="reason")
    with network.reading() as unit:
        person = unit.people.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id))
        offered = unit.offers.all() if spec.offers_first else []
    suggestion = None
    if spec.offers_first:
        suggestions = suggestions_for(offered, person.could_use_help_with)
        suggestion = suggestions[0] if suggestions else None
    subject, paragraphs = spec.draft(DraftFor(person, suggestion, occasion, holiday), _)
    name = addressed_to(person)
    body = "\n\n".join([_("Hi %(name)s,") % {"name": name}, *paragraphs, _("Best wishes,")])
    return Draft(
        person_id=person_id,
        name=person.display_name,
        addressed_to=name,
        reason=spec.code,
        subject=subject,
        body=body,
        email=person.emails[0] if person.emails else "",
        suggestion=suggestion,
    )
