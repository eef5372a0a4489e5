"""``confidential-detail``: what a networking message should not carry, because it can be forwarded to
anyone: a salary figure ("$85,000", "85k", « 85 000 $ »), the writer's own health ("my burnout",
"I'm on medical leave", « mon congé de maladie »), and the employer's internal affairs ("layoffs are
planned", "internal only", a restructuring not yet announced, « confidentiel »)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from orchardist.coach import wording
from orchardist.coach.findings import Finding, MessageContext, Severity
from orchardist.coach.fixes import without_sentence
from orchardist.coach.rule import RuleSpec
from orchardist.coach.text import Reading, read
from orchardist.domain.messages import N_, Translate, Wording

ID = "confidential-detail"

_SPACE = r"[ \u00a0\u202f]"
_THOUSANDS = rf"\d{{1,3}}(?:[,.]\d{{3}}|{_SPACE}\d{{3}})+"
_SALARY = re.compile(
    r"(?:"
    rf"(?:[$€£]|\b(?:CAD|USD|EUR|CA\$|US\$)){_SPACE}?(?:{_THOUSANDS}|\d+)(?:[.,]\d+)?(?:{_SPACE}?[kKM]\b)?|"
    rf"\b(?:{_THOUSANDS}|\d{{4,7}})(?:[.,]\d+)?{_SPACE}?(?:\$|€|£|(?:dollars?|euros?|CAD|USD)\b)|"
    rf"(?<!\ba )(?<!\bthe )\b\d{{2,3}}(?:[.,]\d)?{_SPACE}?[kK]\b"
    rf"(?!{_SPACE}?(?:run|race|steps|followers|subscribers|views|km|miles))|"
    rf"\b\d+(?:[.,]\d+)?{_SPACE}?(?:\$|dollars?)?{_SPACE}?(?:/|an? |per |par |de l'|a l')(?:hour|hr|heure|"
    rf"h)\b"
    r")"
)
_PAY_WORDS = re.compile(
    rf"\b(?:salary|salaire|paid|pays|earn|earning|make|making|gagne|gagnais|touche|remuneration|pay|paye)"
    rf"\b[^.?!\n]{{0,25}}?\b(?:{_THOUSANDS}|\d{{5,7}})\b"
)

# The writer's own health: a first-person word shortly before the matter.
_FIRST_PERSON = r"(?:\b(?:i|i'm|im|i've|i'd|my|me|mine|je|mon|ma|mes|moi)\b|\b[jm]'\w*)"
_HEALTH = re.compile(
    rf"{_FIRST_PERSON}(?:\W+\w+){{0,3}}?\W+(?P<matter>"
    r"(?:medical|sick|stress|disability|mental health|health|maternity) leave|burn-?out|burned out|burnt out|"
    r"diagnos(?:is|ed|es)|depression|depressed|anxiety|panic attacks?|chemo(?:therapy)?|cancer|illness|"
    r"health (?:issues?|problems?|condition|scare)|ptsd|adhd|bipolar|rehab|therapy|therapist|"
    r"conge (?:de )?maladie|arret (?:de travail|maladie)|epuisement professionnel|burn-?out|depression|"
    r"diagnostique(?:e)?|diagnostic|chimio(?:therapie)?|cancer|invalidite|maladie|"
    r"problemes? de sante|trouble anxieux|anxiete|sante mentale|therapie|psychologue"
    r")\b"
)
_EMPLOYER = re.compile(
    r"\b(?:"
    r"confidential(?:ly)?|internal (?:use )?only|for internal use|not (?:for|to be) (?:shared|circulated)|"
    r"(?:planned|upcoming|coming|secret|quiet|more|big|massive|another round of) lay-?offs|"
    r"lay-?offs? (?:are |is )?(?:planned|coming|in the works|next|scheduled|being planned|on the way)|"
    r"(?:going|planning|about) to lay (?:off|people off)|(?:will be|are) laying (?:off|people off)|"
    r"(?:hasn't|has not|haven't|have not|isn't|is not|wasn't|not yet|"
    r"not) (?:yet )?(?:been )?(?:publicly )?announced|"
    r"before (?:it's|it is|they're|the) (?:\w+ )?announced|under (?:an )?nda|"
    r"restructuring (?:is |that's |that is )?(?:coming|planned|next|in the works|on the way)|"
    r"(?:don't|do not) tell anyone|(?:keep (?:this|it) )?between us|between you and me|off the record|"
    r"(?:acquisition|merger|buyout) talks|"
    r"confidentiel(?:le)?s?|(?:a l'interne|usage interne|interne) seulement|pour usage interne|"
    r"(?:mises? a pied|licenciements?|coupures? de postes?) (?:sont |est )?(?:prevue?s?|a venir|"
    r"en preparation|"
    r"imminente?s?|planifiee?s?)|"
    r"(?:pas encore|non|jamais) (?:ete )?annoncee?s?|avant (?:l'annonce|que ce soit annonce)|"
    r"entre (?:nous|toi et moi|vous et moi)|ne le (?:dis|dites) a personne|restructuration (?:a venir|"
    r"prevue|secrete)"
    r")\b"
)

_KINDS: tuple[tuple[re.Pattern[str], bool, Wording, Wording], ...] = (
    (_SALARY, False, wording.SALARY_WHY, wording.SALARY_BETTER),
    (_PAY_WORDS, True, wording.SALARY_WHY, wording.SALARY_BETTER),
    (_HEALTH, True, wording.HEALTH_WHY, wording.HEALTH_BETTER),
    (_EMPLOYER, True, wording.EMPLOYER_WHY, wording.EMPLOYER_BETTER),
)


def _spans(reading: Reading, pattern: re.Pattern[str], folded: bool) -> Iterator[tuple[int, int]]:
    if folded:
        for match in pattern.finditer(reading.folded):
            start, end = match.span("matter") if "matter" in pattern.groupindex else match.span()
            yield reading.original(start, end)
    else:
        for match in pattern.finditer(reading.text):
            yield match.start(), match.end()


def check(context: MessageContext) -> Iterator[Finding]:
    """A warning over each salary figure, health matter of the writer's and internal affair of the
    employer's; where two overlap, the first kind found is kept."""
    reading = read(context.text)
    taken: list[tuple[int, int]] = []
    for pattern, folded, why, better in _KINDS:
        for start, end in _spans(reading, pattern, folded):
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            yield Finding(ID, Severity.WARNING, start, end, why(), better())


def fix(context: MessageContext, finding: Finding, _: Translate) -> str:
    """The sentence comes out."""
    return without_sentence(context.text, finding.start, finding.end)


RULE = RuleSpec(
    id=ID,
    severity=Severity.WARNING,
    label=N_("Confidential detail"),
    check=check,
    fix=fix,
    fix_label=wording.TAKE_OUT,
)
