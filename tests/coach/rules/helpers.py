"""Checking one rule on a message, and what its findings cover."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from orchardist.coach.findings import Finding, MessageContext, Recipient
from orchardist.coach.rules import BY_ID

ANA = Recipient(display_name="Ana Silva", given_name="Ana", context=("Northwind",), gives=1, asks=0)


def found(rule: str, text: str, **context: Any) -> list[Finding]:
    """The findings of ``rule`` alone on ``text`` in ``context`` (a MessageContext's fields)."""
    return list(BY_ID[rule].check(MessageContext(text=text, **context)))


def covered(rule: str, text: str, **context: Any) -> list[str]:
    """The words each finding of ``rule`` covers in ``text``."""
    return [text[finding.start : finding.end] for finding in found(rule, text, **context)]


def ana(**changes: Any) -> Recipient:
    return replace(ANA, **changes)
