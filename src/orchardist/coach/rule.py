"""What a rule of the checker is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.domain.messages import Translate

Check = Callable[[MessageContext], Iterable[Finding]]
Fix = Callable[[MessageContext, Finding, Translate], "str | None"]
"""A rule's mend: the message with a finding's suggestion applied (in the language of the translation
function), or None when the rule cannot apply it by itself."""


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule: its id (the ``rule`` of its findings; stable, scripts rely on it), its severity, a
    label for the pages (marked for the catalogue, translated where shown) and ``check``, which reads a
    message in its context and yields what it finds. Rules are pure and fast: the page checks as the
    user types (a 200-word message in under 5 ms for all rules together).

    ``fix`` applies a finding's suggestion when the rule can (see ``orchardist.coach.fixes``), and
    ``fix_label`` names that on its button (marked for the catalogue)."""

    id: str
    severity: Severity
    label: str
    check: Check
    fix: Fix | None = None
    fix_label: str = ""
