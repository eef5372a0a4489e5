"""The user's own profiles, one a platform: what each says of them, so the consistency report
(``presence_rules.py``) can compare them and the calling card can show one.

**Platforms.** LinkedIn, Facebook, X, Instagram, GitHub, a personal site and the résumé are known by a
code (``PLATFORMS``, each with its name and the other words people type for it: "twitter" is X, "cv"
the résumé); any other name the user gives is a platform of its own, kept as typed and known by its
folded form ("Mastodon" and "mastodon" are one).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from datetime import date

from orchardist.domain import presence_wording as words
from orchardist.domain.limits import MAX_ORGANISATION, MAX_TITLE, text_problem
from orchardist.domain.matching import fold
from orchardist.domain.messages import Message, Wording

MAX_PLATFORM = 60
MAX_NAME = 300
MAX_HEADLINE = 500
MAX_LOCATION = 200
MAX_URL = 2_000


@dataclass(frozen=True, slots=True)
class PlatformSpec:
    """A platform Orchardist knows: its code, its name, and what else people call it."""

    code: str
    name: Wording
    aliases: tuple[str, ...] = ()


PLATFORMS: dict[str, PlatformSpec] = {
    spec.code: spec
    for spec in (
        PlatformSpec("linkedin", words.LINKEDIN, ("linked in",)),
        PlatformSpec("facebook", words.FACEBOOK, ("fb",)),
        PlatformSpec("x", words.X, ("twitter",)),
        PlatformSpec("instagram", words.INSTAGRAM, ("insta",)),
        PlatformSpec("github", words.GITHUB, ()),
        PlatformSpec("website", words.WEBSITE, ("site", "web", "blog", "personal site", "homepage")),
        PlatformSpec("resume", words.RESUME, ("cv", "resume", "curriculum vitae")),
    )
}
"""The platforms Orchardist knows, in the order profiles are listed."""

_ALIASES = {fold(name): spec.code for spec in PLATFORMS.values() for name in (spec.code, *spec.aliases)}
_MONTH = re.compile(r"(\d{4})-(\d{2})")
# The white space of JSON Schema's (ECMAScript's) patterns, so that the API's schema and this rule agree
# on every address (Python's own \s also counts the separators \x1c to \x1f).
SPACES = (
    " \t\n\v\f\r\u00a0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_WEB = re.compile(f"https?://[^{SPACES}/$.?#][^{SPACES}]*", re.IGNORECASE)


class Visibility(enum.StrEnum):
    """Who can see a profile."""

    PUBLIC = "public"
    CONTACTS = "contacts"
    PRIVATE = "private"


def platform_key(name: str) -> str:
    """The platform a name means: a known code (``"Twitter"`` -> ``"x"``) or the name folded; "" when
    it is blank."""
    folded = fold(name) or " ".join(name.split()).casefold()
    if folded in _ALIASES:
        return _ALIASES[folded]
    return folded[:MAX_PLATFORM]


def platform_order(key: str) -> tuple[int, str]:
    """Where a platform comes in lists: the known ones in ``PLATFORMS``' order, then the others by name."""
    codes = list(PLATFORMS)
    return (codes.index(key), "") if key in PLATFORMS else (len(codes), key)


@dataclass(frozen=True, slots=True)
class Profile:
    """One of the user's profiles: on which platform (``platform`` is its key; ``label`` the name as
    typed for a platform Orchardist does not know), what it shows, who can see it and when the user last
    read it through. ``position_start`` is a month, ``YYYY-MM``; ``open_to_work`` None when not said;
    ``nickname`` True when the name shown there is a nickname the user uses on purpose."""

    platform: str
    label: str = ""
    display_name: str = ""
    headline: str = ""
    title: str = ""
    employer: str = ""
    location: str = ""
    open_to_work: bool | None = None
    url: str = ""
    position_start: str = ""
    visibility: Visibility = Visibility.PUBLIC
    reviewed_on: date | None = None
    nickname: bool = False
    id: int | None = None

    @property
    def name(self) -> Message | str:
        """The platform's name: a message for a known one (translated where shown), else as typed."""
        spec = PLATFORMS.get(self.platform)
        return spec.name() if spec else (self.label or self.platform)

    @property
    def english_name(self) -> str:
        return str(self.name)


TEXT_FIELDS: dict[str, int] = {
    "display_name": MAX_NAME,
    "headline": MAX_HEADLINE,
    "title": MAX_TITLE,
    "employer": MAX_ORGANISATION,
    "location": MAX_LOCATION,
    "url": MAX_URL,
    "position_start": 7,
}
"""The text fields of a profile and their longest length."""

CHANGEABLE = (*TEXT_FIELDS, "open_to_work", "visibility", "reviewed_on", "nickname")
"""What ``presence edit`` may change."""


def month_of(text: str) -> str:
    """A month as ``YYYY-MM`` from ``YYYY-MM`` (or a day, ``YYYY-MM-DD``); "" for ""; ValueError else."""
    cleaned = text.strip()
    if not cleaned:
        return ""
    found = _MONTH.fullmatch(cleaned[:7]) if len(cleaned) in (7, 10) else None
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 1900:
        raise ValueError(cleaned)
    if len(cleaned) == 10:
        date.fromisoformat(cleaned)
    return cleaned[:7]


def web_address(text: str) -> bool:
    """Whether ``text`` is a web address a profile or a card may give: ``http(s)://`` and no space."""
    return bool(_WEB.fullmatch(text))


def profile_problem(profile: Profile) -> tuple[str, Message] | None:
    """The first field of ``profile`` that cannot be stored, and why; None when all can."""
    if not profile.platform:
        return "platform", words.NEEDS_PLATFORM()
    for name in ("platform", "label"):
        problem = text_problem(getattr(profile, name), MAX_PLATFORM)
        if problem is not None:
            return name, problem
    for name, limit in TEXT_FIELDS.items():
        problem = text_problem(getattr(profile, name), limit)
        if problem is not None:
            return name, problem
    if profile.position_start:
        try:
            month_of(profile.position_start)
        except ValueError:
            return "position_start", words.NOT_A_MONTH(value=profile.position_start)
    if profile.url and not web_address(profile.url):
        return "url", words.NOT_A_WEB_ADDRESS(value=profile.url)
    return None


def tidied(profile: Profile) -> Profile:
    """A profile with its texts' spaces squeezed (a pasted line break is one space), its month as
    ``YYYY-MM`` when it can be read as one."""
    changes = {name: " ".join(str(getattr(profile, name)).split()) for name in TEXT_FIELDS}
    changes["url"] = profile.url.strip(SPACES)
    changes["label"] = " ".join(profile.label.split())
    try:
        changes["position_start"] = month_of(changes["position_start"])
    except ValueError:
        pass
    return replace(profile, **changes)  # type: ignore[arg-type]


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
