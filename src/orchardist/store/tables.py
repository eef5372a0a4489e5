"""The schema, one definition for SQLite and PostgreSQL. Every row belongs to a space."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from orchardist.domain.matching import (
    CONTACT_KEY_LENGTH,
    ORGANISATION_KEY_LENGTH,
    SORT_KEY_LENGTH,
    TAG_KEY_LENGTH,
)
from orchardist.domain.people import UID_LENGTH
from orchardist.store.table_base import metadata as metadata


class JSONText(sa.types.TypeDecorator[Any]):
    """JSON kept in a text column, alike on SQLite and PostgreSQL.

    Most list fields are empty; writing and reading ``[]`` without the JSON codec makes a
    30,000-person import and export markedly faster.
    """

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str:
        if not value:
            return "{}" if isinstance(value, Mapping) else "[]"
        return json.dumps(
            dict(value) if isinstance(value, Mapping) else value, ensure_ascii=False, separators=(",", ":")
        )

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None or value == "[]":
            return []
        if value == "{}":
            return {}
        return json.loads(value)


def _space_id() -> sa.Column[int]:
    return sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False)


def _person_id() -> sa.Column[int]:
    return sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False)


spaces = sa.Table(
    "spaces",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

organisations = sa.Table(
    "organisations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("name_key", sa.String(ORGANISATION_KEY_LENGTH), nullable=False),
    sa.Column("aliases", JSONText(), nullable=False),
    sa.Column("domains", JSONText(), nullable=False),
    sa.UniqueConstraint("space_id", "name_key", name="uq_organisations_space_name"),
)


def _partial_index(name: str, columns: str | tuple[str, ...], condition: str) -> sa.Index:
    """An index of a space's people on ``columns`` that holds only the rows meeting ``condition`` (SQL,
    ``{true}`` standing for each database's own word for true, as SQLAlchemy writes ``is_(True)``)."""
    named = (columns,) if isinstance(columns, str) else columns
    return sa.Index(
        name,
        "space_id",
        *named,
        sqlite_where=sa.text(condition.format(true="1")),
        postgresql_where=sa.text(condition.format(true="true")),
    )


