"""The ``presence`` part of a JSON backup (since version 6): the user's profiles, elevator pitch,
practice log and calling card's choices, written and read back.

```json
"presence": {
  "profiles": [{"platform": "linkedin", "label": "", "display_name": "Amélie Côté", …}],
  "pitch": {"who": "…", "best": "…", "exploring": "…", "ask": "…"},
  "practice": [{"id": 3, "on": "2026-12-01", "where": "Data meetup", "note": "…", "created_at": "…"}],
  "card": {"profile": "linkedin", "show_employer": false, "phone": "…", "email": "…", "url": "", "line": "…"}
}
```
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from orchardist.domain.card import MAX_EMAIL, MAX_LINE, MAX_PHONE, CardChoice, ProfessionalSelf
from orchardist.domain.limits import text_problem
from orchardist.domain.pitch import MAX_NOTE, MAX_PART, MAX_PLACE, PARTS, Practice
from orchardist.domain.presence import MAX_URL, Profile, Visibility, platform_key, profile_problem, tidied
from orchardist.domain.presence_wording import NEEDS_PLACE
from orchardist.formats.json_backup_reading import (
    choice,
    day,
    fields_of,
    listed,
    moment,
    record_id,
    refuse,
    text,
    typed,
)
from orchardist.formats.json_backup_records import when
from orchardist.formats.messages import EXPECTED_OBJECT, EXPECTED_TEXT, EXPECTED_TRUE_OR_FALSE, UNKNOWN_VALUE

_PROFILE_KEYS = (
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
_CARD_KEYS = ("profile", "show_employer", "phone", "email", "url", "line")
_TEXT_LIMITS = {"where": MAX_PLACE, "note": MAX_NOTE}
_CARD_LIMITS = {"phone": MAX_PHONE, "email": MAX_EMAIL, "url": MAX_URL, "line": MAX_LINE}


# Writing ---------------------------------------------------------------------------------------


def self_object(found: ProfessionalSelf) -> dict[str, object]:
    """The ``presence`` object of a backup."""
    return {
        "profiles": [
            {
                **{name: getattr(profile, name) for name in _PROFILE_KEYS},
                "visibility": profile.visibility.value,
                "reviewed_on": profile.reviewed_on.isoformat() if profile.reviewed_on else None,
            }
            for profile in found.profiles
        ],
        "pitch": dict(found.pitch),
        "practice": [
            {
                "id": item.id or None,
                "on": item.on.isoformat(),
                "where": item.place,
                "note": item.note,
                "created_at": when(item.created_at),
            }
            for item in found.practice
        ],
        "card": None if found.card is None else {name: getattr(found.card, name) for name in _CARD_KEYS},
    }


# Reading ---------------------------------------------------------------------------------------


def _flag(found: Mapping[str, object], name: str, path: str, *, nullable: bool = False) -> bool | None:
    value = found.get(name)
    if value is None and nullable:
        return None
    return typed(value if value is not None else False, bool, f"{path}.{name}", EXPECTED_TRUE_OR_FALSE)


def _profile(value: object, path: str) -> Profile:
    found = fields_of(value, path, _PROFILE_KEYS)
    platform = platform_key(text(found, "platform", path, required=True))
    profile = tidied(
        Profile(
            platform=platform,
            label=text(found, "label", path),
            display_name=text(found, "display_name", path),
            headline=text(found, "headline", path),
            title=text(found, "title", path),
            employer=text(found, "employer", path),
            location=text(found, "location", path),
            open_to_work=_flag(found, "open_to_work", path, nullable=True),
            url=text(found, "url", path),
            position_start=text(found, "position_start", path),
            visibility=choice(found, "visibility", path, Visibility, Visibility.PUBLIC),
            reviewed_on=day(found, "reviewed_on", path) if found.get("reviewed_on") is not None else None,
            nickname=bool(_flag(found, "nickname", path)),
        )
    )
    problem = profile_problem(profile)
    if problem is not None:
        raise refuse(f"{path}.{problem[0]}", problem[1])
    return profile


def _practice(value: object, path: str) -> Practice:
    found = fields_of(value, path, ("id", "on", "where", "note", "created_at"))
    texts = {name: text(found, name, path, required=name == "where").strip() for name in _TEXT_LIMITS}
    for name, limit in _TEXT_LIMITS.items():
        problem = text_problem(texts[name], limit)
        if problem is not None:
            raise refuse(f"{path}.{name}", problem)
    if not texts["where"]:
        raise refuse(f"{path}.where", NEEDS_PLACE())
    return Practice(
        id=record_id(found, path) or 0,
        on=day(found, "on", path),
        place=texts["where"],
        note=texts["note"],
        created_at=moment(found, "created_at", path) or datetime.now(UTC),
    )


def _limited(found: Mapping[str, object], name: str, path: str) -> str:
    written = text(found, name, path)
    problem = text_problem(written, _CARD_LIMITS[name])
    if problem is not None:
        raise refuse(f"{path}.{name}", problem)
    return written


def _card(value: object, path: str) -> CardChoice | None:
    if value is None:
        return None
    found = fields_of(value, path, _CARD_KEYS)
    return CardChoice(
        profile=platform_key(text(found, "profile", path)) if text(found, "profile", path) else "",
        show_employer=bool(_flag(found, "show_employer", path)),
        **{name: _limited(found, name, path) for name in ("phone", "email", "url", "line")},
    )


def read_self(document: Mapping[str, object]) -> ProfessionalSelf:
    """The ``presence`` object of a backup (nothing when absent: versions 1 to 5)."""
    if document.get("presence") is None:
        return ProfessionalSelf()
    found = fields_of(document["presence"], "presence", ("profiles", "pitch", "practice", "card"))
    pitch = typed(found.get("pitch", {}), dict, "presence.pitch", EXPECTED_OBJECT)
    parts = []
    for part, written in pitch.items():
        if part not in PARTS:
            raise refuse("presence.pitch", UNKNOWN_VALUE(text=str(part)[:40]))
        said = typed(written, str, f"presence.pitch.{part}", EXPECTED_TEXT)
        problem = text_problem(said, MAX_PART)
        if problem is not None:
            raise refuse(f"presence.pitch.{part}", problem)
        parts.append((part, said))
    return ProfessionalSelf(
        profiles=tuple(
            _profile(value, f"presence.profiles[{index}]")
            for index, value in enumerate(listed(found, "profiles", "presence.profiles"))
        ),
        pitch=tuple(parts),
        practice=tuple(
            _practice(value, f"presence.practice[{index}]")
            for index, value in enumerate(listed(found, "practice", "presence.practice"))
        ),
        card=_card(found.get("card"), "presence.card"),
    )
