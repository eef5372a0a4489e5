"""The introductions the user brokers, and what pairing and sharing an article read of people."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.introductions import Introduction, IntroState, Moved
from orchardist.domain.pairing import Profile, search_tag_keys
from orchardist.domain.sharing import Term
from orchardist.store.ids import ids_for
from orchardist.store.rows import introduction_from
from orchardist.store.tables import introductions, organisations, people, person_tags
from orchardist.store.times import to_store

_A = people.alias("a")
_B = people.alias("b")
_CHUNK = 500


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _chunk_names(names: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(names), _CHUNK):
        yield names[start : start + _CHUNK]


def history_json(history: Sequence[Moved]) -> list[dict[str, str]]:
    """Each step taken, as the ``history`` column keeps it."""
    return [{"state": moved.state.value, "on": moved.on.isoformat()} for moved in history]


def _listed(value: str | None) -> tuple[str, ...]:
    if not value or value == "[]":
        return ()
    return tuple(json.loads(value))


def _text_of(column: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    return sa.type_coerce(column, sa.Text)


class IntroductionsRepository:
    """Introductions between two people of one space, and the people pairing weighs."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    def _select(self) -> sa.Select[Any]:
        return (
            sa.select(
                introductions.c.id,
                introductions.c.a_id,
                _A.c.display_name.label("a_name"),
                introductions.c.b_id,
                _B.c.display_name.label("b_name"),
                introductions.c.state,
                introductions.c.why,
                introductions.c.outcome,
                introductions.c.history,
                introductions.c.created_at,
            )
            .join(_A, _A.c.id == introductions.c.a_id)
            .join(_B, _B.c.id == introductions.c.b_id)
            .where(introductions.c.space_id == self.space_id)
        )

    def add(self, a_id: int, b_id: int, why: str, on: date) -> Introduction:
        new_id = self.conn.execute(
            sa.insert(introductions)
            .values(
                space_id=self.space_id,
                a_id=a_id,
                b_id=b_id,
                state=IntroState.STARTED.value,
                why=why,
                outcome="",
                history=history_json([Moved(IntroState.STARTED, on)]),
                created_at=datetime.now(UTC),
            )
            .returning(introductions.c.id)
        ).scalar_one()
        found = self.get(new_id)
        assert found is not None
        return found

    def get(self, introduction_id: int) -> Introduction | None:
        row = self.conn.execute(self._select().where(introductions.c.id == introduction_id)).first()
        return introduction_from(row._mapping) if row is not None else None

    def all(self) -> list[Introduction]:
        """Every introduction of the space, newest first."""
        rows = self.conn.execute(self._select().order_by(introductions.c.id.desc()))
        return [introduction_from(row._mapping) for row in rows]

    def of_person(self, person_id: int) -> list[Introduction]:
        """The introductions someone is in, newest first."""
        rows = self.conn.execute(
            self._select()
            .where(sa.or_(introductions.c.a_id == person_id, introductions.c.b_id == person_id))
            .order_by(introductions.c.id.desc())
        )
        return [introduction_from(row._mapping) for row in rows]

    def version(self) -> tuple[object, ...]:
        """How many introductions there are and the newest id: equal values mean no pair was added."""
        return tuple(
            self.conn.execute(
                sa.select(sa.func.count(), sa.func.max(introductions.c.id)).where(
                    introductions.c.space_id == self.space_id
                )
            ).one()
        )

    def pairs(self) -> set[tuple[int, int]]:
        """Every pair already introduced or being introduced, the smaller id first."""
        rows = self.conn.execute(
            sa.select(introductions.c.a_id, introductions.c.b_id).where(
                introductions.c.space_id == self.space_id
            )
        )
        return {(min(a, b), max(a, b)) for a, b in rows}

    def update(self, introduction: Introduction) -> None:
        self.conn.execute(
            sa.update(introductions)
            .where(introductions.c.space_id == self.space_id, introductions.c.id == introduction.id)
            .values(
                state=introduction.state.value,
                outcome=introduction.outcome,
                why=introduction.why,
                history=history_json(introduction.history),
            )
        )

    def delete_all(self) -> None:
        """Delete every introduction of the space (a restore replaces them)."""
        self.conn.execute(sa.delete(introductions).where(introductions.c.space_id == self.space_id))

    def add_many(self, found: Sequence[Introduction]) -> int:
        """Store introductions read from a backup (their people already in the space), keeping their
        times, and their ids where no row holds them; returns how many."""
        if not found:
            return 0
        ids = ids_for(self.conn, introductions, [item.id or None for item in found])
        self.conn.execute(
            sa.insert(introductions),
            [
                {
                    "id": new_id,
                    "space_id": self.space_id,
                    "a_id": item.a_id,
                    "b_id": item.b_id,
                    "state": item.state.value,
                    "why": item.why,
                    "outcome": item.outcome,
                    "history": history_json(item.history),
                    "created_at": to_store(item.created_at or datetime.now(UTC)),
                }
                for new_id, item in zip(ids, found, strict=True)
            ],
        )
        return len(found)

    # What pairing reads -----------------------------------------------------------------------

    def _profiles(self, where: sa.ColumnElement[bool]) -> list[Profile]:
        rows = self.conn.execute(
            sa.select(
                people.c.id,
                people.c.display_name,
                organisations.c.name,
                people.c.title,
                # As stored text, decoded here only when not empty (most lists are): many times faster.
                _text_of(people.c.interests).label("interests"),
                _text_of(people.c.could_use_help_with).label("needs"),
                _text_of(people.c.can_help_with).label("offers"),
                people.c.notes,
                people.c.met_through_id,
            )
            .outerjoin(organisations, organisations.c.id == people.c.organisation_id)
            .where(people.c.space_id == self.space_id, where)
        ).all()
        tags: dict[int, list[str]] = defaultdict(list)
        ids = [row.id for row in rows]
        # Many people: every tag of the space in one plain statement (a subquery naming the same people
        # can make PostgreSQL scan the people once per tag); a few: theirs by id.
        statements = (
            [sa.true()]
            if len(ids) > _CHUNK
            else [person_tags.c.person_id.in_(chunk) for chunk in _chunks(ids)]
        )
        wanted = set(ids)
        for condition in statements if ids else []:
            for person_id, tag in self.conn.execute(
                sa.select(person_tags.c.person_id, person_tags.c.tag)
                .where(person_tags.c.space_id == self.space_id, condition)
                .order_by(person_tags.c.person_id, person_tags.c.position)
            ):
                if person_id in wanted:
                    tags[person_id].append(tag)
        return [
            Profile(
                person_id=row.id,
                name=row.display_name,
                organisation=row.name or "",
                title=row.title,
                tags=tuple(tags.get(row.id, ())),
                interests=_listed(row.interests),
                needs=_listed(row.needs),
                offers=_listed(row.offers),
                notes=row.notes,
                met_through_id=row.met_through_id,
            )
            for row in rows
        ]

    def profiles(self) -> list[Profile]:
        """Everyone with interests, needs or offers, or tagged as looking for work (whom pairing weighs)."""
        said = sa.or_(
            *(
                sa.and_(_text_of(column) != "[]", _text_of(column) != "")
                for column in (people.c.interests, people.c.could_use_help_with, people.c.can_help_with)
            ),
            # Evaluated once (not a subquery per person): the few tagged as looking for work.
            people.c.id.in_(
                sa.select(person_tags.c.person_id).where(
                    person_tags.c.space_id == self.space_id, person_tags.c.key.in_(search_tag_keys())
                )
            ),
        )
        return self._profiles(said)

    def profiles_of(self, ids: Sequence[int]) -> list[Profile]:
        """The people with these ids, as pairing and sharing read them."""
        found: list[Profile] = []
        for chunk in _chunks(list(ids)):
            found.extend(self._profiles(people.c.id.in_(chunk)))
        return found

    def organisation_names(self) -> list[str]:
        """The name of every organisation of the space."""
        return list(
            self.conn.execute(
                sa.select(organisations.c.name).where(organisations.c.space_id == self.space_id)
            ).scalars()
        )

    def people_at(self, names: Sequence[str], *, most: int) -> dict[str, list[Profile]]:
        """The people at each of these organisations (by name as stored), at most ``most`` each."""
        if not names:
            return {}
        org_ids: dict[int, str] = {}
        for chunk in _chunk_names(list(names)):
            rows = self.conn.execute(
                sa.select(organisations.c.id, organisations.c.name).where(
                    organisations.c.space_id == self.space_id, organisations.c.name.in_(chunk)
                )
            )
            org_ids.update((org_id, name) for org_id, name in rows)
        if not org_ids:
            return {}
        # The first ``most`` at each organisation by name, in one statement (a window per organisation).
        ranked = (
            sa.select(
                people.c.id,
                sa.func.row_number()
                .over(partition_by=people.c.organisation_id, order_by=(people.c.sort_key, people.c.id))
                .label("place"),
            )
            .where(people.c.space_id == self.space_id, people.c.organisation_id.in_(list(org_ids)))
            .subquery()
        )
        ids = list(self.conn.execute(sa.select(ranked.c.id).where(ranked.c.place <= most)).scalars())
        found: dict[str, list[Profile]] = {name: [] for name in org_ids.values()}
        for profile in self.profiles_of(ids):
            found.setdefault(profile.organisation, []).append(profile)
        return found

    # What sharing an article reads ------------------------------------------------------------

    def suited_ids(self, terms: Sequence[Term], *, most: int) -> list[int]:
        """The people whose indexed words hold any of ``terms``, the best full-text matches first, at
        most ``most``."""
        if not terms:
            return []
        if self.conn.dialect.name == "sqlite":
            match = " OR ".join(f'"{term.stem}"*' if term.prefix else f'"{term.stem}"' for term in terms)
            statement = sa.text(
                "SELECT people.id FROM people_fts JOIN people ON people.id = people_fts.rowid "
                "WHERE people_fts MATCH :match AND people.space_id = :space "
                "ORDER BY bm25(people_fts) LIMIT :most"
            )
            return list(
                self.conn.execute(statement, {"match": match, "space": self.space_id, "most": most}).scalars()
            )
        tsquery = " | ".join(f"{term.stem}:*" if term.prefix else term.stem for term in terms)
        statement = sa.text(
            "SELECT id FROM people WHERE space_id = :space "
            "AND search_vector @@ to_tsquery('simple', :query) "
            "ORDER BY ts_rank(search_vector, to_tsquery('simple', :query)) DESC, id LIMIT :most"
        )
        return list(
            self.conn.execute(statement, {"query": tsquery, "space": self.space_id, "most": most}).scalars()
        )
