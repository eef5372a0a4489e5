"""English and French (Canada): the catalogues, the language of the current request, formatting.

The language comes from the ``orchardist_lang`` cookie the Settings page sets, else the browser's
``Accept-Language``, else English. It is kept in a context variable for the request, so templates,
routes and services' messages all translate the same way.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from orchardist.domain.messages import Message, Refused, Speech

if TYPE_CHECKING:
    from orchardist.services.importing import ImportRefused

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "orchardist"
LANGUAGES: dict[str, str] = {"en": "English", "fr_CA": "Français (Canada)"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_COOKIE = "orchardist_lang"

_current: ContextVar[str] = ContextVar("orchardist_language", default=DEFAULT_LANGUAGE)


@cache
def translations(language: str) -> NullTranslations:
    if language == DEFAULT_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), [language], domain=DOMAIN)


def negotiate(cookie: str | None, accept_language: str | None) -> str:
    """The language to use: the user's choice, else the best the browser asks for, else English."""
    if cookie in LANGUAGES:
        return cookie
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().replace("-", "_")
        if not tag:
            continue
        if tag in LANGUAGES:
            return tag
        if tag.split("_")[0].lower() == "fr":
            return "fr_CA"
        if tag.split("_")[0].lower() == "en":
            return "en"
    return DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    _current.set(language if language in LANGUAGES else DEFAULT_LANGUAGE)


def current_language() -> str:
    return _current.get()


def gettext(message: str) -> str:
    return translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(current_language()).ngettext(singular, plural, count)


_ = gettext


def said(message: Message | str) -> str:
    """A message (a refusal, a skipped row's reason, why two records look alike) in the current language;
    a plain string is taken as a msgid (the app's own words, such as the CSRF check's)."""
    if isinstance(message, Message):
        return message.text(gettext)
    return gettext(message)


def file_problem(refused: ImportRefused) -> str:
    """Why a file was refused, and where in it when known (a line, a field), in the current language."""
    return refused.where.text(gettext)


def refusal_text(refusal: Refused) -> str:
    """A refusal in the current language, after the name of the field at fault when there is one."""
    if refusal.field:
        return gettext("%(field)s: %(reason)s") % {"field": refusal.field, "reason": refusal.text(gettext)}
    return refusal.text(gettext)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is written; it is translated where it is shown."""
    return message


def format_day(value: date | datetime | None, form: str = "medium") -> str:
    """A date the way the current language writes it: ``Nov 22, 2026`` / ``22 nov. 2026``."""
    if value is None:
        return ""
    return babel_format_date(value, format=form, locale=Locale.parse(current_language()))


def format_number(value: int | float) -> str:
    """``30,000`` in English, ``30 000`` in French."""
    return format_decimal(value, locale=Locale.parse(current_language()))


def speech() -> Speech:
    """The current language's words, plurals and days, for sentences the services put together."""
    return Speech(gettext, ngettext, format_day)
