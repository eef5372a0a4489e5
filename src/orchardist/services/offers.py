"""The offers inventory: what the user can give, who could use it, and a warning before a one-sided ask.

Offers are matched to people's "could use help with" by ``orchardist.domain.offers.matches``. Only the
people with a need written down are read, so matching a 30,000-person network reads a few rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from orchardist.domain.interactions import only_took
from orchardist.domain.limits import text_problem
from orchardist.domain.offers import (
    MAX_TEXT,
    AskWarning,
    Offer,
    OfferKind,
    OfferMatch,
    Suggestion,
    keys_match,
    match_key,
)
from orchardist.domain.wording import NO_SUCH_OFFER, NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.unit import Unit

MAX_SUGGESTIONS = 3
DEFAULT_MATCHES = 200
KINDS = tuple(kind.value for kind in OfferKind)


class OfferError(InputRefused):
    """An offer cannot be stored as given: says which field and why."""


def _kind(kind: str | OfferKind) -> OfferKind:
    try:
        return OfferKind(str(kind).strip().lower())
    except ValueError:
        raise OfferError(refusals.ONE_OF(choices=", ".join(KINDS)), field="kind") from None


def _text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise OfferError(refusals.NEEDS_OFFER_TEXT(), field="text")
    problem = text_problem(cleaned, MAX_TEXT)
    if problem is not None:
        raise OfferError(problem, field="text")
    return cleaned


def add_offer(network: Network, kind: str | OfferKind, text: str) -> Offer:
    """Store an offer: a kind (skill, information, introduction) and 1 to 500 characters of text.

    Spaces are squeezed (a pasted line break is one space); InputRefused names ``kind`` or ``text``.
    """
    checked_kind, checked_text = _kind(kind), _text(text)
    with network.writing() as unit:
        return unit.offers.add(checked_kind, checked_text)


def list_offers(network: Network) -> list[Offer]:
    """Every offer, oldest first."""
    with network.reading() as unit:
        return unit.offers.all()


def remove_offer(network: Network, offer_id: int) -> None:
    """Delete an offer; NotFound when this network has none with that id."""
    with network.writing() as unit:
        if not unit.offers.delete(offer_id):
            raise NotFound(NO_SUCH_OFFER(id=offer_id))


def matches(network: Network, *, limit: int = DEFAULT_MATCHES) -> list[OfferMatch]:
    """For each offer (oldest first), the people who could use it, by name, with the need it meets.

    A person is listed once per offer, with their first need the offer fits; at most ``limit`` in all.
    """
    with network.reading() as unit:
        return matches_in(unit, limit=limit)


def matches_in(unit: Unit, *, limit: int = DEFAULT_MATCHES) -> list[OfferMatch]:
    """``matches`` within a transaction."""
    offered = unit.offers.all()
    if not offered:
        return []
    needy = unit.offers.people_with_needs()
    found: list[OfferMatch] = []
    for offer in offered:
        key = match_key(offer.text)
        for person in needy:
            need = next((need for need in person.needs if keys_match(key, match_key(need))), None)
            if need is not None:
                found.append(OfferMatch(offer=offer, person_id=person.person_id, name=person.name, need=need))
                if len(found) >= limit:
                    return found
    return found


def suggestions_for(offered: list[Offer], needs: tuple[str, ...]) -> tuple[Suggestion, ...]:
    """Up to three offers that meet the needs (each with the need), else the first three offers."""
    fitting: list[Suggestion] = []
    for offer in offered:
        key = match_key(offer.text)
        need = next((need for need in needs if keys_match(key, match_key(need))), None)
        if need is not None:
            fitting.append(Suggestion(offer=offer, need=need))
    if fitting:
        return tuple(fitting[:MAX_SUGGESTIONS])
    return tuple(Suggestion(offer=offer) for offer in offered[:MAX_SUGGESTIONS])


def ask_warning(network: Network, person_id: int) -> AskWarning | None:
    """A warning when the user has only asked of this person (see ``only_took``), else None.

    It carries the counts and up to three offers: those that meet the person's needs, or else the
    user's first offers. NotFound when the person is not in this network.
    """
    with network.reading() as unit:
        return ask_warning_in(unit, person_id)


def ask_warning_in(unit: Unit, person_id: int) -> AskWarning | None:
    """``ask_warning`` within a transaction (logging an ask reads it before storing the ask)."""
    balance = unit.offers.balance_of(person_id)
    if balance is None:
        raise NotFound(NO_SUCH_PERSON(id=person_id))
    if not only_took(balance.gave, balance.asked, balance.mutual):
        return None
    return AskWarning(
        person_id=balance.person_id,
        name=balance.name,
        gave=balance.gave,
        asked=balance.asked,
        mutual=balance.mutual,
        suggestions=suggestions_for(unit.offers.all(), balance.needs),
    )


def offer_to_dict(offer: Offer) -> dict[str, Any]:
    """An offer as ``orchardist offers list --json`` and the API give it."""
    return {
        "id": offer.id,
        "kind": offer.kind.value,
        "text": offer.text,
        # UTC, written with "Z" as the API's JSON writes it.
        "created_at": offer.created_at.isoformat().replace("+00:00", "Z"),
    }


def match_to_dict(match: OfferMatch) -> dict[str, Any]:
    """A match as ``orchardist offers matches --json`` and the API give it."""
    return {
        "offer": offer_to_dict(match.offer),
        "person": {"id": match.person_id, "name": match.name},
        "need": match.need,
    }


@dataclass(frozen=True, slots=True)
class OffersOverview:
    """The Offers page: every offer, oldest first, and who could use them."""

    offers: list[Offer]
    matches: list[OfferMatch]


def offers_overview(network: Network) -> OffersOverview:
    """What the Offers page shows, read in one transaction."""
    with network.reading() as unit:
        return OffersOverview(offers=unit.offers.all(), matches=matches_in(unit))
