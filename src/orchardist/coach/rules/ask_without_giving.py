"""``ask-without-giving``: the message asks something (advice, an introduction, information, a favour,
or openings) of someone the ledger shows the writer has not given to (``Recipient.gives == 0``), or
has lately asked more often than given. Networking is a two-way street: give first, then ask.

A warning when all the ledger holds with them are asks; advice when it holds nothing yet, or when
recent asks outnumber recent gives. The suggestion names an offer of the writer's that meets one of
their needs, when there is one (``Recipient.offer``)."""

from __future__ import annotations

from collections.abc import Iterator

from orchardist.coach import wording
from orchardist.coach.asking import REQUESTING, clause_start
from orchardist.coach.findings import Finding, MessageContext, Recipient, Severity
from orchardist.coach.fixes import before_sentence
from orchardist.coach.openings import spans as openings
from orchardist.coach.rule import RuleSpec
from orchardist.coach.text import read
from orchardist.domain.messages import N_, Message, Translate

ID = "ask-without-giving"


def first_ask(text: str) -> tuple[int, int] | None:
    """The characters of the first sentence of ``text`` that asks a favour, or of its first ask for
    openings, whichever comes first; None when it asks nothing."""
    stream = read(text).stream
    found = []
    for first, stop in stream.sentences:
        base, sentence = stream.sentence_text(first, stop)
        match = REQUESTING.search(sentence)
        if match:
            # From the clause the request is in ("Hi Ana, could you…" starts at "could") to the stop.
            start = clause_start(stream.tokens, first, stream.token_at(base + match.start() + 1))
            found.append(stream.tokens_span(start, max(start, stop - 1)))
            break
    found.extend(openings(text))
    return min(found) if found else None


def _why(recipient: Recipient) -> tuple[Severity, Message] | None:
    name = recipient.given_name or recipient.display_name
    if recipient.gives == 0 and recipient.asks > 0:
        return Severity.WARNING, wording.ONLY_ASKED(name=name, asks=recipient.asks)
    if recipient.gives == 0:
        return Severity.ADVICE, wording.NOTHING_GIVEN(name=name)
    if recipient.recent_asks > recipient.recent_gives:
        return Severity.ADVICE, wording.ASKED_MORE_LATELY(
            name=name, asks=recipient.recent_asks, gives=recipient.recent_gives
        )
    return None


def check(context: MessageContext) -> Iterator[Finding]:
    """A finding over the first ask, when the ledger with the recipient is one-sided."""
    recipient = context.recipient
    if recipient is None:
        return
    judged = _why(recipient)
    if judged is None:
        return
    where = first_ask(context.text)
    if where is None:
        return
    severity, why = judged
    better = wording.OFFER_FIRST(offer=recipient.offer) if recipient.offer else wording.GIVE_FIRST()
    yield Finding(ID, severity, where[0], where[1], why, better)


def fix(context: MessageContext, finding: Finding, _: Translate) -> str | None:
    """An offer of the writer's that meets one of their needs goes before the ask (none known: the
    writer must choose what to give)."""
    if context.recipient is None or not context.recipient.offer:
        return None
    offer = wording.OFFER_SENTENCE(offer=context.recipient.offer).text(_)
    return before_sentence(context.text, finding.start, offer)


RULE = RuleSpec(
    id=ID,
    severity=Severity.ADVICE,
    label=N_("Asks without giving"),
    check=check,
    fix=fix,
    fix_label=wording.OFFER_FIRST_LABEL,
)
