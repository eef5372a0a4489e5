"""``sent-from-work-account``: a message sent from an address at one of the user's work domains (or a
sub-domain of one) while they are looking for work, openly or discreetly. The employer can read a work
mailbox, and a search sent from it is one they can see."""

from __future__ import annotations

from collections.abc import Iterator

from orchardist.coach.discretion_wording import FROM_PERSONAL_ACCOUNT, FROM_WORK_ACCOUNT
from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.coach.rule import RuleSpec
from orchardist.domain.discretion import SearchMode, at_domains, clean_domain
from orchardist.domain.messages import N_

ID = "sent-from-work-account"


def check(context: MessageContext) -> Iterator[Finding]:
    if context.search_mode is SearchMode.OFF or not context.sender.strip():
        return
    domains = [domain for domain in map(clean_domain, context.work_domains) if domain]
    domain = at_domains(context.sender, domains)
    if domain:
        yield Finding(
            rule=ID,
            severity=Severity.WARNING,
            start=0,
            end=0,
            why=FROM_WORK_ACCOUNT(address=context.sender.strip(), domain=domain),
            suggestion=FROM_PERSONAL_ACCOUNT(),
        )


RULE = RuleSpec(id=ID, severity=Severity.WARNING, label=N_("Sent from a work account"), check=check)