people = sa.Table(
    "people",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    # The stable identity vCards carry (UID): a UUID given when the person is added, or the UID of the
    # card they were first imported from; never changed, kept by the survivor of a merge.
    sa.Column("uid", sa.String(UID_LENGTH), nullable=False, server_default=""),
    sa.Column("display_name", sa.String(500), nullable=False),
    sa.Column("given_name", sa.String(300), nullable=False),
    sa.Column("family_name", sa.String(300), nullable=False),
    sa.Column("pronouns", sa.String(100), nullable=False),
    sa.Column("linkedin_url", sa.String(1000), nullable=False),
    sa.Column("linkedin_key", sa.String(CONTACT_KEY_LENGTH), nullable=False),
    sa.Column(
        "organisation_id", sa.Integer, sa.ForeignKey("organisations.id", ondelete="SET NULL"), nullable=True
    ),
    sa.Column("title", sa.String(500), nullable=False),
    sa.Column("location", sa.String(500), nullable=False),
    sa.Column("tier", sa.String(20), nullable=False),
    sa.Column("every_days", sa.Integer, nullable=True),
    sa.Column("interests", JSONText(), nullable=False),
    sa.Column("can_help_with", JSONText(), nullable=False),
    sa.Column("could_use_help_with", JSONText(), nullable=False),
    sa.Column("how_met", sa.Text, nullable=False),
    sa.Column("where_met", sa.Text, nullable=False),
    sa.Column("met_through_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"), nullable=True),
    sa.Column("birthday", sa.String(10), nullable=True),
    sa.Column("dates", JSONText(), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("sources", JSONText(), nullable=False),
    # The person's values of the custom fields (domain/fields.py), by field name.
    sa.Column("extra", JSONText(), nullable=False, server_default="{}"),
    # Folded name, organisation, title, tags, location and notes: what full-text search indexes.
    sa.Column("search_text", sa.Text, nullable=False),
    # Folded "family given" for sorting by name the same way on both databases.
    sa.Column("sort_key", sa.String(SORT_KEY_LENGTH), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # The date of the latest interaction, kept by InteractionsRepository on every write, so sorting by
    # contact and the stay-in-touch rhythm never aggregate the interactions.
    sa.Column("last_contact_on", sa.Date, nullable=True),
    # How many of their interactions gave, asked, were mutual or social (the give/ask ledger), kept
    # with the last-contact date.
    sa.Column("gave_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("asked_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("mutual_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("social_count", sa.Integer, nullable=False, server_default="0"),
    # Whether one of their dates is a work start (a work anniversary for Today), kept on every write.
    sa.Column("has_work_date", sa.Boolean, nullable=False, server_default=sa.false()),
    # Discretion: they know the user is looking for work; the user's yes or no on "co-worker" (NULL:
    # worked out from the organisation and e-mails when read, so a new employer counts at once).
    sa.Column("knows_search", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("coworker_override", sa.Boolean, nullable=True),
    sa.Index("ix_people_space_sort", "space_id", "sort_key"),
    sa.Index("ux_people_space_uid", "space_id", "uid", unique=True),
    # Both orders of the People list by contact read an index alone (sort_key makes it covering).
    sa.Index("ix_people_space_last_contact", "space_id", "last_contact_on", "sort_key"),
    sa.Index("ix_people_space_recent", "space_id", sa.text("last_contact_on DESC"), "sort_key"),
    # Today's rhythm: the longest-untended of each tier, read from the front of the index.
    sa.Index("ix_people_space_tier_contact", "space_id", "tier", "last_contact_on", "created_at"),
    # The indexes below hold only the people they find (a rhythm of their own, a birthday, a work
    # date, a mark, an introducer): most people have none of these, so an import of thousands writes
    # none of their entries. Each query names the index's condition or one that implies it.
    _partial_index("ix_people_space_every", "every_days", "every_days IS NOT NULL"),
    _partial_index("ix_people_space_birthday", "birthday", "birthday IS NOT NULL"),
    _partial_index("ix_people_space_work_date", "has_work_date", "has_work_date IS {true}"),
    sa.Index("ix_people_space_linkedin", "space_id", "linkedin_key"),
    sa.Index("ix_people_organisation", "organisation_id"),
    # The people the user marked (knows of the search, co-worker yes or no), read from the index alone.
    _partial_index(
        "ix_people_space_marks",
        ("knows_search", "coworker_override"),
        "knows_search IS {true} OR coworker_override IS NOT NULL",
    ),
    # Who do I know at X: the people someone introduced, found without reading everyone.
    _partial_index("ix_people_space_met_through", "met_through_id", "met_through_id IS NOT NULL"),
)


def _contact_point(name: str) -> sa.Table:
    """A table of one kind of contact point (e-mail, phone, URL) with its matching key."""
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        _space_id(),
        _person_id(),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("value", sa.String(1000), nullable=False),
        sa.Column("key", sa.String(CONTACT_KEY_LENGTH), nullable=False),
        sa.Index(f"ix_{name}_space_key", "space_id", "key"),
        sa.Index(f"ix_{name}_person", "person_id"),
    )


person_emails = _contact_point("person_emails")
person_phones = _contact_point("person_phones")
person_urls = _contact_point("person_urls")

person_tags = sa.Table(
    "person_tags",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    _person_id(),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("tag", sa.String(200), nullable=False),
    sa.Column("key", sa.String(TAG_KEY_LENGTH), nullable=False),
    sa.Index("ix_person_tags_space_key", "space_id", "key"),
    sa.Index("ix_person_tags_person", "person_id"),
)

interactions = sa.Table(
    "interactions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("channel", sa.String(30), nullable=False),
    sa.Column("direction", sa.String(10), nullable=False),
    sa.Column("kind", sa.String(50), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_interactions_space_date", "space_id", "on_date"),
    # Today's recent contacts, read from the index alone.
    sa.Index("ix_interactions_space_date_kind", "space_id", "on_date", "kind", "direction"),
)

interaction_people = sa.Table(
    "interaction_people",
    metadata,
    sa.Column(
        "interaction_id",
        sa.Integer,
        sa.ForeignKey("interactions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    _space_id(),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Index("ix_interaction_people_person_date", "person_id", "on_date"),
)

# Derived data: each week's Progress figures (orchardist.store.figures), kept up to date by every write
# of people and interactions. A backup does not carry it: it is rebuilt from the interactions.
weekly_figures = sa.Table(
    "weekly_figures",
    metadata,
    _space_id(),
    sa.Column("week_start", sa.Date, nullable=False),
    *(
        sa.Column(name, sa.Integer, nullable=False, server_default="0")
        for name in (
            "reconnections",
            "gives",
            "asks",
            "mutual",
            "social",
            "thank_yous",
            "new_people",
            "tended",
        )
    ),
    sa.PrimaryKeyConstraint("space_id", "week_start", name="pk_weekly_figures"),
)

# A new job seen when a newer export is imported: the "congratulate" occasion builds on it.
job_changes = sa.Table(
    "job_changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    _person_id(),
    sa.Column("seen_on", sa.Date, nullable=False),
    sa.Column("old_organisation", sa.String(300), nullable=False),
    sa.Column("old_title", sa.String(500), nullable=False),
    sa.Column("new_organisation", sa.String(300), nullable=False),
    sa.Column("new_title", sa.String(500), nullable=False),
    sa.Column("source", sa.String(300), nullable=False),
)

# Tending: a person snoozed until a day, a Today item dismissed, the reconnect list.
snoozes = sa.Table(
    "snoozes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    _person_id(),
    sa.Column("until_on", sa.Date, nullable=False),
    sa.UniqueConstraint("space_id", "person_id", name="uq_snoozes_person"),
)

dismissals = sa.Table(
    "dismissals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    _person_id(),
    sa.Column("reason", sa.String(30), nullable=False),
    sa.Column("due_on", sa.Date, nullable=False),
    sa.UniqueConstraint("space_id", "person_id", "reason", "due_on", name="uq_dismissals_item"),
)

reconnect_list = sa.Table(
    "reconnect_list",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    _person_id(),
    sa.Column("since_on", sa.Date, nullable=False),
    sa.UniqueConstraint("space_id", "person_id", name="uq_reconnect_person"),
)

# A contact that took someone off the reconnect list, on that day: Progress counts it as a reconnection
# however recent the last contact or the day they were added.
reconnections = sa.Table(
    "reconnections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    _person_id(),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.UniqueConstraint("space_id", "person_id", "on_date", name="uq_reconnections_day"),
)

# A network's settings, one JSON value per key (see orchardist.services.settings).
settings = sa.Table(
    "settings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("key", sa.String(100), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.UniqueConstraint("space_id", "key", name="uq_settings_key"),
)

# What the user can offer others: a skill, information, an introduction.
offers = sa.Table(
    "offers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("text", sa.String(500), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_offers_space", "space_id"),
)

# The user's message templates: their own, and their copies of built-in ones (same code), per language.
message_templates = sa.Table(
    "message_templates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("code", sa.String(100), nullable=False),
    sa.Column("lang", sa.String(10), nullable=False),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("gives", sa.String(20), nullable=False),
    sa.Column("log_kind", sa.String(40), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("space_id", "lang", "code", name="uq_message_templates_code"),
)

# The user's own profiles, one a platform (its key: a known code or the folded name of another).
presence_profiles = sa.Table(
    "presence_profiles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("platform", sa.String(60), nullable=False),
    sa.Column("label", sa.String(60), nullable=False, server_default=""),
    sa.Column("display_name", sa.String(300), nullable=False, server_default=""),
    sa.Column("headline", sa.String(500), nullable=False, server_default=""),
    sa.Column("title", sa.String(500), nullable=False, server_default=""),
    sa.Column("employer", sa.String(300), nullable=False, server_default=""),
    sa.Column("location", sa.String(200), nullable=False, server_default=""),
    sa.Column("open_to_work", sa.Boolean, nullable=True),
    sa.Column("url", sa.String(2000), nullable=False, server_default=""),
    sa.Column("position_start", sa.String(7), nullable=False, server_default=""),
    sa.Column("visibility", sa.String(10), nullable=False, server_default="public"),
    sa.Column("reviewed_on", sa.Date, nullable=True),
    sa.Column("nickname", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("space_id", "platform", name="uq_presence_profiles_platform"),
)

# The elevator pitch, a row a part; the practice log; the calling card's choices (one row a space).
pitch_parts = sa.Table(
    "pitch_parts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("part", sa.String(20), nullable=False),
    sa.Column("text", sa.String(1000), nullable=False),
    sa.UniqueConstraint("space_id", "part", name="uq_pitch_parts_part"),
)

pitch_practice = sa.Table(
    "pitch_practice",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("place", sa.String(200), nullable=False),
    sa.Column("note", sa.String(2000), nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_pitch_practice_space", "space_id", "on_date"),
)

calling_cards = sa.Table(
    "calling_cards",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("profile", sa.String(60), nullable=False, server_default=""),
    sa.Column("show_employer", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("phone", sa.String(50), nullable=False, server_default=""),
    sa.Column("email", sa.String(320), nullable=False, server_default=""),
    sa.Column("url", sa.String(2000), nullable=False, server_default=""),
    sa.Column("line", sa.String(200), nullable=False, server_default=""),
    sa.UniqueConstraint("space_id", name="uq_calling_cards_space"),
)


# Job leads: where each was heard and from whom, where it stands and the next step (services/leads.py).
leads = sa.Table(
    "leads",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("organisation", sa.String(300), nullable=False),
    sa.Column("role", sa.String(300), nullable=False),
    sa.Column("heard_where", sa.String(500), nullable=False),
    sa.Column("heard_on", sa.Date, nullable=True),
    sa.Column("source_person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="SET NULL"), nullable=True),
    sa.Column("via_lead_id", sa.Integer, sa.ForeignKey("leads.id", ondelete="SET NULL"), nullable=True),
    sa.Column("status", sa.String(30), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("next_step", sa.String(500), nullable=False),
    sa.Column("next_step_on", sa.Date, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # Today reads the next steps due from the front of this index.
    sa.Index("ix_leads_space_next_step", "space_id", "next_step_on"),
    sa.Index("ix_leads_source", "source_person_id"),
)

# The groups the user belongs to, the events they attended and whom they met there.
network_groups = sa.Table(
    "network_groups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(30), nullable=False),
    sa.Column("joined_on", sa.Date, nullable=True),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_network_groups_space", "space_id"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("group_id", sa.Integer, sa.ForeignKey("network_groups.id", ondelete="SET NULL"), nullable=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("on_date", sa.Date, nullable=False),
    sa.Column("place", sa.String(500), nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # Today's follow-ups owed after recent events, read from the front of this index.
    sa.Index("ix_events_space_date", "space_id", "on_date"),
)

event_people = sa.Table(
    "event_people",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    _space_id(),
    sa.Index("ix_event_people_person", "person_id"),
)

# Introductions the user brokers between two people of the space (domain/introductions.py).
introductions = sa.Table(
    "introductions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    _space_id(),
    sa.Column("a_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    sa.Column("b_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),
    # [{"state", "on"}]: each step taken and its day, oldest first.
    sa.Column("history", JSONText(), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_introductions_space", "space_id"),
    sa.Index("ix_introductions_a", "a_id"),
    sa.Index("ix_introductions_b", "b_id"),
)

# The agency server's tables (accounts, sessions, sharing) belong to the same schema.
from orchardist.store import account_tables as _account_tables  # noqa: E402,F401
