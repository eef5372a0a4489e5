"""The calling card: ``card``, the Card page and ``/api/v1/card`` — what it shows, the user's choices,
and the files made from it (vCard 3.0, a QR code of that vCard as PNG or SVG, a PDF sheet of ten)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from orchardist.domain import presence_wording as words
from orchardist.domain.card import MAX_EMAIL, MAX_LINE, MAX_PHONE, Card, CardChoice, card_from, chosen_profile
from orchardist.domain.discretion import AboutMe
from orchardist.domain.limits import text_problem
from orchardist.domain.presence import MAX_URL, SPACES, Profile, platform_key, web_address
from orchardist.services import refusals
from orchardist.services.discretion import about_me_in
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.unit import Unit

FORMATS: dict[str, tuple[str, str]] = {
    "vcf": ("text/vcard; charset=utf-8", "card.vcf"),
    "png": ("image/png", "card-qr.png"),
    "svg": ("image/svg+xml", "card-qr.svg"),
    "pdf": ("application/pdf", "cards.pdf"),
}
"""What ``card --format`` makes: the media type and the neutral file name of each."""
PAPERS = ("a4", "letter")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_LIMITS = {"phone": MAX_PHONE, "email": MAX_EMAIL, "url": MAX_URL, "line": MAX_LINE, "profile": 60}


@dataclass(frozen=True, slots=True)
class CardView:
    """The Card page: the card as it prints, the user's choices, the profiles they may choose from,
    the profile shown and About me (whose name the card carries)."""

    card: Card
    choice: CardChoice
    profiles: list[Profile]
    shown: Profile | None
    about: AboutMe


def view_in(unit: Unit) -> CardView:
    """``card_view`` within a transaction."""
    about = about_me_in(unit)
    profiles = unit.presence.profiles()
    choice = unit.presence.card() or CardChoice()
    return CardView(
        card=card_from(about, tuple(profiles), choice),
        choice=choice,
        profiles=profiles,
        shown=chosen_profile(tuple(profiles), choice),
        about=about,
    )


def card_view(network: Network) -> CardView:
    with network.reading() as unit:
        return view_in(unit)


def _checked(choice: CardChoice, changes: Mapping[str, Any]) -> CardChoice:
    values: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "show_employer":
            values[name] = (
                value
                if isinstance(value, bool)
                else str(value).strip().casefold() in ("yes", "true", "on", "1")
            )
            continue
        if name not in _LIMITS:
            raise InputRefused(
                refusals.UNKNOWN_FIELD(known=", ".join(("show_employer", *_LIMITS))), field=name
            )
        text = str(value or "").strip(SPACES) if name == "url" else " ".join(str(value or "").split())
        if name == "profile":
            text = platform_key(text) if text else ""
        problem = text_problem(text, _LIMITS[name])
        if problem is not None:
            raise InputRefused(problem, field=name)
        if name == "url" and text and not web_address(text):
            raise InputRefused(words.NOT_A_WEB_ADDRESS(value=text), field=name)
        if name == "email" and text and not _EMAIL.fullmatch(text):
            raise InputRefused(
                refusals.NOT_AN_EMAIL(email=text, reason="one @ between a name and a domain"), field=name
            )
        values[name] = text
    return replace(choice, **values)


def set_card(network: Network, changes: Mapping[str, Any]) -> CardView:
    """Change the card's choices (``profile``, ``show_employer``, ``phone``, ``email``, ``url``,
    ``line``); those left out keep their value."""
    with network.writing() as unit:
        unit.presence.set_card(_checked(unit.presence.card() or CardChoice(), changes))
        return view_in(unit)


@dataclass(frozen=True, slots=True)
class CardFile:
    """A card ready to save or download: its bytes, media type and neutral file name."""

    content: bytes
    media_type: str
    filename: str


def card_file(network: Network, fmt: str, *, paper: str = "a4") -> CardFile:
    """The card as ``fmt`` (``vcf``, ``png``, ``svg`` or ``pdf`` on ``paper``); refused naming
    ``format`` or ``paper``, or when About me and the profiles give no name for it."""
    if fmt not in FORMATS:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(FORMATS)), field="format")
    if paper not in PAPERS:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(PAPERS)), field="paper")
    card = card_view(network).card
    if not card.name.strip():
        raise InputRefused(words.CARD_NEEDS_NAME(), field="name")
    from orchardist.formats.calling_card import qr_png, qr_svg, vcard

    text = vcard(card)
    media_type, filename = FORMATS[fmt]
    if fmt == "vcf":
        content = text.encode("utf-8")
    elif fmt == "png":
        content = qr_png(text)
    elif fmt == "svg":
        content = qr_svg(text)
    else:
        from orchardist.formats.card_sheet import sheet

        content = sheet(card, text, paper)
    return CardFile(content=content, media_type=media_type, filename=filename)


def card_to_dict(view: CardView) -> dict[str, Any]:
    """``/api/v1/card``: the card as printed, and the choices behind it."""
    card, choice = view.card, view.choice
    return {
        "card": {
            "name": card.name,
            "headline": card.headline,
            "title": card.title,
            "employer": card.employer,
            "phone": card.phone,
            "email": card.email,
            "urls": list(card.urls),
            "line": card.line,
            "employer_hidden": card.employer_hidden,
            "headline_hidden": card.headline_hidden,
        },
        "choice": {
            "profile": view.shown.platform if view.shown else "",
            "show_employer": choice.show_employer,
            "phone": choice.phone,
            "email": choice.email,
            "url": choice.url,
            "line": choice.line,
        },
    }
