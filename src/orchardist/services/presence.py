"""The user's profiles, one a platform, and the consistency report a contact who looks them up would
make: ``presence add|edit|remove|list|check|import``, the Presence page and ``/api/v1/presence``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from orchardist.domain import presence_wording as words
from orchardist.domain.discretion import SearchMode
from orchardist.domain.presence import (
    CHANGEABLE,
    PLATFORMS,
    Profile,
    Visibility,
    platform_key,
    profile_problem,
    tidied,
)
from orchardist.domain.presence_rules import (
    RULES,
    PresenceContext,
    PresenceFinding,
    PresenceRule,
    check_presence,
)
from orchardist.services import refusals
from orchardist.services.discretion import about_me_in
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.network import Network
from orchardist.store.unit import Unit

MAX_IMPORT_BYTES = 100 * 1024 * 1024
YES_NO: dict[str, bool | None] = {"yes": True, "no": False, "": None, "true": True, "false": False}


def _platform(name: str) -> tuple[str, str]:
    """The platform's key and, for one Orchardist does not know, its name as typed."""
    key = platform_key(name)
    if not key:
        raise InputRefused(words.NEEDS_PLATFORM(), field="platform")
    return key, ("" if key in PLATFORMS else " ".join(name.split()))


def _yes_no(value: Any, field: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    word = str(value).strip().casefold()
    if word not in YES_NO:
        raise InputRefused(refusals.ONE_OF(choices="yes, no"), field=field)
    return YES_NO[word]


def _day(value: Any, today: date) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip().casefold()
    if not text:
        return None
    if text == "today":
        return today
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputRefused(words.NOT_A_DAY(value=str(value)), field="reviewed_on") from None


def _changed(profile: Profile, values: Mapping[str, Any], today: date) -> Profile:
    """``profile`` with ``values`` (texts from a command, a form or JSON) written over it, checked."""
    unknown = [name for name in values if name not in CHANGEABLE]
    if unknown:
        raise InputRefused(refusals.UNKNOWN_FIELD(known=", ".join(CHANGEABLE)), field=unknown[0])
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if name in ("open_to_work",):
            changes[name] = _yes_no(value, name)
        elif name == "nickname":
            changes[name] = bool(_yes_no(value, name))
        elif name == "visibility":
            try:
                changes[name] = Visibility(str(value).strip().casefold())
            except ValueError:
                choices = ", ".join(item.value for item in Visibility)
                raise InputRefused(refusals.ONE_OF(choices=choices), field=name) from None
        elif name == "reviewed_on":
            changes[name] = _day(value, today)
        else:
            changes[name] = "" if value is None else str(value)
    changed = tidied(replace(profile, **changes))
    problem = profile_problem(changed)
    if problem is not None:
        raise InputRefused(problem[1], field=problem[0])
    return changed


def add_profile(
    network: Network, platform: str, values: Mapping[str, Any], *, today: date | None = None
) -> Profile:
    """Add the profile on ``platform`` (a known code or any name); refused when there is one already."""
    key, label = _platform(platform)
    profile = _changed(Profile(platform=key, label=label), values, today or date.today())
    with network.writing() as unit:
        if unit.presence.profile(key) is not None:
            raise InputRefused(words.PROFILE_EXISTS(platform=profile.name), field="platform")
        return unit.presence.add_profile(profile)


def edit_profile(
    network: Network, platform: str, values: Mapping[str, Any], *, today: date | None = None
) -> Profile:
    """Change what the profile on ``platform`` says; fields left out keep their value (none: the profile
    as it is)."""
    key, _label = _platform(platform)
    with network.writing() as unit:
        found = unit.presence.profile(key)
        if found is None:
            raise NotFound(words.NO_SUCH_PROFILE(platform=platform.strip()), field="platform")
        if not values:
            return found
        return unit.presence.update_profile(_changed(found, values, today or date.today()))


def remove_profile(network: Network, platform: str) -> None:
    """Forget the profile on ``platform``; NotFound when there is none."""
    key, _label = _platform(platform)
    with network.writing() as unit:
        if not unit.presence.delete_profile(key):
            raise NotFound(words.NO_SUCH_PROFILE(platform=platform.strip()), field="platform")


def list_profiles(network: Network) -> list[Profile]:
    """Every profile, the known platforms first."""
    with network.reading() as unit:
        return unit.presence.profiles()


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """One line of the review checklist: a rule and what it found."""

    rule: PresenceRule
    findings: list[PresenceFinding]


@dataclass(frozen=True, slots=True)
class PresenceOverview:
    """The Presence page and ``presence check``: the profiles, the findings (most serious first), each
    rule with its own findings for the checklist, and the search mode they were checked in."""

    profiles: list[Profile]
    findings: list[PresenceFinding]
    checklist: list[RuleCheck]
    search_mode: SearchMode


def overview_in(unit: Unit, today: date) -> PresenceOverview:
    """``presence_overview`` within a transaction."""
    profiles = unit.presence.profiles()
    mode = about_me_in(unit).search_mode
    findings = check_presence(PresenceContext(profiles=tuple(profiles), search_mode=mode, today=today))
    checklist = [RuleCheck(rule, [found for found in findings if found.rule == rule.code]) for rule in RULES]
    return PresenceOverview(profiles=profiles, findings=findings, checklist=checklist, search_mode=mode)


def presence_overview(network: Network, *, today: date | None = None) -> PresenceOverview:
    """The profiles and the consistency report, read in one transaction."""
    with network.reading() as unit:
        return overview_in(unit, today or date.today())


@dataclass(frozen=True, slots=True)
class ProfileImport:
    """What ``presence import`` did: the LinkedIn profile as it now stands, whether it was new, the
    files read and how many positions they held."""

    profile: Profile
    added: bool
    files: tuple[str, ...]
    positions: int


def import_linkedin(network: Network, source: Path, *, today: date | None = None) -> ProfileImport:
    """Read LinkedIn's ``Profile.csv``, ``Positions.csv`` or its export's zip into the LinkedIn profile:
    what the export says replaces what was stored, what it leaves out stays. FormatError (an
    InputRefused) names the file, line and field of what cannot be read; nothing is changed then."""
    try:
        size = source.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InputRefused(words.ZIP_TOO_BIG(file=source.name, limit=f"{MAX_IMPORT_BYTES // 2**20} MB"))
        data = source.read_bytes()
    except OSError as error:
        raise InputRefused(refusals.CANNOT_READ(file=source.name, reason=str(error.strerror))) from error
    return import_linkedin_bytes(network, data, source.name, today=today)


def import_linkedin_bytes(
    network: Network, data: bytes, name: str, *, today: date | None = None
) -> ProfileImport:
    """``import_linkedin`` of a file's bytes (an upload)."""
    from orchardist.formats.linkedin_profile import read_export

    found = read_export(data, name)
    values = {
        "display_name": found.display_name,
        "headline": found.headline,
        "location": found.location,
        "url": found.website,
        "title": found.title,
        "employer": found.employer,
        "position_start": found.position_start,
    }
    values = {field: value for field, value in values.items() if value}
    with network.writing() as unit:
        stored = unit.presence.profile("linkedin")
        profile = _changed(stored or Profile(platform="linkedin"), values, today or date.today())
        if stored is None:
            kept = unit.presence.add_profile(profile)
        else:
            kept = unit.presence.update_profile(profile)
    return ProfileImport(profile=kept, added=stored is None, files=found.files, positions=found.positions)


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """A profile as ``presence list --json`` and the API give it."""
    return {
        "platform": profile.platform,
        "name": profile.english_name,
        "display_name": profile.display_name,
        "headline": profile.headline,
        "title": profile.title,
        "employer": profile.employer,
        "location": profile.location,
        "open_to_work": profile.open_to_work,
        "url": profile.url,
        "position_start": profile.position_start,
        "visibility": profile.visibility.value,
        "reviewed_on": profile.reviewed_on.isoformat() if profile.reviewed_on else None,
        "nickname": profile.nickname,
    }


def report_to_dict(overview: PresenceOverview, translate: Any = None) -> dict[str, Any]:
    """``{"findings": [{"rule", "severity", "platforms", "values", "message"}]}``."""
    return {"findings": [finding.to_dict(translate) for finding in overview.findings]}
