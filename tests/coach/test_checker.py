"""The checker: its registry of rules, and findings in the order they appear."""

from __future__ import annotations

import re
from pathlib import Path

from orchardist.coach import rules as rules_package
from orchardist.coach.checker import check
from orchardist.coach.findings import MessageContext, Recipient, Severity
from orchardist.coach.rules import BY_ID, RULES

RULE_FILES = Path(rules_package.__file__).parent


def test_every_rule_module_is_registered_once_under_its_id() -> None:
    modules = {path.stem for path in RULE_FILES.glob("*.py")} - {"__init__"}
    assert {rule.id.replace("-", "_") for rule in RULES} == modules
    assert len(BY_ID) == len(RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id) for rule in RULES)
    assert all(rule.label and isinstance(rule.severity, Severity) for rule in RULES)


def test_every_rule_has_its_own_tests() -> None:
    tests = Path(__file__).parent / "rules"
    assert {f"test_{rule.id.replace('-', '_')}.py" for rule in RULES} <= {
        path.name for path in tests.iterdir()
    }


def test_findings_come_in_the_order_they_appear_the_whole_message_first() -> None:
    text = "I'm desperate. Are you hiring? " + "My salary was $85,000. " * 40
    context = MessageContext(
        text=text,
        first_message=True,
        recipient=Recipient(display_name="Ana Silva", given_name="Ana", gives=1),
    )
    found = check(context)
    assert [finding.rule for finding in found[:4]] == [
        "too-long",
        "no-personal-touch",
        "begging-tone",
        "asks-for-job-openings",
    ]
    assert [(finding.start, finding.end) for finding in found] == sorted(
        (finding.start, finding.end) for finding in found
    )
    assert text[found[3].start : found[3].end] == "Are you hiring"


def test_a_good_message_has_no_findings() -> None:
    text = (
        "Hi Ana, it was great to meet you at PyCon. I loved your talk on testing. "
        "Could I ask your advice on moving into data engineering? I'd be happy to share my notes "
        "on the Montréal logistics scene in return."
    )
    recipient = Recipient(display_name="Ana Silva", given_name="Ana", gives=2, asks=1)
    assert check(MessageContext(text=text, first_message=True, recipient=recipient)) == []
