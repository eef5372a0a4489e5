"""``asks-for-job-openings``: asking whether there are openings, whether they are hiring, to be kept in
mind, to pass a résumé on or to be referred for a post, in English or French.

"Do you know of any openings?" gets a "no" and ends the conversation; "Could I ask your advice on…"
or "Who should I talk to?" keeps it going. What counts as such an ask is in
``orchardist.coach.openings``; the same words in another sense stay silent ("congrats on hiring your
new lead", "a great position on the debate", « l'embauche de votre nouvelle directrice »).
"""

from __future__ import annotations

from collections.abc import Iterator

from orchardist.coach import wording
from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.coach.fixes import with_sentence
from orchardist.coach.openings import spans
from orchardist.coach.rule import RuleSpec
from orchardist.domain.messages import N_, Translate

ID = "asks-for-job-openings"


def check(context: MessageContext) -> Iterator[Finding]:
    """A warning over each ask for openings, suggesting the advice or introduction ask instead."""
    for start, end in spans(context.text):
        yield Finding(ID, Severity.WARNING, start, end, wording.OPENINGS_WHY(), wording.OPENINGS_BETTER())


def fix(context: MessageContext, finding: Finding, _: Translate) -> str:
    """The ask for openings becomes an ask for advice."""
    return with_sentence(context.text, finding.start, finding.end, wording.ADVICE_ASK().text(_))


RULE = RuleSpec(
    id=ID,
    severity=Severity.WARNING,
    label=N_("Asks for job openings"),
    check=check,
    fix=fix,
    fix_label=wording.ASK_ADVICE_INSTEAD,
)
