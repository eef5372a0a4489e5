"""``reveals-job-search-to-unsafe-contact``: in discreet mode, words that say the user is looking for
work (looking, leaving, interviews, a résumé; « je cherche un emploi », « entrevue », « quitter mon
poste ») in a message to a co-worker, or maybe one, who does not know of the search.

Only co-workers and maybes are warned about: the search must not reach the employer, and telling
anyone else is how a discreet search works. A recipient the message names no one for is not warned
about either. English and French words are both looked for, whatever the message's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from orchardist.coach import wording
from orchardist.coach.discretion_wording import (
    KEEP_THE_SEARCH_OUT,
    REVEALS_TO_COWORKER,
    REVEALS_TO_MAYBE_COWORKER,
)
from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.coach.fixes import without_sentence
from orchardist.coach.rule import RuleSpec
from orchardist.domain.discretion import SearchMode
from orchardist.domain.messages import N_, Translate

ID = "reveals-job-search-to-unsafe-contact"

_A = r"['’]"  # either apostrophe
_ENGLISH = (
    r"job[- ]?(?:search|searching|hunt|hunting|seeking|seeker)",
    r"(?:looking|searching|hunting) for (?:a |an |another |my next |the next |some )?(?:new |different )?"
    r"(?:job|role|position|work|opportunit(?:y|ies)|challenge|employer)s?",
    r"(?:my |a )?next (?:job|role|position|career move|opportunity|challenge)",
    r"(?:a )?new (?:job|role|position|employer)",
    r"open to (?:new |other )?(?:opportunities|roles|offers|positions|work)",
    r"(?:leav(?:e|ing)|quit(?:ting)?|left) (?:my|the|this) (?:job|role|position|company|employer)",
    r"(?:move|moving) on from (?:my|the|this) (?:job|role|position|company)",
    r"(?:hand(?:ing)? in|give|giving|put(?:ting)? in) (?:my )?notice",
    r"interview(?:s|ed|ing)?",
    r"r(?:ésumé|ésume|esumé)s?",  # with an accent, the noun; plain "resume" is also the verb
    r"(?:my|your|the|a) resumes?",
    r"CVs?",
    r"curriculum vitae",
    r"(?:job|any|open) openings?",
    r"vacanc(?:y|ies)",
    r"job (?:offers?|postings?|ads?|applications?)",
    r"counter[- ]?offer",
    r"recruit(?:er|ers|ing)",
    r"head[- ]?hunt(?:er|ers|ing)",
    r"appl(?:y|ying|ied) (?:for|to) (?:a |an |the |this |that )?(?:job|role|position|post)s?",
    r"career (?:change|move|switch)",
    r"(?:be|act as) (?:a |my )?reference",
)
_FRENCH = (
    r"(?:je |j" + _A + r")?(?:cherche|recherche)(?:r)? (?:un |du |d" + _A + r"un |un nouvel? |un autre )?"
    r"(?:emploi|travail|poste|boulot|job|d[ée]fi)",
    r"recherche d" + _A + r"emploi",
    r"(?:nouvel|autre) (?:emploi|employeur)",
    r"nouveau (?:poste|d[ée]fi|travail|job)",
    r"entrevues?",
    r"entretiens? d" + _A + r"(?:embauche|emploi)",
    r"quitter (?:mon|le|ce|mon actuel) (?:poste|emploi|travail|job|employeur|entreprise)",
    r"(?:je )?d[ée]missionn?(?:e|er|ais|erai)?",
    r"d[ée]mission",
    r"pr[ée]avis",
    r"offres? d" + _A + r"emploi",
    r"postes? (?:ouverts?|vacants?|disponibles?|[àa] combler)",
    r"ouvertures? de postes?",
    r"recruteu(?:r|se|rs|ses)",
    r"chasseu(?:r|se|rs|ses) de t[êe]tes?",
    r"(?:changer|changement) (?:d" + _A + r"emploi|de carri[èe]re|de poste|d" + _A + r"employeur)",
    r"ouverte? (?:[àa] de nouvelles|aux) (?:opportunit[ée]s|occasions|offres)",
    r"postul(?:er|[ée]|e|ant)",
    r"(?:ma |une )?candidature",
    r"servir de r[ée]f[ée]rence",
)
_WORDS = re.compile(r"(?<![\w-])(?:" + "|".join((*_ENGLISH, *_FRENCH)) + r")(?![\w-])", re.IGNORECASE)
# "CV" and "CVs" are words only in capitals or lower case: "Cv" is rarely meant.
_CV = re.compile(r"c[vV]s?", re.IGNORECASE)


def search_words(text: str) -> Iterator[re.Match[str]]:
    """Where ``text`` says its writer is looking for work, one match each, in order."""
    for found in _WORDS.finditer(text):
        if _CV.fullmatch(found.group()) and found.group() not in ("CV", "CVs", "cv", "cvs"):
            continue
        yield found


def check(context: MessageContext) -> Iterator[Finding]:
    recipient = context.recipient
    if context.search_mode is not SearchMode.DISCREET or recipient is None:
        return
    if recipient.knows_search or recipient.coworker is False:
        return
    worded = REVEALS_TO_MAYBE_COWORKER if recipient.coworker is None else REVEALS_TO_COWORKER
    for found in search_words(context.text):
        yield Finding(
            rule=ID,
            severity=Severity.WARNING,
            start=found.start(),
            end=found.end(),
            why=worded(words=found.group(), name=recipient.display_name),
            suggestion=KEEP_THE_SEARCH_OUT(),
        )


def fix(context: MessageContext, finding: Finding, _: Translate) -> str:
    """The sentence comes out."""
    return without_sentence(context.text, finding.start, finding.end)


RULE = RuleSpec(
    id=ID,
    severity=Severity.WARNING,
    label=N_("Tells a co-worker you are looking"),
    check=check,
    fix=fix,
    fix_label=wording.TAKE_OUT,
)
