"""A person's interactions, offers and introductions, read through the standard library."""

from __future__ import annotations

import json
from collections import defaultdict

from orchardist.domain.interactions import Interaction
from orchardist.domain.introductions import Introduction
from orchardist.domain.offers import Offer
from orchardist.store.lite.unit import LiteRepository, chunks, marks
from orchardist.store.rows import (
    INTERACTION_COLUMNS,
    INTRODUCTION_COLUMNS,
    Balance,
    interaction_from,
    introduction_from,
    offer_from,
)


class LiteInteractions(LiteRepository):
    """A person's interactions, as ``InteractionsRepository`` reads them."""

    name = "interactions"

    def for_person(self, person_id: int) -> list[Interaction]:
        """A person's interactions, newest first."""
        statement = (
            "SELECT interaction_id FROM interaction_people WHERE space_id = ? AND person_id = ?"
            " ORDER BY on_date DESC, interaction_id DESC"
        )
        ids = [row[0] for row in self.conn.execute(statement, (self.space_id, person_id))]
        found: dict[int, Interaction] = {}
        for chunk in chunks(ids):
            involved: dict[int, list[int]] = defaultdict(list)
            statement = (
                "SELECT interaction_id, person_id FROM interaction_people"
                f" WHERE interaction_id IN ({marks(len(chunk))}) ORDER BY interaction_id, person_id"
            )
            for interaction_id, other in self.conn.execute(statement, chunk):
                involved[interaction_id].append(other)
            # By primary key: "+ 0" keeps the space test off the (space, date) index.
            statement = (
                f"SELECT {', '.join(INTERACTION_COLUMNS)} FROM interactions"
                f" WHERE space_id + 0 = ? AND id IN ({marks(len(chunk))})"
            )
            for row in self.conn.execute(statement, (self.space_id, *chunk)):
                values = dict(zip(INTERACTION_COLUMNS, row, strict=True))
                found[row[0]] = interaction_from(values, tuple(involved[row[0]]))
        return [found[interaction_id] for interaction_id in ids if interaction_id in found]


class LiteOffers(LiteRepository):
    """The user's offers and a person's balance, as ``OffersRepository`` reads them."""

    name = "offers"

    def all(self) -> list[Offer]:
        """The space's offers, oldest first."""
        statement = "SELECT id, kind, text, created_at FROM offers WHERE space_id = ? ORDER BY id"
        return [offer_from(*row) for row in self.conn.execute(statement, (self.space_id,))]

    def balance_of(self, person_id: int) -> Balance | None:
        statement = (
            "SELECT id, display_name, could_use_help_with, gave_count, asked_count, mutual_count"
            " FROM people WHERE space_id = ? AND id = ?"
        )
        row = self.conn.execute(statement, (self.space_id, person_id)).fetchone()
        if row is None:
            return None
        person, name, needs, gave, asked, mutual = row
        return Balance(person, name, tuple(json.loads(needs or "[]")), gave, asked, mutual)


class LiteIntroductions(LiteRepository):
    """The introductions someone is in, as ``IntroductionsRepository`` reads them."""

    name = "introductions"

    def of_person(self, person_id: int) -> list[Introduction]:
        """The introductions someone is in, newest first."""
        statement = (
            "SELECT i.id, i.a_id, a.display_name, i.b_id, b.display_name, i.state, i.why, i.outcome,"
            " i.history, i.created_at FROM introductions AS i"
            " JOIN people AS a ON a.id = i.a_id JOIN people AS b ON b.id = i.b_id"
            " WHERE i.space_id = ? AND (i.a_id = ? OR i.b_id = ?) ORDER BY i.id DESC"
        )
        rows = self.conn.execute(statement, (self.space_id, person_id, person_id))
        return [introduction_from(dict(zip(INTRODUCTION_COLUMNS, row, strict=True))) for row in rows]
