"""The body of ``PATCH /api/v1/settings``, described from the settings' own table.

Each setting the user may change (``orchardist.services.settings.SETTINGS``, less those changed only by a
command of their own) is a property of its type, with the range or choices the services check; any other
name is refused. The services still check every change (and how the changes fit together: the digest
needs its addresses and server), so this module only describes and reads the body.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, WithJsonSchema

from orchardist.domain.holidays import BY_CODE
from orchardist.domain.rhythm import MAX_DAYS, MAX_TODAY_SIZE, MAX_WEEKLY_GOAL
from orchardist.services.settings import (
    MAX_DOMAIN,
    MAX_NAME,
    MAX_NAMES,
    MAX_REMINDER_DAYS,
    SEARCH_MODES,
    SECURITIES,
    SETTINGS,
    WEEKDAYS,
)

RANGES: dict[str, tuple[int, int]] = {
    "inner_days": (1, MAX_DAYS),
    "active_days": (1, MAX_DAYS),
    "casual_days": (1, MAX_DAYS),
    "today_size": (1, MAX_TODAY_SIZE),
    "weekly_goal": (0, MAX_WEEKLY_GOAL),
    "reminder_days": (1, MAX_REMINDER_DAYS),
    "smtp_port": (1, 65535),
}
CHOICES: dict[str, tuple[str, ...]] = {
    "digest_weekday": WEEKDAYS,
    "smtp_security": SECURITIES,
    "search_mode": SEARCH_MODES,
}
LISTS: dict[str, dict[str, Any]] = {
    "holidays": {"type": "string", "enum": list(BY_CODE)},
    "employer_aliases": {"type": "string", "maxLength": MAX_NAME},
    # Tidied before they are checked ("@Contoso.com" is contoso.com): a pattern would refuse too much.
    "work_domains": {"type": "string", "maxLength": MAX_DOMAIN},
}
ADDRESSES = ("digest_to", "digest_from")


def _property(name: str, kind: type, about: str) -> dict[str, Any]:
    described: dict[str, Any] = {"description": about}
    if kind is bool:
        return {**described, "type": "boolean"}
    if kind is int:
        least, most = RANGES[name]
        return {**described, "type": "integer", "minimum": least, "maximum": most}
    if kind is list:
        bounded: dict[str, Any] = {} if name == "holidays" else {"maxItems": MAX_NAMES}
        return {**described, "type": "array", "items": LISTS[name], **bounded}
    if name in CHOICES:
        return {**described, "type": "string", "enum": list(CHOICES[name])}
    if name in ADDRESSES:
        either = [{"type": "string", "maxLength": 0}, {"type": "string", "format": "email"}]
        return {**described, "anyOf": either}
    return {**described, "type": "string"}


def settings_schema() -> dict[str, Any]:
    """The JSON schema of a change to some settings."""
    return {
        "type": "object",
        "title": "SettingsChanges",
        "description": "Some settings and their new values; they change together or not at all.",
        "properties": {
            name: _property(name, setting.kind, setting.help)
            for name, setting in SETTINGS.items()
            if not setting.command
        },
        "additionalProperties": False,
    }


def _whole_numbers(changes: dict[str, Any]) -> dict[str, Any]:
    """7.0 is the whole number 7 to JSON Schema, so to a whole-number setting too."""
    return {
        name: int(value)
        if name in SETTINGS and SETTINGS[name].kind is int and isinstance(value, float) and value.is_integer()
        else value
        for name, value in changes.items()
    }


def _lists_as_described(changes: dict[str, Any]) -> dict[str, Any]:
    """About me's lists as the schema describes them, at most ``MAX_NAMES`` entries of text each, before
    the services tidy them (a name given twice is kept once)."""
    for name in ("employer_aliases", "work_domains"):
        listed = changes.get(name)
        if not isinstance(listed, list):
            continue
        if len(listed) > MAX_NAMES:
            raise ValueError(f"{name}: at most {MAX_NAMES} entries")
        if not all(isinstance(item, str) and len(item) <= LISTS[name]["maxLength"] for item in listed):
            raise ValueError(f"{name}: each entry is text of at most {LISTS[name]['maxLength']} characters")
    return changes


SettingsChanges = Annotated[
    dict[str, Any],
    AfterValidator(_whole_numbers),
    AfterValidator(_lists_as_described),
    WithJsonSchema(settings_schema()),
]
