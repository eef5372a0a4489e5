"""The elevator pitch: four parts, how long they take to say, and what a 30-second version keeps.

**Speaking time.** Words are counted as runs of letters and digits (a hyphen or an apostrophe keeps a
word whole: "data-driven", "I’m"), and said at ``WORDS_PER_MINUTE`` = 140, the middle of the 130–150
words a minute of a calm, natural pace; the time is rounded to the nearest second.

**Short versions.** A version of ``limit`` seconds always keeps who you are and your ask (without them
it is not a pitch), then adds what you do best and then what you are exploring while the whole still
fits; what it leaves out is listed so the user can see what the short one dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from orchardist.domain.messages import N_

WORDS_PER_MINUTE = 140
VERSIONS = (30, 60)
"""The versions shown side by side, in seconds."""
MAX_PART = 1_000
MAX_PLACE = 200
MAX_NOTE = 2_000


@dataclass(frozen=True, slots=True)
class PartSpec:
    """A part of the pitch: its code, its name, the question it answers, and the order a short version
    keeps parts in (lower first)."""

    code: str
    label: str
    prompt: str
    keep: int


PARTS: dict[str, PartSpec] = {
    spec.code: spec
    for spec in (
        PartSpec("who", N_("Who I am"), N_("Your name and what you are, in one sentence."), 0),
        PartSpec("best", N_("What I do best"), N_("One strength, with a result people remember."), 2),
        PartSpec(
            "exploring",
            N_("What I’m exploring"),
            N_("The field, role or kind of organisation you are curious about."),
            3,
        ),
        PartSpec(
            "ask",
            N_("My ask"),
            N_("Advice, a name or an introduction: something easy to say yes to, never a job."),
            1,
        ),
    )
}
"""The four parts, in the order they are said."""

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def word_count(text: str) -> int:
    """How many words ``text`` holds (``"I’m a data-driven analyst."`` -> 4)."""
    return len(_WORD.findall(text))


def seconds_for(words: int) -> int:
    """How long ``words`` take to say at ``WORDS_PER_MINUTE``, to the nearest second."""
    return (words * 60 + WORDS_PER_MINUTE // 2) // WORDS_PER_MINUTE


@dataclass(frozen=True, slots=True)
class PitchVersion:
    """A version of the pitch that aims at ``limit`` seconds: the parts it keeps (code, text) in the
    order they are said, those it dropped, its words and seconds, and whether it fits."""

    limit: int
    parts: tuple[tuple[str, str], ...]
    dropped: tuple[str, ...]
    words: int
    seconds: int

    @property
    def fits(self) -> bool:
        return self.seconds <= self.limit

    @property
    def text(self) -> str:
        return " ".join(text for _code, text in self.parts)


def version(parts: dict[str, str], limit: int) -> PitchVersion:
    """The version of the pitch ``parts`` (code -> text) that fits in ``limit`` seconds, as this
    module's docstring says."""
    written = {code: " ".join(parts.get(code, "").split()) for code in PARTS}
    written = {code: text for code, text in written.items() if text}
    kept: set[str] = set()
    words = 0
    for spec in sorted(PARTS.values(), key=lambda spec: spec.keep):
        text = written.get(spec.code)
        if not text:
            continue
        more = word_count(text)
        if spec.code in ("who", "ask") or seconds_for(words + more) <= limit:
            kept.add(spec.code)
            words += more
    return PitchVersion(
        limit=limit,
        parts=tuple((code, written[code]) for code in PARTS if code in kept),
        dropped=tuple(code for code in PARTS if code in written and code not in kept),
        words=words,
        seconds=seconds_for(words),
    )


@dataclass(frozen=True, slots=True)
class Practice:
    """A time the user gave their pitch: the day, where, and how it went."""

    id: int
    on: date
    place: str
    note: str
    created_at: datetime
