"""Message templates: a subject and a body with blanks that what the network knows fills in.

A blank is a field's name in braces, ``{given_name}``. The fields are ``FIELDS``, one registry: each
carries its label, and a template naming any other is refused. What is not known stays out of the
message, never shown as a hole:

- a part in square brackets that holds a blank, ``[ at {where_met}]``, is left out when one of its
  blanks is empty, and kept without its brackets otherwise (brackets around plain words stay);
- a line whose blank (outside brackets) is empty is left out whole.

So "It was good to meet you[ at {where_met}]." says where when it is known, and a line
"You mentioned {last_talk}." appears only after a conversation was logged.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from orchardist.coach.text import fold
from orchardist.coach.wording import BAD_CODE, NO_BODY, NO_NAME, UNKNOWN_BLANK
from orchardist.domain.interactions import Direction
from orchardist.domain.limits import text_problem
from orchardist.domain.messages import N_, Message


class Gives(enum.StrEnum):
    """What a message does in the give/ask ledger, and so how it is logged once sent."""

    GIVES = "gives"
    ASKS = "asks"
    SOCIAL = "social"

    @property
    def direction(self) -> Direction:
        return {Gives.GIVES: Direction.GAVE, Gives.ASKS: Direction.ASKED}.get(self, Direction.SOCIAL)


@dataclass(frozen=True, slots=True)
class Field:
    """A blank a template may hold: its name and what it is (marked for the catalogue)."""

    name: str
    label: str


FIELDS: dict[str, Field] = {
    field.name: field
    for field in (
        Field("given_name", N_("Their given name (or the first part of their name)")),
        Field("name", N_("Their whole name")),
        Field("organisation", N_("Where they work")),
        Field("title", N_("Their job title")),
        Field("how_met", N_("How you met")),
        Field("where_met", N_("Where you met")),
        Field("last_talk", N_("What your last logged conversation was about")),
        Field("interest", N_("One of their interests")),
        Field("need", N_("Something they could use help with, that one of your offers meets")),
        Field("offer", N_("What you can offer them (your offer for their need, else your first offer)")),
        Field("occasion", N_("Wishes for the occasion (a birthday, an anniversary, a holiday)")),
        Field("article", N_("The article you share (you fill it in)")),
        Field("other_name", N_("In an introduction: the other person's whole name")),
        Field("other_given_name", N_("In an introduction: the other person's given name")),
        Field("other_organisation", N_("In an introduction: where the other person works")),
        Field("other_title", N_("In an introduction: the other person's job title")),
        Field("my_name", N_("Your name, from About me")),
    )
}

MAX_NAME = 100
MAX_SUBJECT = 200
MAX_BODY = 5_000
MAX_OWN = 100
"""The most templates of their own a user keeps."""

_BLANK = re.compile(r"\{([a-z_]+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]\n]*)\]")
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Template:
    """A message template in one language: its code (stable; ``coach draft CODE``), name, subject,
    body, what it does in the ledger and the kind of contact it is logged as. ``builtin`` is False
    for the user's own; ``edited`` is True when the user changed a built-in one. A double-opt-in
    introduction is one that names the other person (an ``other_…`` blank): it is drafted twice, once
    to each side."""

    code: str
    name: str
    subject: str
    body: str
    gives: Gives
    log_kind: str
    builtin: bool = False
    edited: bool = False

    @property
    def needs_other(self) -> bool:
        """Whether it introduces two people (and so needs the other one, and goes to both)."""
        return any(blank.startswith("other_") for blank in blanks(self.subject + "\n" + self.body))


def blanks(text: str) -> list[str]:
    """The blanks named in ``text``, in order, each once."""
    return list(dict.fromkeys(_BLANK.findall(text)))


def template_problem(name: str, subject: str, body: str) -> tuple[str, Message] | None:
    """What is wrong with a template the user writes, and in which part (``name``, ``subject`` or
    ``body``); None when it is fine."""
    for part, text, limit in (
        ("name", name, MAX_NAME),
        ("subject", subject, MAX_SUBJECT),
        ("body", body, MAX_BODY),
    ):
        problem = text_problem(text, limit)
        if problem is not None:
            return part, problem
        unknown = [blank for blank in blanks(text) if blank not in FIELDS]
        if unknown:
            return part, UNKNOWN_BLANK(blank=unknown[0], known=", ".join(f"{{{known}}}" for known in FIELDS))
    if not body.strip():
        return "body", NO_BODY()
    if not name.strip():
        return "name", NO_NAME()
    return None


def code_problem(code: str) -> Message | None:
    """None when ``code`` can name a template of the user's own."""
    if len(code) > MAX_NAME or not CODE.fullmatch(code):
        return BAD_CODE(code=repr(code[:MAX_NAME]))
    return None


def code_for(name: str, taken: set[str]) -> str:
    """A code for a template named ``name``: its words in lower case joined by dashes (letters
    without accents), made different from every ``taken`` code by a number."""
    words = re.findall(r"[a-z0-9]+", fold(name))
    base = "-".join(words)[:60].strip("-") or "my-template"
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


def _line(line: str, values: Mapping[str, str]) -> str | None:
    def optional(found: re.Match[str]) -> str:
        inside = found.group(1)
        named = blanks(inside)
        if not named:
            return found.group(0)
        if any(not values.get(blank, "").strip() for blank in named):
            return ""
        return inside

    line = _OPTIONAL.sub(optional, line)
    if any(not values.get(blank, "").strip() for blank in blanks(line)):
        return None
    return _BLANK.sub(lambda found: values.get(found.group(1), "").strip(), line)


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its blanks filled from ``values``; what is unknown is left out (see above), and
    no more than one empty line is left between paragraphs."""
    kept: list[str] = []
    for line in text.split("\n"):
        filled = _line(line, values)
        if filled is None:
            continue
        if not filled.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(filled.rstrip())
    while kept and not kept[-1].strip():
        kept.pop()
    return "\n".join(kept)


@dataclass(frozen=True, slots=True)
class KeptTemplate:
    """A template the user keeps in their network: one of their own, or their copy of a built-in one
    (the same code), in the language ``lang``; ``id`` and ``created_at`` are the stored row's."""

    lang: str
    template: Template
    id: int | None = None
    created_at: datetime | None = None
