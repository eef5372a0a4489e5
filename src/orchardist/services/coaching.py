"""The networking coach's checker: a message read against what the network knows of its recipient.

``check_message`` is ``orchardist coach check`` and ``POST /api/v1/coach/check``: it gathers the
recipient (their name, what is known of them, the give/ask ledger and an offer that meets one of their
needs) in one read transaction, and runs every rule of ``orchardist.coach.rules.RULES`` over the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from orchardist.coach.checker import check
from orchardist.coach.findings import Finding, MessageContext, Recipient
from orchardist.coach.rules import BY_ID
from orchardist.coach.wording import NOTHING_TO_CHECK
from orchardist.domain.discretion import Workplace
from orchardist.domain.interactions import Direction
from orchardist.domain.limits import text_problem
from orchardist.domain.messages import Translate
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.discretion import about_me_in, flag_of
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.services.offers import suggestions_for
from orchardist.store.unit import Unit

LANGUAGES = ("en", "fr")
MAX_MESSAGE = 20_000
"""The longest message checked, in characters (a long e-mail is a tenth of it)."""
RECENT_DAYS = 90
"""How far back "recent" gives and asks go."""


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class CheckView:
    """What a check found in a message, in the order it appears; ``recipient`` is who it goes to, as
    the rules saw them (None when not given)."""

    findings: list[Finding]
    recipient: Recipient | None
    lang: str

    def to_dict(self, translate: Translate | None = None) -> dict[str, Any]:
        """``{"findings": [...]}``, each finding's ``message`` and ``suggestion`` worded by
        ``translate`` (a gettext function; English when None)."""
        return {"findings": [finding.to_dict(translate) for finding in self.findings]}


def check_message(
    network: Network, text: str, *, to: int | None = None, sender: str = "", lang: str = "en"
) -> CheckView:
    """Check ``text`` before it is sent ``to`` a person of the network (or to no one in particular)
    from the address ``sender``, in ``lang`` (``en`` or ``fr``).

    Refused (InputRefused naming ``text`` or ``lang``) when the text is empty, too long or not valid
    Unicode, or the language unknown; NotFound when ``to`` is not in this network.
    """
    _checkable(text, lang)
    with network.reading() as unit:
        return checked_in(unit, text, to=to, sender=sender, lang=lang, on=date.today())


def _checkable(text: str, lang: str) -> None:
    if lang not in LANGUAGES:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(LANGUAGES)), field="lang")
    problem = text_problem(text, MAX_MESSAGE)
    if problem is not None:
        raise InputRefused(problem, field="text")
    if not text.strip():
        raise InputRefused(NOTHING_TO_CHECK(), field="text")


def context_in(
    unit: Unit, text: str, *, to: int | None, sender: str = "", lang: str = "en", on: date
) -> MessageContext:
    """What the rules read: the message, who it goes to as the network knows them, the address it is
    sent from, and the user's job-search mode and work domains (About me). NotFound naming ``to``."""
    about = about_me_in(unit)
    recipient, first_message = None, False
    if to is not None:
        try:
            recipient, first_message = recipient_in(unit, to, on=on, workplace=Workplace.of(about))
        except NotFound as missing:
            raise NotFound(missing.message, field="to") from None
    return MessageContext(
        text=text,
        lang=lang,
        first_message=first_message,
        recipient=recipient,
        sender=sender,
        search_mode=about.search_mode,
        work_domains=about.work_domains,
    )


def checked_in(
    unit: Unit, text: str, *, to: int | None, sender: str = "", lang: str = "en", on: date
) -> CheckView:
    """``check_message`` within a transaction, for a text already known to be fit to check."""
    context = context_in(unit, text, to=to, sender=sender, lang=lang, on=on)
    return CheckView(findings=check(context), recipient=context.recipient, lang=lang)


def recipient_in(
    unit: Unit, person_id: int, *, on: date, workplace: Workplace | None = None
) -> tuple[Recipient, bool]:
    """The person as the checker sees them, and whether a message to them would be the first (no
    contact logged yet), flagged as a co-worker by ``workplace`` (read from About me when not given).
    Gives count what was given and what was mutual (both gave); "recent" is the
    ``RECENT_DAYS`` days up to ``on``. NotFound when they are not in this network."""
    person = unit.people.get(person_id)
    balance = unit.offers.balance_of(person_id)
    if person is None or balance is None:
        raise NotFound(NO_SUCH_PERSON(id=person_id))
    timeline = unit.interactions.for_person(person_id)
    since = on - timedelta(days=RECENT_DAYS)
    recent = [interaction.direction for interaction in timeline if since <= interaction.on <= on]
    offers = [
        suggestion for suggestion in suggestions_for(unit.offers.all(), balance.needs) if suggestion.need
    ]
    context = (
        person.organisation,
        person.how_met,
        person.where_met,
        *person.interests,
        timeline[0].summary if timeline else "",
    )
    flag = flag_of(workplace or Workplace.of(about_me_in(unit)), person)
    recipient = Recipient(
        display_name=person.display_name,
        given_name=person.given_name,
        context=tuple(item for item in context if item.strip()),
        gives=balance.gave + balance.mutual,
        asks=balance.asked,
        recent_gives=sum(direction in (Direction.GAVE, Direction.MUTUAL) for direction in recent),
        recent_asks=sum(direction is Direction.ASKED for direction in recent),
        offer=offers[0].offer.text if offers else "",
        coworker=None if flag.maybe else flag.certain,
        knows_search=person.knows_search,
    )
    return recipient, not timeline


def mend(
    network: Network,
    text: str,
    *,
    rule: str,
    start: int,
    end: int,
    to: int | None = None,
    sender: str = "",
    lang: str = "en",
    _: Translate = _same,
) -> str:
    """``text`` with the suggestion of its finding ``rule`` at ``start``–``end`` applied (in the
    language of ``_``): the "apply" button of the Write a message page. The message comes back as it
    was when the finding is no longer there or its rule cannot apply it by itself."""
    _checkable(text, lang)
    spec = BY_ID.get(rule)
    if spec is None or spec.fix is None:
        return text
    with network.reading() as unit:
        context = context_in(unit, text, to=to, sender=sender, lang=lang, on=date.today())
    for finding in check(context):
        if (finding.rule, finding.start, finding.end) == (rule, start, end):
            return spec.fix(context, finding, _) or text
    return text
