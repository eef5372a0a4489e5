"""The checker's rules, one module each (its ``RULE``, a :class:`~orchardist.coach.rule.RuleSpec`):
a new rule is one module here, one line in ``RULES`` and its translations. The order of ``RULES`` is
the order of findings that start at the same place."""

from __future__ import annotations

from orchardist.coach.rule import RuleSpec
from orchardist.coach.rules import reveals_job_search, sent_from_work

RULES: tuple[RuleSpec, ...] = (
    reveals_job_search.RULE,
    sent_from_work.RULE,
)
BY_ID: dict[str, RuleSpec] = {rule.id: rule for rule in RULES}
