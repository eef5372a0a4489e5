"""The checker's rules, one module each (its ``RULE``, a :class:`~orchardist.coach.rule.RuleSpec`):
a new rule is one module here, one line in ``RULES`` and its translations. The order of ``RULES`` is
the order of findings that start at the same place."""

from __future__ import annotations

from orchardist.coach.rule import RuleSpec

RULES: tuple[RuleSpec, ...] = ()
BY_ID: dict[str, RuleSpec] = {rule.id: rule for rule in RULES}
