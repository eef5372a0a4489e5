"""``too-long``: a first message to someone over ``MOST_WORDS`` words. Someone who does not know the
writer yet skims a long message or puts it off; a first message says who, how connected, and why."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orchardist.coach import wording
from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.coach.rule import RuleSpec
from orchardist.domain.messages import N_

ID = "too-long"
MOST_WORDS = 150
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def word_count(text: str) -> int:
    """Words as a reader counts them: "l'équipe" and "well-known" are one each, numbers count."""
    return sum(1 for _ in _WORD.finditer(text))


def check(context: MessageContext) -> Iterator[Finding]:
    """Advice about the whole message when it is a first message over ``MOST_WORDS`` words."""
    if not context.first_message:
        return
    words = word_count(context.text)
    if words > MOST_WORDS:
        yield Finding(
            ID,
            Severity.ADVICE,
            0,
            0,
            wording.TOO_LONG_WHY(words=words),
            wording.TOO_LONG_BETTER(most=MOST_WORDS),
        )


RULE = RuleSpec(id=ID, severity=Severity.ADVICE, label=N_("Too long for a first message"), check=check)
