"""A network's settings: the tending rhythm, holidays and weekly goal, reminders and the weekly digest.

Every setting has a name, a type, a default and a check; ``update`` checks all the changes together and
stores them in one transaction, or refuses them all. The feed token and the digest's last-sent day are
kept here too, but are changed only by the reminders and digest services.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.engine import Connection

from orchardist.domain.holidays import BY_CODE
from orchardist.domain.rhythm import TendingSettings
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.settings import read_settings, write_settings

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SECURITIES = ("starttls", "ssl", "none")
MAX_REMINDER_DAYS = 366
# Kept with the settings, changed only by their own services.
FEED_TOKEN = "feed_token"
FEED_LANGUAGE = "feed_language"
DIGEST_LAST_SENT = "digest_last_sent"


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting a user can change: its type, default and what it means."""

    name: str
    kind: type
    default: Any
    help: str
    secret: bool = False


SETTINGS: dict[str, Setting] = {
    setting.name: setting
    for setting in (
        Setting("inner_days", int, 30, "Days between contacts for the inner tier."),
        Setting("active_days", int, 90, "Days between contacts for the active tier."),
        Setting("casual_days", int, 180, "Days between contacts for the casual tier."),
        Setting(
            "today_size", int, 10, "How many people Today suggests by rhythm (owed actions always show)."
        ),
        Setting("weekly_goal", int, 5, "People to tend each week; 0 for no goal."),
        Setting(
            "holidays", list, [], "Holidays to greet the inner and active tiers on (codes, comma-separated)."
        ),
        Setting(
            "reminder_names",
            bool,
            False,
            "Calendar entries and digests name people (off: neutral words only).",
        ),
        Setting("reminder_days", int, 28, "How many days ahead the reminders calendar covers."),
        Setting("digest_enabled", bool, False, "Send the weekly digest e-mail."),
        Setting("digest_weekday", str, "monday", "The day of the week the digest is sent."),
        Setting("digest_to", str, "", "The address the digest is sent to."),
        Setting("digest_from", str, "", "The sender address of the digest."),
        Setting("smtp_host", str, "", "The SMTP server that sends the digest."),
        Setting("smtp_port", int, 587, "The SMTP server's port."),
        Setting("smtp_security", str, "starttls", "starttls, ssl or none."),
        Setting("smtp_username", str, "", "The SMTP user name, if the server asks for one."),
        Setting("smtp_password", str, "", "The SMTP password (ORCHARDIST_SMTP_PASSWORD overrides it).", True),
    )
}
TENDING_FIELDS = tuple(field.name for field in fields(TendingSettings))


def _parse_bool(text: str) -> bool:
    folded = text.strip().casefold()
    if folded in ("1", "true", "yes", "on"):
        return True
    if folded in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"must be on or off, got {text!r}")


def _parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"must be a whole number, got {text!r}") from None


def _parse_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


_PARSERS: dict[type, Callable[[str], Any]] = {
    bool: _parse_bool,
    int: _parse_int,
    list: _parse_list,
    str: lambda text: text.strip(),
}


_KIND_WORDS: dict[type, str] = {
    bool: "on or off (true or false)",
    int: "a whole number",
    list: "a list of codes",
    str: "text",
}


def parse(name: str, text: str) -> Any:
    """A setting's value from text (the CLI and web forms); InputRefused naming the setting."""
    setting = SETTINGS.get(name)
    if setting is None:
        raise InputRefused(f"{name}: no such setting; settings are {', '.join(SETTINGS)}")
    try:
        return _PARSERS[setting.kind](text)
    except ValueError as error:
        raise InputRefused(f"{name}: {error}") from None


def _check(values: Mapping[str, Any]) -> None:
    """Refuse values that cannot work together, naming the first wrong setting."""
    try:
        tending_from(values)
    except ValueError as error:
        raise InputRefused(str(error)) from None
    if not 1 <= values["reminder_days"] <= MAX_REMINDER_DAYS:
        raise InputRefused(
            f"reminder_days: must be from 1 to {MAX_REMINDER_DAYS}, got {values['reminder_days']}"
        )
    if values["digest_weekday"] not in WEEKDAYS:
        raise InputRefused(f"digest_weekday: must be one of {', '.join(WEEKDAYS)}")
    if values["smtp_security"] not in SECURITIES:
        raise InputRefused(f"smtp_security: must be one of {', '.join(SECURITIES)}")
    if not 1 <= values["smtp_port"] <= 65535:
        raise InputRefused(f"smtp_port: must be from 1 to 65535, got {values['smtp_port']}")
    for name in ("digest_to", "digest_from"):
        if values[name]:
            try:
                validate_email(values[name], check_deliverability=False)
            except EmailNotValidError as error:
                raise InputRefused(f"{name}: {error}") from None
    if values["digest_enabled"]:
        missing = [name for name in ("digest_to", "digest_from", "smtp_host") if not values[name]]
        if missing:
            raise InputRefused(f"digest_enabled: set {', '.join(missing)} first")


