"""What Orchardist says to people: a code, the values it names, and the words it is said in.

A ``Message`` is a stable code (the API documents it; scripts may rely on it), its values, and the
English template it is worded from. The template is also the catalogue's msgid, so each adapter says a
message in its own language without parsing English back out of a sentence: the web app with
``message.text(gettext)``, the CLI and the API's ``detail`` in English with ``str(message)``.

Each package declares what it can say once, in its catalogue module (``domain/wording.py``,
``services/refusals.py``, ``formats/messages.py``, ``store/messages.py``), as ``Wording``s:

    NEEDS_NAME = Wording("person.needs_name", N_("a person needs a name"))
    raise InputRefused(NEEDS_NAME(), field="name")

Every code is unique and every call gives exactly the values its template names (both checked when the
module is imported and when the message is made), so a reworded template cannot silently lose a value,
and a new one cannot reach a page untranslated (``tests/web/test_translations.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Translate = Callable[[str], str]
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def N_(template: str) -> str:  # noqa: N802 (the name gettext's tools look for)
    """Mark ``template`` for the catalogue where it is declared; it is translated where it is shown."""
    return template


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


@dataclass(frozen=True, slots=True)
class Speech:
    """How a sentence is said in one language: its words (it is called as ``gettext`` is), the form a
    count takes (``ngettext``) and how a day is written (``day``: ``5 déc. 2026`` on a French page).
    Without more, English with ISO days, as the CLI and the API say them."""

    gettext: Translate = field(default=lambda text: text)
    plurals: Callable[[str, str, int], str] = _english_plural
    days: Callable[[date], str] = date.isoformat

    def __call__(self, text: str) -> str:
        return self.gettext(text)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form for ``count``, translated, for the caller to fill (``% {"num": count, …}``)."""
        return self.plurals(singular, plural, count)

    def day(self, value: date) -> str:
        return self.days(value)


def speech_of(translate: Translate | Speech) -> Speech:
    """``translate`` as a Speech: one already, or a gettext with English plurals and ISO days."""
    return translate if isinstance(translate, Speech) else Speech(translate)


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Message:
    """Something to tell the user: ``code`` (stable), the English ``template`` and its ``params``.

    A value may itself be a message (why a line of a file was refused: "line 4: <reason>").
    """

    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, translate: Translate = _same) -> str:
        """The message in the language of ``translate`` (a gettext function); English by default."""
        worded = translate(self.template)
        if not self.params:
            return worded
        return worded % {name: _shown(value, translate) for name, value in self.params.items()}

    def __str__(self) -> str:
        return self.text()

    def with_values(self, **params: Any) -> Message:
        """The same message with some values replaced (a page names "the backup", not a server path)."""
        return Message(self.code, self.template, {**self.params, **params})

    def to_dict(self) -> dict[str, Any]:
        """The code and values as JSON (the API's ``code`` and ``params``); nested messages likewise."""
        return {
            "code": self.code,
            "params": {name: _plain(value) for name, value in self.params.items()},
        }


def _shown(value: Any, translate: Translate) -> Any:
    if isinstance(value, Message):
        return value.text(translate)
    if isinstance(value, list | tuple):
        return ", ".join(str(_shown(item, translate)) for item in value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


CATALOGUE: dict[str, Wording] = {}
"""Every wording declared so far, by code (a catalogue module adds its own when it is imported)."""


@dataclass(frozen=True, slots=True)
class Wording:
    """One thing Orchardist can say: its code and English template. Calling it makes a ``Message``."""

    code: str
    template: str
    names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", frozenset(_PLACEHOLDER.findall(self.template)))
        known = CATALOGUE.get(self.code)
        if known is not None and known.template != self.template:
            raise ValueError(f"two wordings share the code {self.code!r}")
        CATALOGUE[self.code] = self

    def __call__(self, **params: Any) -> Message:
        if params.keys() != self.names:
            raise TypeError(f"{self.code} names {sorted(self.names)}, but was given {sorted(params)}")
        return Message(self.code, self.template, params)


class Refused(Exception):  # noqa: N818 (a refusal is what the user is told, not an internal error)
    """Orchardist will not do what was asked; ``message`` says why and ``field`` where, when one is at
    fault. Nothing was changed."""

    def __init__(self, message: Message, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    @property
    def code(self) -> str:
        return self.message.code

    def text(self, translate: Translate = _same) -> str:
        """Why, in the language of ``translate``, without the field (a page shows it beside the field)."""
        return self.message.text(translate)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else str(self.message)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross the import sandbox by pickle; the keyword-only field must survive it.
        return (_rebuild, (type(self), self.message, self.field))


def _rebuild(kind: type[Refused], message: Message, field: str | None) -> Refused:
    return kind(message, field=field)


class InputRefused(Refused, ValueError):
    """The input cannot be used as given; the message says what and where."""


class NotFound(Refused, LookupError):
    """The person (or other thing) named does not exist in this network."""
