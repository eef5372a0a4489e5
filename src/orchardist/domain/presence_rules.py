"""The consistency report: what a contact who looks the user up on every platform would find amiss.

Each rule is one ``PresenceRule`` of ``RULES`` (its code, severity, checklist name and check); a
finding names the platforms, the two values and what to do. Values are compared as people read them:

- **names** folded (case, accents, punctuation: "Amélie Côté" is "AMELIE COTE"); a profile whose name
  the user marked as a nickname is left out;
- **titles** folded; **employers** by their core (``organisation_core``: "Maple Health Inc." is "Maple
  Health"); **locations** by their first part ("Montréal, QC" is "Montreal, Quebec, Canada");
- the **start month** of the current position as written (``YYYY-MM``).

Profiles that leave a value out say nothing about it. The value most profiles share is the reference
(the first such profile in platform order); each profile that differs from it is one finding.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from orchardist.domain import presence_wording as words
from orchardist.domain.discretion import SearchMode, organisation_core
from orchardist.domain.matching import fold
from orchardist.domain.messages import Message, Wording
from orchardist.domain.presence import Profile, Visibility, months_before

REVIEW_MONTHS = 6
"""A profile not read through for this many months is due a review."""


class Severity(enum.StrEnum):
    """``high``: it can cost the user (a discreet search seen by the employer); ``medium``: a contact
    will notice; ``low``: worth tidying."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True, slots=True)
class PresenceContext:
    """What the rules read: the profiles (in platform order), the search mode and today's date."""

    profiles: tuple[Profile, ...]
    search_mode: SearchMode = SearchMode.OFF
    today: date = date(2000, 1, 1)

    @property
    def discreet(self) -> bool:
        return self.search_mode is SearchMode.DISCREET