def tending_from(values: Mapping[str, Any]) -> TendingSettings:
    """The tending settings among stored values; defaults for what is absent. ValueError if wrong."""
    chosen = {name: values[name] for name in TENDING_FIELDS if name in values}
    if "holidays" in chosen:
        chosen["holidays"] = tuple(chosen["holidays"])
    return TendingSettings(**chosen)


def current(network: Network) -> dict[str, Any]:
    """Every setting's value: stored ones, and defaults for the rest (and the internal keys if set)."""
    with network.store.read() as conn:
        stored = read_settings(conn, network.space_id)
    return {**{name: setting.default for name, setting in SETTINGS.items()}, **stored}


def tending_settings(network: Network, conn: Connection | None = None) -> TendingSettings:
    """The network's tending settings (rhythm per tier, Today's size, weekly goal, holidays), read in
    ``conn``'s transaction when given."""
    if conn is None:
        with network.store.read() as reading:
            return tending_settings(network, reading)
    try:
        return tending_from(read_settings(conn, network.space_id))
    except ValueError:  # stored by an older version with other limits: the defaults still work
        return TendingSettings()


def update(network: Network, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check and store the changes together; returns every setting's new value. InputRefused if wrong."""
    values = checked(current(network), changes)
    with network.store.write() as conn:
        write_settings(conn, network.space_id, changes)
    return values


def checked(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied, once every change is known, of its type and fits with the rest;
    InputRefused naming the first that does not."""
    for name, value in changes.items():
        setting = SETTINGS.get(name)
        if setting is None:
            raise InputRefused(f"{name}: no such setting; settings are {', '.join(SETTINGS)}")
        if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
            raise InputRefused(f"{name}: must be {_KIND_WORDS[setting.kind]}")
    if "holidays" in changes:
        unknown = [code for code in changes["holidays"] if code not in BY_CODE]
        if unknown:
            raise InputRefused(f"holidays: unknown holiday {unknown[0]!r}; known: {', '.join(BY_CODE)}")
    values = {**base, **changes}
    _check(values)
    return values


def backed_up(stored: Mapping[str, Any]) -> dict[str, Any]:
    """The settings a backup keeps: those the user set, but no secret (the SMTP password) and no
    internal key (the feed address, the last digest)."""
    return {name: value for name, value in stored.items() if name in SETTINGS and not SETTINGS[name].secret}


def restored(network: Network, from_backup: Mapping[str, Any]) -> dict[str, Any]:
    """The changes that make the network's settings those of a backup (a setting it lacks goes back
    to its default; secrets and internal keys stay); InputRefused, naming the setting, if one is wrong."""
    unknown = [name for name in from_backup if name not in SETTINGS or SETTINGS[name].secret]
    if unknown:
        raise InputRefused(f"settings.{unknown[0]}: not a setting a backup restores")
    changes = {name: from_backup.get(name) for name, setting in SETTINGS.items() if not setting.secret}
    defaults = {name: setting.default for name, setting in SETTINGS.items()}
    kept = {name: value for name, value in current(network).items() if name not in changes}
    checked(
        {**defaults, **kept},
        {name: value for name, value in changes.items() if value is not None},
    )
    return changes


def keep(network: Network, values: Mapping[str, Any]) -> None:
    """Store internal values (feed token, last digest) without the user-facing checks."""
    with network.store.write() as conn:
        write_settings(conn, network.space_id, values)


def shown(values: Mapping[str, Any]) -> dict[str, Any]:
    """The user-facing settings with secrets masked, for display and JSON."""
    return {
        name: ("********" if setting.secret and values.get(name) else values.get(name, setting.default))
        for name, setting in SETTINGS.items()
    }
