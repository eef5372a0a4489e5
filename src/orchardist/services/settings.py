"""A network's settings: the tending rhythm, holidays and weekly goal, reminders and the weekly digest.

Every setting has a name, a type, a default and a check; ``update`` checks all the changes together and
stores them in one transaction, or refuses them all. The feed token and the digest's last-sent day are
kept here too, but are changed only by the reminders and digest services.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from orchardist.domain.discretion import SearchMode, clean_domain
from orchardist.domain.holidays import BY_CODE
from orchardist.domain.limits import text_problem
from orchardist.domain.messages import N_, Message, Wording
from orchardist.domain.rhythm import TendingSettings
from orchardist.domain.wording import NUMBER_RANGE, TOO_MANY, UNKNOWN_HOLIDAY
from orchardist.services import refusals
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.store.unit import Unit

SEARCH_MODES = tuple(mode.value for mode in SearchMode)
MAX_NAME = 300  # an organisation's name, as people store it
MAX_DOMAIN = 253
MAX_NAMES = 50  # aliases or work domains
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SECURITIES = ("starttls", "ssl", "none")
MAX_REMINDER_DAYS = 366
# Kept with the settings, changed only by their own services.
FEED_TOKEN = "feed_token"
FEED_LANGUAGE = "feed_language"
DIGEST_LAST_SENT = "digest_last_sent"


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting a user can change: its type, default, what the Settings page calls it (marked for
    the catalogue) and what it means (``settings show``, in English)."""

    name: str
    kind: type
    default: Any
    label: str
    help: str
    secret: bool = False
    # Changed only by its own command (the access passcode is hashed first), never set as a value.
    command: str = ""


SETTINGS: dict[str, Setting] = {
    setting.name: setting
    for setting in (
        Setting("inner_days", int, 30, N_("Inner"), "Days between contacts for the inner tier."),
        Setting("active_days", int, 90, N_("Active"), "Days between contacts for the active tier."),
        Setting("casual_days", int, 180, N_("Casual"), "Days between contacts for the casual tier."),
        Setting(
            "today_size",
            int,
            10,
            N_("People Today suggests by rhythm"),
            "How many people Today suggests by rhythm (owed actions always show).",
        ),
        Setting(
            "weekly_goal",
            int,
            5,
            N_("Weekly goal: people to tend"),
            "People to tend each week; 0 for no goal.",
        ),
        Setting(
            "holidays",
            list,
            [],
            N_("Holidays to greet your inner and active tiers on"),
            "Holidays to greet the inner and active tiers on (codes, comma-separated).",
        ),
        Setting(
            "reminder_names",
            bool,
            False,
            N_("Show names and reasons in calendar entries and digests"),
            "Calendar entries and digests name people (off: neutral words only).",
        ),
        Setting(
            "reminder_days", int, 28, N_("Days ahead"), "How many days ahead the reminders calendar covers."
        ),
        Setting(
            "digest_enabled", bool, False, N_("Send the weekly digest"), "Send the weekly digest e-mail."
        ),
        Setting("digest_weekday", str, "monday", N_("On"), "The day of the week the digest is sent."),
        Setting("digest_to", str, "", N_("Send to"), "The address the digest is sent to."),
        Setting("digest_from", str, "", N_("From"), "The sender address of the digest."),
        Setting("smtp_host", str, "", N_("Server"), "The SMTP server that sends the digest."),
        Setting("smtp_port", int, 587, N_("Port"), "The SMTP server's port."),
        Setting("smtp_security", str, "starttls", N_("Security"), "starttls, ssl or none."),
        Setting("smtp_username", str, "", N_("User name"), "The SMTP user name, if the server asks for one."),
        Setting(
            "smtp_password",
            str,
            "",
            N_("Password"),
            "The SMTP password (ORCHARDIST_SMTP_PASSWORD overrides it).",
            True,
        ),
        # About me: who the user is, who they work for, and how openly they are looking for work.
        Setting("my_name", str, "", N_("Your name"), "Your name, as you sign your messages."),
        Setting(
            "employer",
            str,
            "",
            N_("Current employer"),
            "Where you work now: people there are flagged as co-workers.",
        ),
        Setting(
            "employer_aliases",
            list,
            [],
            N_("Other names of your employer"),
            "Other names your employer goes by (comma-separated): a brand, a former name, a parent.",
        ),
        Setting(
            "work_domains",
            list,
            [],
            N_("Work e-mail domains"),
            "The domains of your work e-mail (comma-separated), such as contoso.com; sub-domains count too.",
        ),
        Setting(
            "search_mode",
            str,
            "off",
            N_("Your job search"),
            "How openly you are looking for work: off, open or discreet (warn wherever it could leak).",
        ),
        Setting(
            "access_passcode",
            str,
            "",
            N_("Access passcode"),
            "The web app's access passcode, kept hashed (orchardist passcode set / clear).",
            True,
            "orchardist passcode set",
        ),
    )
}
TENDING_FIELDS = tuple(field.name for field in fields(TendingSettings))


