"""sent-from-work-account: a message from a work address while looking for work, openly or not."""

from __future__ import annotations

import pytest

from orchardist.coach.checker import check
from orchardist.coach.findings import MessageContext, Severity
from orchardist.coach.rules import BY_ID
from orchardist.coach.rules.sent_from_work_account import ID
from orchardist.domain.discretion import SearchMode


def _found(
    sender: str,
    mode: SearchMode = SearchMode.OPEN,
    lang: str = "en",
    domains: tuple[str, ...] = ("contoso.com",),
):
    context = MessageContext(
        text="Bonjour Ann, merci !" if lang == "fr" else "Hi Ann, thanks!",
        lang=lang,
        sender=sender,
        search_mode=mode,
        work_domains=domains,
    )
    return [finding for finding in check(context) if finding.rule == ID]


@pytest.mark.parametrize("sender", ["dan@contoso.com", "Dan@MAIL.Contoso.com", "Dan Wu <dan@uk.contoso.com>"])
@pytest.mark.parametrize("mode", [SearchMode.OPEN, SearchMode.DISCREET])
def test_a_work_address_is_warned_about(sender: str, mode: SearchMode) -> None:
    (finding,) = _found(sender, mode)
    assert (finding.start, finding.end, finding.severity) == (0, 0, Severity.WARNING)
    assert finding.why.params["domain"] == "contoso.com"
    assert finding.to_dict()["suggestion"] == "Send it from a personal address, on a device of your own."


def test_in_french_too() -> None:
    (finding,) = _found("dan@contoso.com", lang="fr")
    assert finding.why.code == "coach.sent_from_work_account.why"


def test_work_domains_as_typed_count() -> None:
    assert _found("dan@contoso.com", domains=("@Contoso.COM",))


@pytest.mark.parametrize(
    ("sender", "mode"),
    [
        ("dan@contoso.com", SearchMode.OFF),
        ("dan@gmail.com", SearchMode.DISCREET),
        ("dan@notcontoso.com", SearchMode.DISCREET),
        ("dan@contoso.com.example.org", SearchMode.DISCREET),
        ("", SearchMode.DISCREET),
    ],
)
def test_no_warning_otherwise(sender: str, mode: SearchMode) -> None:
    assert _found(sender, mode) == []


def test_the_rule_is_registered() -> None:
    assert BY_ID[ID].severity is Severity.WARNING and BY_ID[ID].label
