"""What a check reads (the message and who it goes to) and what it finds."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from orchardist.domain.discretion import SearchMode
from orchardist.domain.messages import Message, Translate


class Severity(enum.StrEnum):
    """``warning``: the message may do harm as written; ``advice``: it could do better."""

    WARNING = "warning"
    ADVICE = "advice"


@dataclass(frozen=True, slots=True)
class Recipient:
    """What the network knows of the person a message goes to.

    ``context`` holds what is specific to them (organisation, how and where you met, interests, the
    last conversation's summary) for rules that look for a personal touch; ``gives`` and ``asks``
    count the ledger with them, ``recent_gives`` and ``recent_asks`` those of the last 90 days;
    ``offer`` is one of the user's offers that meets one of their needs, to suggest giving first.
    ``coworker`` is True, False or None (maybe: an organisation that looks like the employer's).
    """

    display_name: str
    given_name: str = ""
    context: tuple[str, ...] = ()
    gives: int = 0
    asks: int = 0
    recent_gives: int = 0
    recent_asks: int = 0
    offer: str = ""
    coworker: bool | None = False
    knows_search: bool = False


@dataclass(frozen=True, slots=True)
class MessageContext:
    """A message to check: its text, its language (``en`` or ``fr``), whether it is the first to this
    person, who it goes to (if known), the address it is sent from (if known), and the user's
    job-search mode and work e-mail domains."""

    text: str
    lang: str = "en"
    first_message: bool = False
    recipient: Recipient | None = None
    sender: str = ""
    search_mode: SearchMode = SearchMode.OFF
    work_domains: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found: which rule, how serious, the characters it is about
    (``text[start:end]``; 0, 0 for the message as a whole), why it matters (one sentence) and a better
    way to put it. ``why`` and ``suggestion`` are messages, translated where they are shown."""

    rule: str
    severity: Severity
    start: int
    end: int
    why: Message
    suggestion: Message

    def to_dict(self, translate: Translate | None = None) -> dict[str, object]:
        """The finding as the CLI's and the API's JSON: ``rule``, ``severity``, ``start``, ``end``,
        ``message`` and ``suggestion``, in the language of ``translate`` (a gettext function)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "message": self.why.text(translate) if translate else self.why.text(),
            "suggestion": self.suggestion.text(translate) if translate else self.suggestion.text(),
        }
