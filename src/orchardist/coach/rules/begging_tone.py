"""``begging-tone``: words that plead rather than ask ("desperate", "I'll take anything", "please
please", « n'importe quel emploi », « je prends tout »). People help someone confident in what they
bring, and back away from pressure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orchardist.coach import wording
from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.coach.fixes import without_sentence
from orchardist.coach.rule import RuleSpec
from orchardist.coach.text import read
from orchardist.domain.messages import N_, Translate

ID = "begging-tone"

_ANY_WORK = r"(?:kind of |sort of |type of )?(?:job|work|position|role|gig|paid work)"
_PLEADING = re.compile(
    r"\b(?:"
    # English
    r"desperate(?:ly)?|desperation|"
    rf"(?:take|accept|do|consider|settle for|happy with|grateful for|open to|need|want|literally|honestly)"
    rf"(?: \w+)? any {_ANY_WORK}(?! (?:openings?|postings?|leads?|offers?|ads?|boards?|fairs?|search))|"
    rf"any {_ANY_WORK} (?:at all|will do|is fine|would do|really)|"
    r"i(?:'ll| will|'d| would)? (?:literally |honestly |happily |gladly )?(?:take|do|"
    r"accept) (?:just )?anything|"
    r"anything at all|whatever (?:job|work|position) (?:you have|there is|is available)|"
    r"i'?m begging|i am begging|(?:beg|begging) (?:you|of you)|"
    r"please[ ,!.]+please|ple+a+s+e{2,}|pl+e{2,}a+s+e*|"
    r"(?:really|badly|urgently|seriously) need (?:a|this|any) (?:job|work|position)|"
    r"need (?:a|this|any) (?:job|work) (?:so )?(?:badly|urgently|asap|so bad)|"
    r"(?:willing|ready|prepared) to do anything|i can'?t afford to be picky|"
    # French
    r"desesper(?:e|ee|es|ees|ement)|"
    r"n'importe quel(?:le)? (?:emploi|travail|poste|job|boulot|job)|n'importe quoi|"
    r"je (?:prends|prendrais|prendrai|accepte|accepterais|accepterai) (?:tout|n'importe)|"
    r"(?:je suis )?pret(?:e)? a (?:tout|n'importe quoi|accepter n'importe)|"
    r"je ferais n'importe quoi|je (?:vous|t') ?en supplie|je supplie|"
    r"s'il vous plait[ ,!.]+s'il vous plait|svp[ ,!.]+svp|"
    r"j'ai (?:vraiment|absolument|desesperement) besoin d'(?:un|une) (?:emploi|travail|job|poste)|"
    r"a tout prix"
    r")\b"
)


def check(context: MessageContext) -> Iterator[Finding]:
    """A warning over each pleading phrase, suggesting a calm statement of what the writer brings."""
    reading = read(context.text)
    for match in _PLEADING.finditer(reading.folded):
        start, end = reading.original(match.start(), match.end())
        yield Finding(ID, Severity.WARNING, start, end, wording.BEGGING_WHY(), wording.BEGGING_BETTER())


def fix(context: MessageContext, finding: Finding, _: Translate) -> str:
    """The sentence comes out."""
    return without_sentence(context.text, finding.start, finding.end)


RULE = RuleSpec(
    id=ID,
    severity=Severity.WARNING,
    label=N_("Begging tone"),
    check=check,
    fix=fix,
    fix_label=wording.TAKE_OUT,
)
