"""Keys that say two records are the same person: UID, LinkedIn URL, e-mail, phone, name + organisation.

Pure functions; importers, the store and duplicate detection all match on the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from orchardist.domain.people import Person

_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")
_COMMON_PROFILE = re.compile(r"(?i)https?://(?:www\.)?linkedin\.com/in/([^/?#\s]+)/?$")
_NON_DIGIT = re.compile(r"\D")


# Apostrophes and dashes people type differently on different devices.
_PUNCTUATION = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


# The most characters a stored key may hold (the columns that hold them are this long). Folding can
# lengthen a value within its own limit: "ß" folds to "ss", "ﷺ" to eighteen letters.
ORGANISATION_KEY_LENGTH = 300
SORT_KEY_LENGTH = 600
TAG_KEY_LENGTH = 200
CONTACT_KEY_LENGTH = 1000
_DIGEST = 16


def bounded(key: str, most: int) -> str:
    """``key`` when it fits in ``most`` characters; else its start and a digest of the whole, so two
    long keys differ where their values do and every key fits the column that holds it."""
    if len(key) <= most:
        return key
    import hashlib  # a key this long is rare: most commands never load it

    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST]
    return f"{key[: most - _DIGEST - 1]}~{digest}"


@lru_cache(maxsize=16_384)
def fold(text: str) -> str:
    """Case-fold, strip accents, unify apostrophes and dashes, squeeze spaces.

    ``"  José  D’ÁLVAREZ "`` -> ``"jose d'alvarez"``. Cached: imports fold the same organisation
    and given names thousands of times.
    """
    folded = text.casefold().translate(_PUNCTUATION)
    if folded.isascii():
        return " ".join(folded.split())
    # Word by word: each whitespace is a boundary no decomposition or accent crosses, and the words
    # of names repeat where whole names do not.
    return " ".join(word for word in map(_without_accents, folded.split()) if word)


@lru_cache(maxsize=16_384)
def _without_accents(word: str) -> str:
    """One folded word without its accents (compatibility-decomposed), its whitespace squeezed."""
    decomposed = unicodedata.normalize("NFKD", word)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def organisation_key(name: str) -> str:
    """How organisations are told apart: folded, or the bare name when folding leaves nothing ("¨")."""
    return bounded(fold(name) or name.strip(), ORGANISATION_KEY_LENGTH)


def tag_key(tag: str) -> str:
    """How tags are told apart: folded (``Data`` and ``data`` are one tag)."""
    return bounded(fold(tag), TAG_KEY_LENGTH)


def email_key(email: str) -> str:
    """E-mail addresses compare case-insensitively (local parts are case-blind in practice)."""
    return bounded(email.strip().strip("<>").casefold(), CONTACT_KEY_LENGTH)


def phone_key(phone: str) -> str:
    """Digits only, without a leading international ``00`` or North American trunk ``1``.

    Exports write the same number as ``+1 (555) 010-2345``, ``555.010.2345`` or ``0015550102345``;
    the last ten digits of a North American number, or all digits elsewhere, identify it.
    """
    digits = _NON_DIGIT.sub("", phone)
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return bounded(digits, CONTACT_KEY_LENGTH)


@lru_cache(maxsize=8_192)
def linkedin_key(url: str) -> str:
    """The canonical form of a LinkedIn profile URL, or ``""`` when it is not one.

    Case, scheme, ``www.``/country sub-domains, percent-encoding, query strings and trailing
    slashes all vary between exports of the same profile.
    """
    text = url.strip()
    if not text:
        return ""
    common = _COMMON_PROFILE.match(text)
    if common and "%" not in text:
        # The form nearly every export writes; skip the general URL parsing below.
        return bounded("linkedin.com/in/" + common.group(1).casefold(), CONTACT_KEY_LENGTH)
    if "://" not in text:
        text = "https://" + text
    from urllib.parse import (
        unquote,
        urlsplit,
    )  # loaded when an uncommon address is read, not by every command

    try:
        parts = urlsplit(text)
    except ValueError:  # not a URL at all, such as an unclosed "[" (read as an IPv6 address)
        return ""
    host = (parts.hostname or "").casefold()
    if not _LINKEDIN_HOST.match(host):
        return ""
    path = unquote(parts.path).casefold().rstrip("/")
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) < 2 or segments[0] not in {"in", "pub"}:
        return ""
    return bounded("linkedin.com/" + "/".join(segments), CONTACT_KEY_LENGTH)


def is_linkedin_url(url: str) -> bool:
    return bool(linkedin_key(url))


def name_org_key(person: Person) -> str:
    """Folded ``given family | organisation``; empty when either the name or organisation is missing."""
    name = fold(f"{person.given_name} {person.family_name}") or fold(person.display_name)
    org = fold(person.organisation)
    if not name or not org:
        return ""
    return f"{name}|{org}"


def name_key(person: Person) -> str:
    """Folded ``given family`` (or display name): the weakest key, trusted only when unique."""
    return fold(f"{person.given_name} {person.family_name}") or fold(person.display_name)


# Keys that identify someone on their own; a match on a weaker key is refused when the two
# records carry different LinkedIn profiles (two "Wei Zhang" at one company are two people).
STRONG_KINDS = frozenset({"uid", "linkedin", "email", "phone"})


def match_keys(person: Person) -> list[tuple[str, str]]:
    """Every ``(kind, key)`` by which ``person`` can be matched, strongest first: the UID of a card
    (a card edited in another address book and imported back is the same person, whatever else
    changed), then the LinkedIn profile, e-mails, phones, name and organisation, name."""
    keys: list[tuple[str, str]] = [("uid", person.uid)] if person.uid else []
    urls = person.urls
    for url in (person.linkedin_url, *urls) if urls else (person.linkedin_url,):
        key = linkedin_key(url)
        if key and ("linkedin", key) not in keys:
            keys.append(("linkedin", key))
    if person.emails:
        keys.extend(("email", key) for key in map(email_key, person.emails) if key)
    if person.phones:
        keys.extend(("phone", key) for key in map(phone_key, person.phones) if len(key) >= 7)
    # name_org_key and name_key, the name folded once.
    name = name_key(person)
    org = fold(person.organisation) if name else ""
    if org:
        keys.append(("name_org", f"{name}|{org}"))
    if name:
        keys.append(("name", name))
    return keys