class _Unreadable(Exception):
    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _parse_bool(text: str) -> bool:
    folded = text.strip().casefold()
    if folded in ("1", "true", "yes", "on"):
        return True
    if folded in ("0", "false", "no", "off", ""):
        return False
    raise _Unreadable(refusals.ON_OR_OFF(value=repr(text)))


def _parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise _Unreadable(refusals.WHOLE_NUMBER(value=repr(text))) from None


def _parse_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


_PARSERS: dict[type, Callable[[str], Any]] = {
    bool: _parse_bool,
    int: _parse_int,
    list: _parse_list,
    str: lambda text: text.strip(),
}


_KIND_WORDS: dict[type, Wording] = {
    bool: refusals.KIND_ON_OFF,
    int: refusals.KIND_NUMBER,
    list: refusals.KIND_CODES,
    str: refusals.KIND_TEXT,
}


def parse(name: str, text: str) -> Any:
    """A setting's value from text (the CLI and web forms); InputRefused naming the setting."""
    setting = SETTINGS.get(name)
    if setting is None:
        raise InputRefused(refusals.NO_SUCH_SETTING(known=", ".join(SETTINGS)), field=name)
    try:
        return _PARSERS[setting.kind](text)
    except _Unreadable as error:
        raise InputRefused(error.message, field=name) from None


def _check(values: Mapping[str, Any]) -> None:
    """Refuse values that cannot work together, naming the first wrong setting."""
    tending_from(values)
    if not 1 <= values["reminder_days"] <= MAX_REMINDER_DAYS:
        raise InputRefused(
            NUMBER_RANGE(least=1, most=MAX_REMINDER_DAYS, value=values["reminder_days"]),
            field="reminder_days",
        )
    if values["digest_weekday"] not in WEEKDAYS:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(WEEKDAYS)), field="digest_weekday")
    if values["smtp_security"] not in SECURITIES:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(SECURITIES)), field="smtp_security")
    if not 1 <= values["smtp_port"] <= 65535:
        raise InputRefused(NUMBER_RANGE(least=1, most=65535, value=values["smtp_port"]), field="smtp_port")
    # Loaded here: e-mail validation is only needed when settings change (the module takes 30 ms to load).
    from email_validator import EmailNotValidError, validate_email

    for name in ("digest_to", "digest_from"):
        if values[name]:
            try:
                validate_email(values[name], check_deliverability=False)
            except EmailNotValidError as error:
                raise InputRefused(
                    refusals.NOT_AN_EMAIL(email=repr(values[name]), reason=str(error)), field=name
                ) from None
    if values["search_mode"] not in SEARCH_MODES:
        raise InputRefused(refusals.ONE_OF(choices=", ".join(SEARCH_MODES)), field="search_mode")
    for name in ("my_name", "employer"):
        problem = text_problem(values[name], MAX_NAME)
        if problem is not None:
            raise InputRefused(problem, field=name)
    for name, limit in (("employer_aliases", MAX_NAME), ("work_domains", MAX_DOMAIN)):
        if len(values[name]) > MAX_NAMES:
            raise InputRefused(TOO_MANY(limit=MAX_NAMES, count=len(values[name])), field=name)
        for item in values[name]:
            problem = text_problem(item, limit)
            if problem is not None:
                raise InputRefused(problem, field=name)
    for domain in values["work_domains"]:
        if clean_domain(domain) != domain:
            raise InputRefused(refusals.NOT_A_DOMAIN(domain=repr(domain)), field="work_domains")
    if values["digest_enabled"]:
        missing = [name for name in ("digest_to", "digest_from", "smtp_host") if not values[name]]
        if missing:
            raise InputRefused(refusals.SET_FIRST(missing=", ".join(missing)), field="digest_enabled")


def tending_from(values: Mapping[str, Any]) -> TendingSettings:
    """The tending settings among stored values; defaults for what is absent. InputRefused if wrong."""
    chosen = {name: values[name] for name in TENDING_FIELDS if name in values}
    if "holidays" in chosen:
        chosen["holidays"] = tuple(chosen["holidays"])
    return TendingSettings(**chosen)


def values_in(unit: Unit) -> dict[str, Any]:
    """Every setting's value within a transaction: stored ones, defaults for the rest (and the internal
    keys if set)."""
    return {**{name: setting.default for name, setting in SETTINGS.items()}, **unit.settings.read()}


def current(network: Network) -> dict[str, Any]:
    """Every setting's value: stored ones, and defaults for the rest (and the internal keys if set)."""
    with network.reading() as unit:
        return values_in(unit)


def tending_in(unit: Unit) -> TendingSettings:
    """The tending settings (rhythm per tier, Today's size, weekly goal, holidays) within a transaction."""
    try:
        return tending_from(unit.settings.read())
    except InputRefused:  # stored by an older version with other limits: the defaults still work
        return TendingSettings()


def tending_settings(network: Network) -> TendingSettings:
    """The network's tending settings (rhythm per tier, Today's size, weekly goal, holidays)."""
    with network.reading() as unit:
        return tending_in(unit)


