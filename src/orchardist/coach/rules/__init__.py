"""The checker's rules, one module each (its ``RULE``, a :class:`~orchardist.coach.rule.RuleSpec`):
a new rule is one module here, one line in ``RULES`` and its translations. The order of ``RULES`` is
the order of findings that start at the same place."""

from __future__ import annotations

from orchardist.coach.rule import RuleSpec
from orchardist.coach.rules import (
    ask_without_giving,
    asks_for_job_openings,
    begging_tone,
    confidential_detail,
    no_personal_touch,
    reveals_job_search_to_unsafe_contact,
    sent_from_work_account,
    too_long,
)

RULES: tuple[RuleSpec, ...] = (
    reveals_job_search_to_unsafe_contact.RULE,
    sent_from_work_account.RULE,
    asks_for_job_openings.RULE,
    ask_without_giving.RULE,
    begging_tone.RULE,
    confidential_detail.RULE,
    too_long.RULE,
    no_personal_touch.RULE,
)
BY_ID: dict[str, RuleSpec] = {rule.id: rule for rule in RULES}
