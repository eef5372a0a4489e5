"""The user's professional self in one space: their profiles, elevator pitch, practice log and card."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from orchardist.domain.card import CardChoice
from orchardist.domain.pitch import PARTS, Practice
from orchardist.domain.presence import Profile, Visibility, platform_order
from orchardist.store.ids import ids_for
from orchardist.store.tables import calling_cards, pitch_parts, pitch_practice, presence_profiles
from orchardist.store.times import from_store, to_store

_PROFILE_VALUES = (
    "platform",
    "label",
    "display_name",
    "headline",
    "title",
    "employer",
    "location",
    "open_to_work",
    "url",
    "position_start",
    "visibility",
    "reviewed_on",
    "nickname",
)
_CARD_VALUES = ("profile", "show_employer", "phone", "email", "url", "line")


def _profile(row: Any) -> Profile:
    values = {name: getattr(row, name) for name in _PROFILE_VALUES}
    values["visibility"] = (
        Visibility(row.visibility) if row.visibility in Visibility._value2member_map_ else Visibility.PUBLIC
    )
    return Profile(id=row.id, **values)


def _profile_row(profile: Profile) -> dict[str, Any]:
    row = {name: getattr(profile, name) for name in _PROFILE_VALUES}
    row["visibility"] = profile.visibility.value
    return row


def _practice(row: Any) -> Practice:
    return Practice(
        id=row.id, on=row.on_date, place=row.place, note=row.note, created_at=from_store(row.created_at)
    )


class PresenceRepository:
    """Profiles, pitch, practice log and card choices of one space."""

    def __init__(self, conn: Connection, space_id: int) -> None:
        self.conn = conn
        self.space_id = space_id

    # Profiles ----------------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        """Every profile, known platforms first in their order, then the others by name."""
        rows = self.conn.execute(
            sa.select(presence_profiles).where(presence_profiles.c.space_id == self.space_id)
        )
        return sorted((_profile(row) for row in rows), key=lambda profile: platform_order(profile.platform))

    def profile(self, platform: str) -> Profile | None:
        row = self.conn.execute(
            sa.select(presence_profiles).where(
                presence_profiles.c.space_id == self.space_id, presence_profiles.c.platform == platform
            )
        ).first()
        return None if row is None else _profile(row)

    def add_profile(self, profile: Profile) -> Profile:
        row = self.conn.execute(
            sa.insert(presence_profiles)
            .values(space_id=self.space_id, **_profile_row(profile))
            .returning(presence_profiles)
        ).one()
        return _profile(row)

    def update_profile(self, profile: Profile) -> Profile:
        row = self.conn.execute(
            sa.update(presence_profiles)
            .where(
                presence_profiles.c.space_id == self.space_id,
                presence_profiles.c.platform == profile.platform,
            )
            .values(**_profile_row(profile))
            .returning(presence_profiles)
        ).one()
        return _profile(row)

    def delete_profile(self, platform: str) -> bool:
        result = self.conn.execute(
            sa.delete(presence_profiles).where(
                presence_profiles.c.space_id == self.space_id, presence_profiles.c.platform == platform
            )
        )
        return result.rowcount > 0

    # The pitch ---------------------------------------------------------------------------------

    def pitch(self) -> dict[str, str]:
        """The pitch's parts that are written, by code."""
        rows = self.conn.execute(
            sa.select(pitch_parts.c.part, pitch_parts.c.text).where(pitch_parts.c.space_id == self.space_id)
        )
        return {row.part: row.text for row in rows if row.part in PARTS}

    def set_part(self, part: str, text: str) -> None:
        """Write one part; an empty text forgets it."""
        self.conn.execute(
            sa.delete(pitch_parts).where(pitch_parts.c.space_id == self.space_id, pitch_parts.c.part == part)
        )
        if text:
            self.conn.execute(sa.insert(pitch_parts).values(space_id=self.space_id, part=part, text=text))

    def practice(self) -> list[Practice]:
        """The practice log, the latest first."""
        rows = self.conn.execute(
            sa.select(pitch_practice)
            .where(pitch_practice.c.space_id == self.space_id)
            .order_by(pitch_practice.c.on_date.desc(), pitch_practice.c.id.desc())
        )
        return [_practice(row) for row in rows]

    def add_practice(self, on: date, place: str, note: str) -> Practice:
        row = self.conn.execute(
            sa.insert(pitch_practice)
            .values(space_id=self.space_id, on_date=on, place=place, note=note, created_at=datetime.now(UTC))
            .returning(pitch_practice)
        ).one()
        return _practice(row)

    def delete_practice(self, practice_id: int) -> bool:
        result = self.conn.execute(
            sa.delete(pitch_practice).where(
                pitch_practice.c.space_id == self.space_id, pitch_practice.c.id == practice_id
            )
        )
        return result.rowcount > 0

    # The card ----------------------------------------------------------------------------------

    def card(self) -> CardChoice | None:
        row = self.conn.execute(
            sa.select(calling_cards).where(calling_cards.c.space_id == self.space_id)
        ).first()
        return None if row is None else CardChoice(**{name: getattr(row, name) for name in _CARD_VALUES})

    def set_card(self, choice: CardChoice) -> None:
        values = {name: getattr(choice, name) for name in _CARD_VALUES}
        self.conn.execute(sa.delete(calling_cards).where(calling_cards.c.space_id == self.space_id))
        self.conn.execute(sa.insert(calling_cards).values(space_id=self.space_id, **values))

    # Backups -----------------------------------------------------------------------------------

    def delete_all(self) -> None:
        """Forget the profiles, pitch, practice log and card (a restore replaces them)."""
        for table in (presence_profiles, pitch_parts, pitch_practice, calling_cards):
            self.conn.execute(sa.delete(table).where(table.c.space_id == self.space_id))

    def add_missing(
        self,
        profiles: Sequence[Profile],
        pitch: Mapping[str, str],
        practice: Sequence[Practice],
        card: CardChoice | None,
    ) -> None:
        """What a backup holds that the space has not: profiles on other platforms, parts of the pitch not
        written, practices not logged (same day, place and note), and the card when none was chosen."""
        have = {profile.platform for profile in self.profiles()}
        for profile in profiles:
            if profile.platform not in have:
                self.add_profile(profile)
                have.add(profile.platform)
        written = self.pitch()
        for part, text in pitch.items():
            if part in PARTS and part not in written and text:
                self.set_part(part, text)
        logged = {(item.on, item.place, item.note) for item in self.practice()}
        new = [item for item in practice if (item.on, item.place, item.note) not in logged]
        if new:
            ids = ids_for(self.conn, pitch_practice, [item.id or None for item in new])
            self.conn.execute(
                sa.insert(pitch_practice),
                [
                    {
                        "id": practice_id,
                        "space_id": self.space_id,
                        "on_date": item.on,
                        "place": item.place,
                        "note": item.note,
                        "created_at": to_store(item.created_at),
                    }
                    for practice_id, item in zip(ids, new, strict=True)
                ],
            )
        if card is not None and self.card() is None:
            self.set_card(card)