@dataclass(frozen=True, slots=True)
class PresenceFinding:
    """One thing the report found: the rule, how serious, the platforms (keys) and the values it is
    about, and what to do (a message, translated where shown)."""

    rule: str
    severity: Severity
    platforms: tuple[str, ...]
    values: tuple[str, ...]
    message: Message

    def to_dict(self, translate: Callable[[str], str] | None = None) -> dict[str, object]:
        """As ``presence check --json`` and the API give it."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "platforms": list(self.platforms),
            "values": list(self.values),
            "message": self.message.text(translate) if translate else self.message.text(),
        }


@dataclass(frozen=True, slots=True)
class PresenceRule:
    """A rule of the report: its code, severity, its name on the review checklist and its check."""

    code: str
    severity: Severity
    label: Wording
    check: Callable[[PresenceContext], Iterator[PresenceFinding]]


# Comparing one value across profiles --------------------------------------------------------------

_NOT_WORD = re.compile(r"[^\w]+")


def _plain(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def _name_key(profile: Profile) -> str:
    return "" if profile.nickname else _plain(profile.display_name)


def _title_key(profile: Profile) -> str:
    return _plain(profile.title)


def _employer_key(profile: Profile) -> str:
    return " ".join(organisation_core(profile.employer))


def _location_key(profile: Profile) -> str:
    return _plain(profile.location.split(",", 1)[0])


def _start_key(profile: Profile) -> str:
    return profile.position_start


def _differing(
    profiles: tuple[Profile, ...], key: Callable[[Profile], str]
) -> Iterator[tuple[Profile, Profile]]:
    """Each profile whose value differs from the one most profiles give, with the reference profile."""
    keyed = [(key(profile), profile) for profile in profiles]
    keyed = [(value, profile) for value, profile in keyed if value]
    if len({value for value, _ in keyed}) < 2:
        return
    counts = Counter(value for value, _ in keyed)
    most = max(counts.values())
    reference_key, reference = next((value, profile) for value, profile in keyed if counts[value] == most)
    for value, profile in keyed:
        if value != reference_key:
            yield reference, profile


def _comparing(
    code: str, severity: Severity, key: Callable[[Profile], str], field: str, said: Wording
) -> Callable[[PresenceContext], Iterator[PresenceFinding]]:
    def check(context: PresenceContext) -> Iterator[PresenceFinding]:
        for first, second in _differing(context.profiles, key):
            values = (str(getattr(first, field)), str(getattr(second, field)))
            yield PresenceFinding(
                rule=code,
                severity=severity,
                platforms=(first.platform, second.platform),
                values=values,
                message=said(
                    first=values[0],
                    first_platform=first.name,
                    second=values[1],
                    second_platform=second.name,
                ),
            )

    return check


# Reviews and discretion ---------------------------------------------------------------------------


def _not_reviewed(context: PresenceContext) -> Iterator[PresenceFinding]:
    due = months_before(context.today, REVIEW_MONTHS)
    for profile in context.profiles:
        if profile.reviewed_on is None:
            message = words.NEVER_REVIEWED(platform=profile.name)
        elif profile.reviewed_on < due:
            message = words.NOT_REVIEWED(platform=profile.name, reviewed=profile.reviewed_on.isoformat())
        else:
            continue
        reviewed = profile.reviewed_on.isoformat() if profile.reviewed_on else ""
        yield PresenceFinding("not_reviewed", Severity.LOW, (profile.platform,), (reviewed,), message)


def _open_to_work(context: PresenceContext) -> Iterator[PresenceFinding]:
    if not context.discreet:
        return
    for profile in context.profiles:
        if profile.open_to_work and profile.visibility is not Visibility.PRIVATE:
            yield PresenceFinding(
                "open_to_work_public",
                Severity.HIGH,
                (profile.platform,),
                ("open to work", profile.visibility.value),
                words.OPEN_TO_WORK_PUBLIC(platform=profile.name),
            )


_A = "['’]"
SEARCH_WORDS = re.compile(
    "|".join(
        (
            r"#?open ?to ?work",
            r"open to (?:new |other )?(?:opportunit(?:y|ies)|roles|offers|positions|work)",
            r"(?:seeking|looking for|searching for|in search of|exploring) (?:a |an |my next |new |other )?"
            r"(?:new )?(?:opportunit(?:y|ies)|roles?|positions?|jobs?|challenge|work|employment)",
            r"job[- ]?(?:seeker|seeking|hunting|search)",
            r"available (?:for|immediately)|actively looking|next (?:role|opportunity|challenge)",
            r"(?:a la |en )?recherche (?:d" + _A + r"|de )?(?:un |une |nouvel(?:le)?s? )?"
            r"(?:emploi|poste|opportunites?|defi)",
            r"(?:ouverte?|disponible)s? (?:a|aux|pour) (?:de )?(?:nouvelles? |d" + _A + r"autres )?"
            r"(?:opportunites?|offres|postes|defis)",
            r"a l" + _A + r"ecoute du marche|en transition",
        )
    ),
    re.IGNORECASE,
)
"""Words in a headline that tell everyone the user is looking for work (English and French, folded)."""


def search_words(headline: str) -> str:
    """The words of ``headline`` that say the user is looking, as written; "" when none do."""
    found = SEARCH_WORDS.search(fold(headline))
    if found is None:
        return ""
    # The folded text keeps the headline's length when it has no ligature or dropped mark; fall back
    # to the folded words otherwise.
    original = headline[found.start() : found.end()]
    return original if fold(original) == found.group(0) else found.group(0)


def _headline(context: PresenceContext) -> Iterator[PresenceFinding]:
    if not context.discreet:
        return
    for profile in context.profiles:
        said = search_words(profile.headline)
        if said and profile.visibility is not Visibility.PRIVATE:
            yield PresenceFinding(
                "headline_reveals_search",
                Severity.HIGH,
                (profile.platform,),
                (profile.headline, said),
                words.HEADLINE_REVEALS(platform=profile.name, headline=profile.headline, words=said),
            )


RULES: tuple[PresenceRule, ...] = (
    PresenceRule(
        "open_to_work_public",
        Severity.HIGH,
        words.RULE_OPEN_TO_WORK,
        _open_to_work,
    ),
    PresenceRule("headline_reveals_search", Severity.HIGH, words.RULE_HEADLINE, _headline),
    PresenceRule(
        "name_differs",
        Severity.MEDIUM,
        words.RULE_NAME,
        _comparing("name_differs", Severity.MEDIUM, _name_key, "display_name", words.NAME_DIFFERS),
    ),
    PresenceRule(
        "title_differs",
        Severity.MEDIUM,
        words.RULE_TITLE,
        _comparing("title_differs", Severity.MEDIUM, _title_key, "title", words.TITLE_DIFFERS),
    ),
    PresenceRule(
        "employer_differs",
        Severity.MEDIUM,
        words.RULE_EMPLOYER,
        _comparing("employer_differs", Severity.MEDIUM, _employer_key, "employer", words.EMPLOYER_DIFFERS),
    ),
    PresenceRule(
        "dates_differ",
        Severity.MEDIUM,
        words.RULE_DATES,
        _comparing("dates_differ", Severity.MEDIUM, _start_key, "position_start", words.DATES_DIFFER),
    ),
    PresenceRule(
        "location_differs",
        Severity.LOW,
        words.RULE_LOCATION,
        _comparing("location_differs", Severity.LOW, _location_key, "location", words.LOCATION_DIFFERS),
    ),
    PresenceRule("not_reviewed", Severity.LOW, words.RULE_REVIEWED, _not_reviewed),
)
"""Every rule of the report, in the order the review checklist lists them."""


def check_presence(context: PresenceContext) -> list[PresenceFinding]:
    """What every rule finds, the most serious first, then in the order of ``RULES``."""
    found = [finding for rule in RULES for finding in rule.check(context)]
    return sorted(found, key=lambda finding: SEVERITY_ORDER[finding.severity])
