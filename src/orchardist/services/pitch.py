"""The elevator pitch and its practice log: ``pitch set|show|practice``, the Pitch page, the pitch at
hand on the quick capture page, and ``/api/v1/pitch``.

The ask is read by the coach's message checker (``orchardist.coach.checker``), as a message to no one
in particular in the user's search mode: an ask for openings, a begging tone or, in a discreet search,
words that tell of it are found there as in any message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from orchardist.coach.checker import check
from orchardist.coach.findings import Finding, MessageContext
from orchardist.domain import presence_wording as words
from orchardist.domain.limits import text_problem
from orchardist.domain.messages import Translate
from orchardist.domain.pitch import (
    MAX_NOTE,
    MAX_PART,
    MAX_PLACE,
    PARTS,
    VERSIONS,
    WORDS_PER_MINUTE,
    PitchVersion,
    Practice,
    seconds_for,
    version,
    word_count,
)
from orchardist.services.discretion import about_me_in
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.unit import Unit

LANGUAGES = ("en", "fr")


@dataclass(frozen=True, slots=True)
class PitchView:
    """The pitch: its parts (code -> text), the whole one's words and seconds, the 30- and 60-second
    versions, what the coach finds in the ask, and the practice log (latest first)."""

    parts: dict[str, str]
    words: int
    seconds: int
    versions: dict[int, PitchVersion]
    ask_findings: list[Finding]
    practice: list[Practice]

    @property
    def written(self) -> bool:
        return bool(self.parts)


def view_in(unit: Unit, lang: str = "en") -> PitchView:
    """``pitch_view`` within a transaction."""
    parts = unit.presence.pitch()
    words_in_all = sum(word_count(text) for text in parts.values())
    ask = parts.get("ask", "")
    findings = (
        check(MessageContext(text=ask, lang=lang, search_mode=about_me_in(unit).search_mode)) if ask else []
    )
    return PitchView(
        parts=parts,
        words=words_in_all,
        seconds=seconds_for(words_in_all),
        versions={limit: version(parts, limit) for limit in VERSIONS},
        ask_findings=findings,
        practice=unit.presence.practice(),
    )


def pitch_view(network: Network, *, lang: str = "en") -> PitchView:
    """The pitch as the Pitch page shows it, the ask checked in ``lang`` (``en`` or ``fr``)."""
    with network.reading() as unit:
        return view_in(unit, lang if lang in LANGUAGES else "en")


def _part(part: str) -> str:
    code = part.strip().casefold()
    if code not in PARTS:
        raise InputRefused(words.NO_SUCH_PART(choices=", ".join(PARTS)), field="part")
    return code


def _text(text: str, limit: int, field: str) -> str:
    cleaned = " ".join(text.split())
    problem = text_problem(cleaned, limit)
    if problem is not None:
        raise InputRefused(problem, field=field)
    return cleaned


def set_parts(network: Network, parts: dict[str, str], *, lang: str = "en") -> PitchView:
    """Write parts of the pitch (an empty text forgets one) and read it back, in one transaction."""
    checked = {_part(part): _text(text, MAX_PART, part) for part, text in parts.items()}
    with network.writing() as unit:
        for part, text in checked.items():
            unit.presence.set_part(part, text)
        return view_in(unit, lang if lang in LANGUAGES else "en")


def log_practice(network: Network, where: str, note: str = "", *, on: date | None = None) -> Practice:
    """Note a time the pitch was given: where, and how it went."""
    place = _text(where, MAX_PLACE, "where")
    if not place:
        raise InputRefused(words.NEEDS_PLACE(), field="where")
    said = _text(note, MAX_NOTE, "note")
    day = on or date.today()
    if day > date.today():
        raise InputRefused(words.PRACTICE_IN_FUTURE(day=day.isoformat()), field="on")
    with network.writing() as unit:
        return unit.presence.add_practice(day, place, said)


def remove_practice(network: Network, practice_id: int) -> None:
    """Forget one practice; NotFound when there is none with that id."""
    with network.writing() as unit:
        if not unit.presence.delete_practice(practice_id):
            raise NotFound(words.NO_SUCH_PRACTICE(id=practice_id))


def version_to_dict(found: PitchVersion) -> dict[str, Any]:
    return {
        "limit": found.limit,
        "text": found.text,
        "parts": [part for part, _text in found.parts],
        "dropped": list(found.dropped),
        "words": found.words,
        "seconds": found.seconds,
        "fits": found.fits,
    }


def practice_to_dict(practice: Practice) -> dict[str, Any]:
    return {"id": practice.id, "on": practice.on.isoformat(), "where": practice.place, "note": practice.note}


def pitch_to_dict(
    view: PitchView, *, seconds: int | None = None, translate: Translate | None = None
) -> dict[str, Any]:
    """``pitch show --json`` and the API: the parts, ``words`` and ``seconds`` of the whole pitch (or of
    the version of ``seconds``), the pace, both versions, the coach's findings on the ask, the log."""
    chosen = view.versions.get(seconds) if seconds else None
    return {
        "parts": {code: view.parts.get(code, "") for code in PARTS},
        "words": chosen.words if chosen else view.words,
        "seconds": chosen.seconds if chosen else view.seconds,
        "words_per_minute": WORDS_PER_MINUTE,
        "versions": {str(limit): version_to_dict(found) for limit, found in view.versions.items()},
        "ask_findings": [finding.to_dict(translate) for finding in view.ask_findings],
        "practice": [practice_to_dict(item) for item in view.practice],
    }
