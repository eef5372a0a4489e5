"""Migration 0013: the introductions table, and the interests and what people can help with or could use
help with of everyone already stored, indexed for search as the app now indexes them."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from orchardist.domain.queries import Text
from orchardist.domain.search import search_text
from orchardist.services.network import Network
from orchardist.store.engine import Store
from orchardist.store.migrate import alembic_config
from orchardist.store.spaces import create_space
from tests.store.test_figures_migration import unmigrated  # noqa: F401 (the fixture)

_PERSON = (
    "INSERT INTO people (id, space_id, uid, display_name, given_name, family_name, pronouns, linkedin_url,"
    " linkedin_key, title, location, tier, interests, can_help_with, could_use_help_with, how_met,"
    " where_met, dates, notes, sources, search_text, sort_key, created_at, updated_at)"
    " VALUES (:id, :s, :uid, :name, :name, '', '', '', '', '', '', 'casual', :interests, :offers, :needs, '',"
    " '', '[]', :notes, '{}', :search, :sort, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
)


def test_interests_and_needs_are_searched_after_the_migration(unmigrated: Store) -> None:  # noqa: F811
    config = alembic_config(unmigrated)
    command.upgrade(config, "0010")
    with unmigrated.write() as conn:
        space = create_space(conn, "Alice").id
        for person, (interests, offers, needs, notes) in enumerate(
            [
                ('["Kubernetes","Sourdough bread"]', "[]", '["Cloud certifications"]', "Met at PyCon"),
                ("[]", '["Résumé review"]', "[]", ""),
                ("[]", "[]", "[]", "Nothing else"),
            ],
            start=1,
        ):
            conn.execute(
                sa.text(_PERSON),
                {
                    "id": person,
                    "s": space,
                    "uid": f"u{person}",
                    "name": f"Person {person}",
                    "interests": interests,
                    "offers": offers,
                    "needs": needs,
                    "notes": notes,
                    "search": f"person {person} {notes.lower()}".strip(),
                    "sort": f"person {person}",
                },
            )
        if conn.dialect.name == "sqlite":
            conn.execute(sa.text("INSERT INTO people_fts(people_fts) VALUES ('rebuild')"))
    command.upgrade(config, "0013")
    network = Network(unmigrated, space)
    with network.reading() as unit:
        assert [person.id for person in unit.people.find(Text("kubernetes"))] == [1]
        assert [person.id for person in unit.people.find(Text("resume"))] == [2]
        assert [person.id for person in unit.people.find(Text("certifications"))] == [1]
        assert [person.id for person in unit.people.find(Text("nothing"))] == [3]
        first = unit.people.require(1)
    with unmigrated.read() as conn:
        stored = conn.execute(sa.text("SELECT search_text FROM people WHERE id = 1")).scalar_one()
    # The words the app now indexes last, after what was indexed before.
    assert stored == "person 1 met at pycon kubernetes sourdough bread cloud certifications"
    assert search_text(first).endswith(" met at pycon kubernetes sourdough bread cloud certifications")
    command.downgrade(config, "0010")
    command.upgrade(config, "head")