def update(network: Network, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check and store the changes together; returns every setting's new value. InputRefused if wrong."""
    changes = tidied(changes)
    with network.writing() as unit:
        values = checked(values_in(unit), changes)
        unit.settings.write(changes)
    return values


def tidied(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes as they are kept: names without the spaces around them, each alias once, work
    domains written plainly (``@Contoso.com`` is ``contoso.com``; one that is no domain stays as typed,
    for the check to refuse it by name)."""
    tidy = dict(changes)
    for name in ("my_name", "employer"):
        if isinstance(tidy.get(name), str):
            tidy[name] = " ".join(tidy[name].split())
    if isinstance(tidy.get("employer_aliases"), list):
        names = (" ".join(str(item).split()) for item in tidy["employer_aliases"])
        tidy["employer_aliases"] = list(dict.fromkeys(name for name in names if name))
    if isinstance(tidy.get("work_domains"), list):
        domains = (clean_domain(str(item)) or str(item).strip() for item in tidy["work_domains"])
        tidy["work_domains"] = list(dict.fromkeys(domain for domain in domains if domain))
    if isinstance(tidy.get("search_mode"), str):
        tidy["search_mode"] = tidy["search_mode"].strip().casefold()
    return tidy


def checked(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied, once every change is known, of its type and fits with the rest;
    InputRefused naming the first that does not."""
    for name, value in changes.items():
        setting = SETTINGS.get(name)
        if setting is None:
            raise InputRefused(refusals.NO_SUCH_SETTING(known=", ".join(SETTINGS)), field=name)
        if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
            raise InputRefused(refusals.SETTING_KIND(kind=_KIND_WORDS[setting.kind]()), field=name)
        if setting.command:
            raise InputRefused(refusals.OWN_COMMAND(command=setting.command), field=name)
    if "holidays" in changes:
        # An item may be anything JSON holds, a list or an object too (which cannot be looked up).
        unknown = [code for code in changes["holidays"] if not isinstance(code, str) or code not in BY_CODE]
        if unknown:
            raise InputRefused(
                UNKNOWN_HOLIDAY(code=repr(unknown[0]), known=", ".join(BY_CODE)), field="holidays"
            )
    values = {**base, **changes}
    _check(values)
    return values


def backed_up(stored: Mapping[str, Any]) -> dict[str, Any]:
    """The settings a backup keeps: those the user set, but no secret (the SMTP password) and no
    internal key (the feed address, the last digest)."""
    return {name: value for name, value in stored.items() if name in SETTINGS and not SETTINGS[name].secret}


def restored(now: Mapping[str, Any], from_backup: Mapping[str, Any]) -> dict[str, Any]:
    """The changes that make the network's settings those of a backup (a setting it lacks goes back
    to its default; secrets and internal keys stay); InputRefused, naming the setting, if one is wrong."""
    unknown = [name for name in from_backup if name not in SETTINGS or SETTINGS[name].secret]
    if unknown:
        raise InputRefused(refusals.NOT_RESTORED(), field=f"settings.{unknown[0]}")
    changes = {name: from_backup.get(name) for name, setting in SETTINGS.items() if not setting.secret}
    defaults = {name: setting.default for name, setting in SETTINGS.items()}
    kept = {name: value for name, value in now.items() if name not in changes}
    checked(
        {**defaults, **kept},
        {name: value for name, value in changes.items() if value is not None},
    )
    return changes


def keep(network: Network, values: Mapping[str, Any]) -> None:
    """Store internal values (feed token, last digest) without the user-facing checks."""
    with network.writing() as unit:
        unit.settings.write(values)


def shown(values: Mapping[str, Any]) -> dict[str, Any]:
    """The user-facing settings with secrets masked, for display and JSON."""
    return {
        name: ("********" if setting.secret and values.get(name) else values.get(name, setting.default))
        for name, setting in SETTINGS.items()
    }


@dataclass(frozen=True, slots=True)
class About:
    """Where the network's data lives and how much there is."""

    where: str
    on_sqlite_file: bool
    people: int
    interactions: int


@dataclass(frozen=True, slots=True)
class SettingsOverview:
    """The Settings page and ``settings show``: every setting (secrets masked), where the data lives,
    the private feed's token and when the digest last went out."""

    values: dict[str, Any]
    about: About
    feed_token: str | None
    digest_last_sent: str | None


def _about_in(unit: Unit, network: Network) -> About:
    return About(
        where=network.describe(),
        on_sqlite_file=network.on_sqlite_file,
        people=unit.people.count(),
        interactions=unit.interactions.count(),
    )


def about(network: Network) -> About:
    """Where the data lives and how many people and interactions it holds (``orchardist info``)."""
    with network.reading() as unit:
        return _about_in(unit, network)


def settings_overview(network: Network) -> SettingsOverview:
    """What the Settings page shows, read in one transaction."""
    with network.reading() as unit:
        values = values_in(unit)
        about_now = _about_in(unit, network)
    token = values.get(FEED_TOKEN)
    last_sent = values.get(DIGEST_LAST_SENT)
    return SettingsOverview(
        values=shown(values),
        about=about_now,
        feed_token=str(token) if token else None,
        digest_last_sent=str(last_sent) if last_sent else None,
    )
