"""What the discretion guard's rules of the checker say: why a finding matters and a better way.

The catalogue of the discretion rules (``coach/rules/reveals_job_search_to_unsafe_contact.py``,
``coach/rules/sent_from_work_account.py``); see ``orchardist.domain.messages`` for how a message is said.
"""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

REVEALS_TO_COWORKER = Wording(
    "coach.reveals_job_search_to_unsafe_contact.coworker",
    N_(
        "“%(words)s” tells %(name)s you are looking for work, and %(name)s works at your employer without "
        "knowing of your search."
    ),
)
REVEALS_TO_MAYBE_COWORKER = Wording(
    "coach.reveals_job_search_to_unsafe_contact.maybe_coworker",
    N_(
        "“%(words)s” tells %(name)s you are looking for work, and %(name)s may work at your employer: "
        "their organisation looks like it."
    ),
)
KEEP_THE_SEARCH_OUT = Wording(
    "coach.reveals_job_search_to_unsafe_contact.suggestion",
    N_(
        "Leave your search out of this message: ask about their work, or share something they would value. "
        "If you trust them with it, mark them as knowing you are looking."
    ),
)
FROM_WORK_ACCOUNT = Wording(
    "coach.sent_from_work_account.why",
    N_("%(address)s is a work address (%(domain)s): your employer can read what you send from it."),
)
FROM_PERSONAL_ACCOUNT = Wording(
    "coach.sent_from_work_account.suggestion",
    N_("Send it from a personal address, on a device of your own."),
)
