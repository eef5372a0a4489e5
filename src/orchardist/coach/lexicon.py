"""How the rules spell the words that matter to them: one spelling for each word's forms, shorthands
and common typos, in English and French, after folding (no accents, lower case).

``spell("hirin")`` is ``hiring``, ``spell("u")`` ``you``, ``spell("embauchez")`` ``embauchv`` (a
French finite form of *embaucher*), ``spell("oppenings")`` ``opening``. A word the lexicon does not
know is kept as it is. Typos are forgiven for words of five letters or more: one letter doubled or
dropped, or two letters swapped (not one letter replaced by another, which turns real words into
each other: "hiking" is not "hiring").
"""

from __future__ import annotations

from functools import lru_cache

# spelling -> the forms written that way (folded: no accents).
_FORMS: dict[str, str] = {
    # Pronouns and shorthands.
    "you": "u yu yall youse",
    "your": "ur yr yer",
    "you are": "youre",
    "are": "r",
    "am": "m",
    "please": "pls plz plse pleas pleeze",
    "know": "kno knw",
    "i am": "im",
    "there is": "theres",
    "do not": "dont",
    "any": "anny",
    "anyone": "anyon",
    "vous": "vs",
    "y a": "ya",
    "est ce": "estce",
    "s il": "sil",
    "qu il": "quil",
    # English: hiring and looking for people.
    "hiring": "hiring hirin hirring hireing",
    "hire": "hire hires",
    "hired": "hired",
    "recruiting": "recruiting recruting",
    "recruit": "recruit recruits",
    "recruiter": "recruiter recruiters recruiteur",
    "recruitment": "recruitment",
    # What is open (one spelling for the singular, one for the plural).
    "opening": "opening",
    "openings": "openings",
    "vacancy": "vacancy",
    "vacancies": "vacancies vacancys",
    "position": "position",
    "positions": "positions",
    "role": "role",
    "roles": "roles",
    "job": "job",
    "jobs": "jobs jobz",
    "gig": "gig",
    "gigs": "gigs",
    "opportunity": "opportunity oportunity opportunite",
    "opportunities": "opportunities oportunities opportunites",
    "posting": "posting",
    "postings": "postings",
    "headcount": "headcount headcounts",
    "req": "req reqs requisition requisitions",
    "spot": "spot spots",
    "lead": "lead leads",
    "looking": "looking lookin",
    "people": "ppl peeps",
    "resume": "resume resumes cv cvs curriculum",
    # Passing on, referring, recommending.
    "pass": "pass passing",
    "forward": "forward forwarding",
    "send": "send sending",
    "share": "share sharing",
    "submit": "submit submitting",
    "refer": "refer refers referring referer referez refereriez refererais refere",
    "referral": "referral referrals referal",
    "recommend": (
        "recommend recommends recommending recommander recommandez recommanderiez recommanderais "
        "recommandes recommandiez"
    ),
    # French: hiring (finite forms; "embauche" is also a noun and a past participle).
    "embauchv": (
        "embauchez embauchent embauchons embauchiez embauchait embauchaient embauchera "
        "embaucheront embaucherait embaucheraient embaucheriez embauches"
    ),
    "embaucher": "embaucher",
    "embauche": "embauche embauchee embauchees",
    "recrutv": (
        "recrutez recrutent recrutons recrutiez recrutait recrutaient recrutera recruteront "
        "recruterait recruteriez recrutes"
    ),
    "recruter": "recruter",
    "engagv": "engagez engagent engagiez engageait engageaient engagera engagerait",
    # French: what is open.
    "poste": "poste",
    "postes": "postes",
    "emploi": "emploi",
    "emplois": "emplois",
    "offre": "offre offres",
    "ouverture": "ouverture",
    "ouvertures": "ouvertures",
    "stage": "stage",
    "stages": "stages",
    "besoin": "besoin besoins",
    "possibilite": "possibilite possibilites",
    "occasion": "occasion occasions",
    "ouvert": "ouvert ouverts ouverte ouvertes",
    "disponible": "disponible disponibles dispo dispos",
    "vacant": "vacant vacants vacante vacantes",
    "libere": "libere liberent liberera libererait liberait",
    "ouvre": "ouvre ouvrent ouvrira ouvrirait ouvrait",
    # French: passing on, keeping in mind.
    "transmit": (
        "transmettre transmettez transmettiez transmettrais transmettriez transmets transmet "
        "transmettais transferer transferez transfereriez transfererais"
    ),
    "passer": "passer passez passeriez passerais",
    "envoyer": "envoyer envoyez enverriez enverrais",
    "remettre": "remettre remettez remettriez remettrais",
    "penser": "penser pensez pense penses pensiez songer songez",
    "garder": "garder gardez garde gardes gardiez",
    "connais": "connais connaissez connaitriez connaitrais connait savez sais sauriez saurais sait",
    "pistonner": "pistonner pistonnez pistonnes pistonne",
    "rh": "rh",
    # Forms a letter away from one above, kept apart from it.
    "recrute": "recrute",
    "engage": "engage",
    "envoye": "envoye envoyes envoyee envoyees",
}

SPELLINGS: dict[str, str] = {form: spelling for spelling, forms in _FORMS.items() for form in forms.split()}
"""Each known form and how the rules spell it."""

# Real words a letter away from a known form, which must not be read as its typo.
_REAL_WORDS = frozenset(
    """
    prefer prefers offer offers poster posted posters hiking roles rolls spots sport sports
    position positive post posts opened open opens refers reefer share shared shares
    passe passes pense penses garde gardes recruit recruits remets pensee pensees referee
    recrue recrues resumed embarque poser posee poses oeuvre ouvrir ouvrier ouvriers potes
    spending garden couvert couverts couverte couvre couvrent liberte vacances posing
    """.split()
)
_TYPO_MINIMUM = 5
# Only the words that carry an ask for openings are forgiven their typos: small words a letter apart
# are real words of their own ("auriez" is not "sauriez").
_TYPO_SPELLINGS = frozenset(
    """hiring recruiting recruiter recruitment opening openings vacancy vacancies position positions
    opportunity opportunities posting postings resume referral recommend embauchv embaucher recrutv
    headcount""".split()
)


def _deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))}


def _typo_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for form, spelling in SPELLINGS.items():
        if len(form) < _TYPO_MINIMUM or spelling not in _TYPO_SPELLINGS:
            continue
        for deleted in _deletions(form):
            index.setdefault(deleted, spelling)
    return index


_DROPPED_LETTER = _typo_index()


@lru_cache(maxsize=32_768)
def spell(word: str) -> str:
    """How the rules spell ``word`` (folded): its lexicon spelling, or the word itself."""
    known = SPELLINGS.get(word)
    if known is not None:
        return known
    if len(word) < _TYPO_MINIMUM or word in _REAL_WORDS or word.isdigit():
        return word
    # A letter dropped ("positons"): the word is a known form less one letter.
    if word in _DROPPED_LETTER:
        return _DROPPED_LETTER[word]
    # A letter doubled or added ("oppenings"), or two letters swapped ("hirign").
    for candidate in _deletions(word):
        if len(candidate) >= _TYPO_MINIMUM and SPELLINGS.get(candidate) in _TYPO_SPELLINGS:
            return SPELLINGS[candidate]
    for index in range(len(word) - 1):
        swapped = word[:index] + word[index + 1] + word[index] + word[index + 2 :]
        if len(swapped) >= _TYPO_MINIMUM and SPELLINGS.get(swapped) in _TYPO_SPELLINGS:
            return SPELLINGS[swapped]
    return word
