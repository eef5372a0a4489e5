"""``no-personal-touch``: nothing in the message is about the person it goes to: neither their given
name nor any word of what the network knows of them (``Recipient.context``: their organisation, how
and where you met, their interests, what you last talked about). A message that could go to anyone
reads like it went to everyone."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from orchardist.coach import wording
from orchardist.coach.findings import Finding, MessageContext, Recipient, Severity
from orchardist.coach.rule import RuleSpec
from orchardist.coach.text import fold, read
from orchardist.domain.messages import N_, Translate
from orchardist.domain.offers import STOP_WORDS, stem

ID = "no-personal-touch"
MIN_LETTERS = 3
LONGEST_HINT = 60
# Words any message may hold that say nothing about the person.
_GENERIC = frozenset(
    """met meet meeting coffee call chat talked talk talking spoke work works working job jobs company
    team people person thing things time year years day week month last first new good great
    rencontre rencontres cafe appel discute parle travail emploi equipe annee semaine mois""".split()
)


def _words(text: str) -> set[str]:
    return {
        stem(word)
        for word in "".join(ch if ch.isalnum() else " " for ch in fold(text)).split()
        if len(word) >= MIN_LETTERS and word not in STOP_WORDS and word not in _GENERIC
    }


def _names(recipient: Recipient) -> set[str]:
    """Their given name's words, or else the first word of the name they are shown by."""
    name = recipient.given_name or next(iter(recipient.display_name.split()), "")
    return set("".join(ch if ch.isalnum() else " " for ch in fold(name)).split())


def personal_words(recipient: Recipient) -> set[str]:
    """The stems of what the network knows of the recipient, that a personal message might hold."""
    return set().union(*(_words(item) for item in recipient.context)) if recipient.context else set()


def _mentions(message_words: Iterable[str], wanted: set[str]) -> bool:
    for word in message_words:
        if word in wanted:
            return True
        # "Montréal" and "montrealers", "robotics" and "robot": one begins the other.
        if len(word) >= 6 and any(
            other.startswith(word) or word.startswith(other) for other in wanted if len(other) >= 6
        ):
            return True
    return False


def check(context: MessageContext) -> Iterator[Finding]:
    """Advice about the whole message when a known recipient is nowhere in it."""
    recipient = context.recipient
    if recipient is None:
        return
    reading = read(context.text)
    said = {word for word, _, _ in reading.words if word[0].isalnum()}
    if _names(recipient) & said:
        return
    wanted = personal_words(recipient)
    if wanted and _mentions({stem(word) for word in said if len(word) >= MIN_LETTERS}, wanted):
        return
    hint = next((item.strip() for item in recipient.context if item.strip()), "")
    name = recipient.given_name or recipient.display_name
    better = wording.IMPERSONAL_BETTER_HINT(hint=_shortened(hint)) if hint else wording.IMPERSONAL_BETTER()
    yield Finding(ID, Severity.ADVICE, 0, 0, wording.IMPERSONAL_WHY(name=name), better)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LONGEST_HINT else text[: LONGEST_HINT - 1].rstrip() + "…"


def fix(context: MessageContext, finding: Finding, _: Translate) -> str | None:
    """The message opens with their name (what else is personal, only the writer knows)."""
    recipient = context.recipient
    name = recipient.given_name or recipient.display_name if recipient else ""
    if not name.strip():
        return None
    return wording.GREETING(name=name.strip()).text(_) + "\n\n" + context.text.lstrip("\n")


RULE = RuleSpec(
    id=ID,
    severity=Severity.ADVICE,
    label=N_("No personal touch"),
    check=check,
    fix=fix,
    fix_label=wording.GREET_BY_NAME,
)
