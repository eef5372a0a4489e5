"""What the web forms refuse before a service sees the input: the catalogue of ``orchardist.web``
(see ``orchardist.domain.messages``). The pages' own words are marked in place with ``_``."""

from __future__ import annotations

from orchardist.domain.messages import N_, Wording

DATES_FORMAT = Wording(
    "form.dates_format",
    N_("write each date as “label: YYYY-MM-DD” or “label: --MM-DD”; “%(line)s” is not"),
)
INTRODUCER_ID = Wording(
    "form.introducer_id", N_("choose someone from the suggestions, or type their number, such as #12")
)
