"""Check a message: every rule of the registry, its findings in the order they appear in the text."""

from __future__ import annotations

from orchardist.coach.findings import Finding, MessageContext
from orchardist.coach.rules import RULES


def check(context: MessageContext) -> list[Finding]:
    """What every rule finds in ``context.text``, sorted by where it starts (the whole message first),
    then by where it ends; findings over the same characters in the order of ``RULES``."""
    found = [finding for rule in RULES for finding in rule.check(context)]
    return sorted(found, key=lambda finding: (finding.start, finding.end))
