"""The consistency report: every rule with a finding and without one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from orchardist.domain.discretion import SearchMode
from orchardist.domain.presence import (
    Profile,
    Visibility,
    month_of,
    months_before,
    platform_key,
    profile_problem,
)
from orchardist.domain.presence_rules import (
    RULES,
    PresenceContext,
    PresenceFinding,
    Severity,
    check_presence,
    search_words,
)

TODAY = date(2026, 12, 7)
REVIEWED = date(2026, 11, 1)


def _profile(platform: str, **values: object) -> Profile:
    base = {
        "display_name": "Amélie Côté",
        "title": "Data Analyst",
        "employer": "Maple Health",
        "location": "Montréal, QC",
        "position_start": "2021-03",
        "reviewed_on": REVIEWED,
    }
    return Profile(platform=platform, **{**base, **values})  # type: ignore[arg-type]


def _found(rule: str, *profiles: Profile, mode: SearchMode = SearchMode.OFF) -> list[PresenceFinding]:
    context = PresenceContext(profiles=profiles, search_mode=mode, today=TODAY)
    return [finding for finding in check_presence(context) if finding.rule == rule]


CONSISTENT = (_profile("linkedin"), _profile("facebook"), _profile("resume"))


def test_every_rule_is_tested_here() -> None:
    tested = {name.removeprefix("test_").split("__")[0] for name in globals() if name.startswith("test_")}
    assert {rule.code for rule in RULES} <= tested


def test_consistent_profiles_have_no_finding_at_all() -> None:
    assert check_presence(PresenceContext(profiles=CONSISTENT, today=TODAY)) == []


def test_name_differs__beyond_accents_and_case() -> None:
    [finding] = _found(
        "name_differs",
        _profile("linkedin"),
        _profile("facebook", display_name="AMELIE COTE"),
        _profile("x", display_name="Amy Cote"),
    )
    assert finding.platforms == ("linkedin", "x")
    assert finding.values == ("Amélie Côté", "Amy Cote")
    assert finding.severity is Severity.MEDIUM
    assert "Amy Cote" in str(finding.message) and "LinkedIn" in str(finding.message)


def test_name_differs__not_for_accents_case_or_a_nickname_the_user_marked() -> None:
    assert (
        _found(
            "name_differs",
            _profile("linkedin"),
            _profile("facebook", display_name="amelie  cote"),
            _profile("x", display_name="Amy", nickname=True),
        )
        == []
    )


def test_title_differs() -> None:
    [finding] = _found("title_differs", *CONSISTENT, _profile("github", title="Student"))
    assert finding.platforms == ("linkedin", "github") and finding.values == ("Data Analyst", "Student")
    assert _found("title_differs", _profile("linkedin"), _profile("resume", title="data analyst")) == []


def test_employer_differs() -> None:
    [finding] = _found(
        "employer_differs", _profile("linkedin"), _profile("facebook"), _profile("resume", employer="Contoso")
    )
    assert finding.values == ("Maple Health", "Contoso")
    assert (
        _found("employer_differs", _profile("linkedin", employer="Maple Health Inc."), _profile("resume"))
        == []
    )


def test_dates_differ() -> None:
    [finding] = _found(
        "dates_differ", _profile("linkedin"), _profile("resume", position_start="2021-05"), _profile("x")
    )
    assert finding.platforms == ("linkedin", "resume") and finding.values == ("2021-03", "2021-05")
    assert _found("dates_differ", _profile("linkedin"), _profile("resume", position_start="")) == []


def test_location_differs() -> None:
    [finding] = _found("location_differs", _profile("linkedin"), _profile("resume", location="Toronto, ON"))
    assert finding.severity is Severity.LOW and finding.values == ("Montréal, QC", "Toronto, ON")
    assert (
        _found(
            "location_differs", _profile("linkedin"), _profile("resume", location="Montreal, Quebec, Canada")
        )
        == []
    )


def test_not_reviewed() -> None:
    old = _profile("linkedin", reviewed_on=date(2026, 6, 6))
    never = _profile("facebook", reviewed_on=None)
    found = _found("not_reviewed", old, never, _profile("resume", reviewed_on=date(2026, 6, 7)))
    assert [(finding.platforms, finding.values) for finding in found] == [
        (("linkedin",), ("2026-06-06",)),
        (("facebook",), ("",)),
    ]
    assert _found("not_reviewed", *CONSISTENT) == []


def test_open_to_work_public() -> None:
    shown = _profile("linkedin", open_to_work=True)
    [finding] = _found("open_to_work_public", shown, mode=SearchMode.DISCREET)
    assert finding.severity is Severity.HIGH and finding.platforms == ("linkedin",)
    assert _found("open_to_work_public", shown, mode=SearchMode.OPEN) == []
    assert (
        _found("open_to_work_public", replace(shown, visibility=Visibility.PRIVATE), mode=SearchMode.DISCREET)
        == []
    )
    assert (
        _found("open_to_work_public", _profile("linkedin", open_to_work=False), mode=SearchMode.DISCREET)
        == []
    )


@pytest.mark.parametrize(
    "headline",
    [
        "Data analyst seeking new opportunities",
        "#OpenToWork | Analyst",
        "Analyste à la recherche d’un emploi",
    ],
)
def test_headline_reveals_search(headline: str) -> None:
    [finding] = _found(
        "headline_reveals_search", _profile("linkedin", headline=headline), mode=SearchMode.DISCREET
    )
    assert finding.values[0] == headline and finding.values[1]
    assert (
        _found("headline_reveals_search", _profile("linkedin", headline=headline), mode=SearchMode.OPEN) == []
    )


def test_headline_reveals_search__not_a_plain_headline() -> None:
    plain = _profile("linkedin", headline="Data analyst · health care dashboards")
    assert _found("headline_reveals_search", plain, mode=SearchMode.DISCREET) == []
    assert search_words("Recherche opérationnelle") == ""


def test_findings_come_most_serious_first() -> None:
    found = check_presence(
        PresenceContext(
            profiles=(
                _profile("linkedin", open_to_work=True, reviewed_on=None),
                _profile("x", title="Student"),
            ),
            search_mode=SearchMode.DISCREET,
            today=TODAY,
        )
    )
    assert [finding.severity for finding in found] == [Severity.HIGH, Severity.MEDIUM, Severity.LOW]
    assert set(found[0].to_dict()) == {"rule", "severity", "platforms", "values", "message"}


def test_platforms_months_and_problems() -> None:
    assert (
        platform_key(" Twitter ") == "x"
        and platform_key("CV") == "resume"
        and platform_key("Mastodon") == "mastodon"
    )
    assert platform_key("!!") == "!!" and platform_key("  ") == ""
    assert month_of("2021-03-15") == "2021-03" and month_of("") == ""
    with pytest.raises(ValueError):
        month_of("2021-13")
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert profile_problem(Profile(platform="x", url="ftp://nope"))[0] == "url"  # type: ignore[index]
    assert profile_problem(Profile(platform="x", position_start="March"))[0] == "position_start"  # type: ignore[index]
    assert profile_problem(Profile(platform="x", url="https://x.com/amelie")) is None
