"""The offers of one space, and the people whose needs they can meet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.matching import fold
from orchardist.domain.offers import Offer, OfferKind
from orchardist.store.ids import ids_for
from orchardist.store.rows import Balance, offer_from
from orchardist.store.tables import offers, people
from orchardist.store.times import to_store

_COLUMNS = (offers.c.id, offers.c.kind, offers.c.text, offers.c.created_at)


def _offer(row: Any) -> Offer:
    return offer_from(row.id, row.kind, row.text, row.created_at)


@dataclass(frozen=True, slots=True)
class Needy:
    """Someone with needs written down, as matching sees them."""

    person_id: int
    name: str
    needs: tuple[str, ...]


# The column as stored text: an empty list is written "[]" (see JSONText), so people with no needs —
# nearly everyone — are left out by the database without decoding their JSON.
_NEEDS_TEXT = sa.type_coerce(people.c.could_use_help_with, sa.Text)


class OffersRepository:
    """What the user can offer, who could use help, and a person's give/ask balance, in one space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def add(self, kind: OfferKind, text: str) -> Offer:
        row = self.conn.execute(
            sa.insert(offers)
            .values(space_id=self.space_id, kind=kind.value, text=text, created_at=datetime.now(UTC))
            .returning(*_COLUMNS)
        ).one()
        return _offer(row)

    def all(self) -> list[Offer]:
        """The space's offers, oldest first."""
        rows = self.conn.execute(
            sa.select(*_COLUMNS).where(offers.c.space_id == self.space_id).order_by(offers.c.id)
        )
        return [_offer(row) for row in rows]

    def delete_all(self) -> None:
        """Delete every offer of the space (a restore replaces them)."""
        self.conn.execute(sa.delete(offers).where(offers.c.space_id == self.space_id))

    def add_missing(self, found: Sequence[Offer]) -> int:
        """Add the offers of ``found`` (from a backup) that the space does not have, keeping their times,
        and their ids where no row holds them; returns how many were added.

        An offer of the same kind and words as a stored one is that one; each stored offer answers for
        one in ``found``, so two alike in a backup restore as two.
        """
        if not found:
            return 0
        stored = Counter((offer.kind, fold(offer.text)) for offer in self.all())
        new = []
        for offer in found:
            same = (offer.kind, fold(offer.text))
            if stored[same]:
                stored[same] -= 1
            else:
                new.append(offer)
        self._insert(new)
        return len(new)

    def _insert(self, found: Sequence[Offer]) -> None:
        if not found:
            return
        ids = ids_for(self.conn, offers, [offer.id or None for offer in found])
        self.conn.execute(
            sa.insert(offers),
            [
                {
                    "id": offer_id,
                    "space_id": self.space_id,
                    "kind": offer.kind.value,
                    "text": offer.text,
                    "created_at": to_store(offer.created_at),
                }
                for offer_id, offer in zip(ids, found, strict=True)
            ],
        )

    def delete(self, offer_id: int) -> bool:
        """Delete one offer; False when the space has no such offer."""
        result = self.conn.execute(
            sa.delete(offers).where(offers.c.space_id == self.space_id, offers.c.id == offer_id)
        )
        return result.rowcount > 0

    def people_with_needs(self) -> list[Needy]:
        """Everyone in the space whose "could use help with" holds something, by name."""
        # Sorted here: ordering in SQL walks the name index over everyone (4x slower on SQLite at 30,000).
        rows = sorted(
            self.conn.execute(
                sa.select(
                    people.c.id, people.c.display_name, people.c.could_use_help_with, people.c.sort_key
                ).where(people.c.space_id == self.space_id, _NEEDS_TEXT != "[]", _NEEDS_TEXT != "")
            ),
            key=lambda row: (row.sort_key, row.id),
        )
        return [
            Needy(person_id=row.id, name=row.display_name, needs=tuple(row.could_use_help_with))
            for row in rows
            if row.could_use_help_with
        ]

    def balance_of(self, person_id: int) -> Balance | None:
        row = self.conn.execute(
            sa.select(
                people.c.id,
                people.c.display_name,
                people.c.could_use_help_with,
                people.c.gave_count,
                people.c.asked_count,
                people.c.mutual_count,
            ).where(people.c.space_id == self.space_id, people.c.id == person_id)
        ).first()
        if row is None:
            return None
        return Balance(
            person_id=row.id,
            name=row.display_name,
            needs=tuple(row.could_use_help_with),
            gave=row.gave_count,
            asked=row.asked_count,
            mutual=row.mutual_count,
        )
