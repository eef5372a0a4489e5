"""The calling card: who the user is, from About me and the profile they choose to show.

**Discretion.** While the job search is discreet the card names no employer unless the user said
it may (``CardChoice.show_employer``), and leaves out a headline that says they are looking: a card
is left behind, and passed on.
"""

from __future__ import annotations

from dataclasses import dataclass

from orchardist.domain.discretion import AboutMe
from orchardist.domain.pitch import Practice
from orchardist.domain.presence import MAX_URL, Profile
from orchardist.domain.presence_rules import search_words

MAX_LINE = 200
MAX_PHONE = 50
MAX_EMAIL = 320
MAX_URLS = 2


@dataclass(frozen=True, slots=True)
class CardChoice:
    """What the user chose for their card: the profile to show (its platform key; "" for the first
    profile), whether to name the employer in a discreet search, a phone, an e-mail, one more web
    address and a short line."""

    profile: str = ""
    show_employer: bool = False
    phone: str = ""
    email: str = ""
    url: str = ""
    line: str = ""


@dataclass(frozen=True, slots=True)
class Card:
    """The card as printed and as its vCard says it. ``employer_hidden`` is True when an employer was
    left out because the search is discreet, ``headline_hidden`` when the headline was (it says the
    user is looking)."""

    name: str
    headline: str = ""
    title: str = ""
    employer: str = ""
    phone: str = ""
    email: str = ""
    urls: tuple[str, ...] = ()
    line: str = ""
    employer_hidden: bool = False
    headline_hidden: bool = False

    @property
    def given_name(self) -> str:
        return self.name.rpartition(" ")[0] if " " in self.name.strip() else self.name

    @property
    def family_name(self) -> str:
        return self.name.rpartition(" ")[2] if " " in self.name.strip() else ""


def chosen_profile(profiles: tuple[Profile, ...], choice: CardChoice) -> Profile | None:
    """The profile the card shows: the one chosen, else the first (profiles are in platform order)."""
    for profile in profiles:
        if profile.platform == choice.profile:
            return profile
    return profiles[0] if profiles else None


def card_from(about: AboutMe, profiles: tuple[Profile, ...], choice: CardChoice) -> Card:
    """The card: About me's name (or the profile's), the profile's headline, title and address, the
    employer unless the search is discreet and the user did not say it may be shown, and the
    choice's phone, e-mail, address and line."""
    profile = chosen_profile(profiles, choice) or Profile(platform="")
    employer = profile.employer or about.employer
    hidden = bool(employer) and about.discreet and not choice.show_employer
    telling = about.discreet and bool(search_words(profile.headline))
    urls = tuple(dict.fromkeys(url for url in (profile.url, choice.url) if url))[:MAX_URLS]
    return Card(
        name=about.name.strip() or profile.display_name,
        headline="" if telling else profile.headline,
        title=profile.title,
        employer="" if hidden else employer,
        phone=choice.phone,
        email=choice.email,
        urls=tuple(url[:MAX_URL] for url in urls),
        line=choice.line,
        employer_hidden=hidden,
        headline_hidden=telling,
    )


@dataclass(frozen=True, slots=True)
class ProfessionalSelf:
    """All a backup carries of the user's professional self: profiles, pitch (part code -> text), the
    practice log and the card's choices (None when never chosen)."""

    profiles: tuple[Profile, ...] = ()
    pitch: tuple[tuple[str, str], ...] = ()
    practice: tuple[Practice, ...] = ()
    card: CardChoice | None = None
