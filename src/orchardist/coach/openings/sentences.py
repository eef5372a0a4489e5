"""Asks for openings read sentence by sentence, for the many ways no fixed phrase foresees.

A sentence asks for openings when, in a sentence that asks (``orchardist.coach.asking``):

- a post may or may not exist: "are there roles in your department?", « des postes d'analyste »,
  rather than one that does ("your new position", « ton poste actuel »);
- a team hires people: "is the board short on substitute teachers?", « ton employeur a-t-il besoin de
  préposés ? », "if your company ever needs a translator" (not "I need a mentor");
- a résumé or a name is handed on to whoever hires: "send you my resume so you can forward it to
  your manager", « faire circuler mon CV dans votre réseau ».

A sentence that wishes to join the reader's team ("I'd love to join your team") asks as well, even
without a question. Each reading yields the tokens it rests on, first and last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from orchardist.coach.asking import INFORMATIONAL, THANKING, clause_start
from orchardist.coach.openings.words import PLURAL_POSTS, POSTS, SINGULAR_POSTS, names_people
from orchardist.coach.text import Stream

Tokens = tuple[int, int]

_SOME = frozenset("any some no other more several few des quelques plusieurs aucun aucune autres".split())
_ONE = frozenset("a an un une another one".split())
_KNOWN = frozenset(
    """the your my his her their our its this that these those le la l les ton ta tes votre vos mon ma mes
    son sa ses leur leurs ce cet cette ces du au aux notre nos d de""".split()
)
# Words a run of modifiers ("open data analyst") stops at: the word before the run decides.
_FUNCTION = (
    _SOME
    | _ONE
    | _KNOWN
    | frozenset(
        """to into between from than like for of about on in at with by as and or but if so
        i me you he she it we they them him us is are am was were be been being s re m ve d ll
        have has had do does did know hear see there here what which who whom how why when where
        entre pour par sur dans avec sans chez vers je tu il elle nous vous ils elles on y en
        est sont a ai as avez ont et ou mais que qui quoi si , ? .""".split()
    )
)
# Before a bare plural: what makes the posts a topic rather than something asked for.
_NOT_ASKED_AFTER = frozenset(
    """to into between from than like apply applying applied postuler interview interviewing prepare
    preparing entre""".split()
)
_TOPIC = frozenset(
    """advice tips tip question questions thoughts article articles post posts talk insight insights
    perspective book books course podcast webinar workshop conseil conseils avis astuces conference
    opinion views strategies strategy trends experience""".split()
)
_NOT_A_POST_BEFORE = frozenset(
    """great good nice amazing fantastic excellent wonderful terrific awesome incredible brilliant solid
    bad tough hard dream first current previous last former old actuel actuelle ancien ancienne premier
    premiere""".split()
)
_NOT_A_POST_AFTER = frozenset(
    """fair fairs search searching hunt hunting title titles description descriptions model models play
    played seeker seekers market board boards paper security satisfaction interview interviews offer
    offers application applications hop hopping shadow shadowing training experience growth loss line
    remarks remark act ceremony night statement keynote move to of like""".split()
)
_AVAILABLE = frozenset("open opens available vacant opening unfilled ouvert disponible libre libres".split())
PLACES = (
    "team|company|department|group|org|organisation|organization|firm|lab|office|shop|store|crew|unit|"
    "branch|agency|plant|hospital|school|side|end|site|warehouse|kitchen|clinic|library|museum|restaurant|"
    "equipe|entreprise|compagnie|service|departement|organisme|boite|firme|bureau|succursale|usine|hopital|"
    "ecole|cote|labo|laboratoire|etablissement|clinique|magasin|cuisine|bibliotheque|musee"
)
_FOR_ME_OR_THERE = re.compile(
    rf"^ (?:[a-z0-9']+ ){{0,2}}(?:for me|pour moi|for someone|pour quelqu un|(?:on|in|at|with|within|dans|"
    rf"au sein de|a) (?:your|ur|the|votre|ton|ta|vos|tes|la|l|le) (?:[a-z0-9']+ )?(?:{PLACES})|"
    rf"chez (?:vous|toi|[a-z]+)) "
)
_BECOMES_OPEN = re.compile(
    r"^ (?:(?:becomes?|comes?|opens?|goes|frees|is|are|gets?) (?:available|up|open|vacant|free|posted)|"
    r"arises?|appears?|pops? up|shows? up|se libere|s ouvre) "
)
_MOST_MODIFIERS = 3


def _informational(tokens: list[str], first: int, index: int) -> bool:
    """Whether the clause holding ``index`` asks how things are ("what roles suit a biologist?")."""
    return tokens[clause_start(tokens, first, index)] in INFORMATIONAL


def _mass_post(token: str, following: str) -> bool:
    """ "Work" going, « des possibilités pour »: words that name posts only in these phrases."""
    if token == "work":
        return following in _WORK_FOLLOWS
    return token in _POSSIBILITIES and following in ("pour", "for")


_WORK_FOLLOWS = frozenset("going available open coming lined at on for".split())
_POSSIBILITIES = frozenset("possibilite possibility possibilities".split())


def posts_that_may_exist(stream: Stream) -> Iterator[Tokens]:
    """Posts named as something that may or may not exist, in a sentence that asks."""
    tokens = stream.tokens
    for first_token, stop in stream.sentences:
        if first_token not in stream.asking:
            continue
        for index in range(first_token, stop):
            token = tokens[index]
            following = tokens[index + 1]
            plural = token in PLURAL_POSTS or _mass_post(token, following)
            if not plural and token not in SINGULAR_POSTS:
                continue
            if following in _NOT_A_POST_AFTER:
                continue
            first = index
            while (
                first > first_token and index - first < _MOST_MODIFIERS and tokens[first - 1] not in _FUNCTION
            ):
                first -= 1
            modifiers = set(tokens[first:index])
            if modifiers & _NOT_A_POST_BEFORE:
                continue
            before = tokens[first - 1] if first > first_token else "."
            after = " " + " ".join(tokens[index + 1 : index + 7]) + " "
            available = (
                bool(modifiers & _AVAILABLE) or following in _AVAILABLE or bool(_BECOMES_OPEN.match(after))
            )
            if before in _ONE and not available:
                if "new" in modifiers or not _FOR_ME_OR_THERE.match(after):
                    continue
            elif before not in _SOME and not available:
                if before in _KNOWN or not plural or before in _NOT_ASKED_AFTER:
                    continue
            if _TOPIC.intersection(tokens[max(first_token, first - 4) : first]):
                continue
            if _informational(tokens, first_token, index):
                continue
            start = first - 1 if before in _SOME or before in _ONE else first
            yield start, index + (1 if following in _AVAILABLE else 0)


# A team hiring: one word, or two.
_HIRES = frozenset(
    """hiring hire hires recruiting recruit recruits seeking need needs needing needed staffing understaffed
    posted embauchv embaucher recrutv recrute recruter engagv engager cherche cherchez cherchent
    recherche recherchez recherchent besoin manque manquez manquent ouvre ouvrir ouvrez combler pourvoir
    affiche affichent afficher adding add prend prennent prenez prendrait prendriez""".split()
)
_HIRES_PAIRS = frozenset(
    (first, second)
    for first, second in (
        pair.split("+")
        for pair in """take+on takes+on taking+on took+on bring+on brings+on bringing+on looking+for
        look+for looks+for searching+for search+for short+on short+of in+need could+use can+use
        prendre+en prendrait+en prendre+comme budget+for headcount+for room+for bring+in bringing+in
        brings+in""".split()
    )
)
_NOT_HIRING_AFTER = frozenset(
    """manager managers process processes freeze freezes committee trend trends practice practices
    decision decisions panel event events fair fairs budget criteria bias season data tips advice""".split()
)
_SELF = frozenset("i je j we nous am m ai suis".split())
_OUR_SIDE = frozenset("my our mon ma mes notre nos".split())
# "Did your company end up hiring…": what has happened already.
_DONE = frozenset("did end ended finally already".split())
# French words for hiring that are also nouns or participles: « la recherche », « l'embauche ».
_ALSO_FRENCH_NOUNS = frozenset("recrute recherche besoin manque affiche".split())
_BEFORE_FRENCH_NOUN = frozenset("l d de la le en ma ta sa votre notre une un ton son mon pas".split())
_NEAR = 8


def _hires_at(tokens: list[str], index: int) -> int:
    """How many tokens a hiring act at ``index`` spans (0 when there is none)."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else "."
    if (token, following) in _HIRES_PAIRS:
        return 2
    if token not in _HIRES:
        return 0
    if token == "hiring" and following in _NOT_HIRING_AFTER:
        return 0
    if token in _ALSO_FRENCH_NOUNS and index > 0 and tokens[index - 1] in _BEFORE_FRENCH_NOUN:
        return 0
    return 1


_OFFERING_ONESELF = re.compile(
    r" (?:like me|comme moi|i m your|i am your|count me in|i am available|i can start|for me|pour moi|"
    r"me considerer|consideree|considere|je suis disponible|je suis la personne) "
)


def teams_hiring(stream: Stream) -> Iterator[Tokens]:
    """A team that hires people or posts, in a sentence that asks or where the writer offers themself."""
    tokens = stream.tokens
    for first_token, stop in stream.sentences:
        hiring = [index for index in range(first_token, stop) if _hires_at(tokens, index)]
        if not hiring:
            continue
        if first_token not in stream.asking and not _OFFERING_ONESELF.search(
            stream.sentence_text(first_token, stop)[1]
        ):
            continue
        for index in hiring:
            width = _hires_at(tokens, index)
            if not width:
                continue
            if _SELF.intersection(tokens[max(first_token, index - 2) : index]) or _OUR_SIDE.intersection(
                tokens[max(first_token, index - 3) : index]
            ):
                continue
            if THANKING.intersection(tokens[first_token:index]) or _informational(tokens, first_token, index):
                continue
            if _DONE.intersection(tokens[max(first_token, index - 4) : index]):
                continue
            for other in range(max(first_token, index - _NEAR), min(stop, index + width + _NEAR)):
                if index <= other < index + width:
                    continue
                if tokens[other] in POSTS or names_people(tokens, other):
                    yield min(index, other), max(index + width - 1, other)
                    break


_DOCUMENTS = frozenset("resume name application portfolio candidature profile profil dossier".split())
_HANDING_ON = frozenset(
    """pass passing passed forward forwarding forwarded send sending sent share sharing shared circulate
    submit hand put get transmit passer remettre circuler diffuser suivre parvenir soumettre envoyer
    acheminer glisser relay relayer relayez""".split()
)
_WHO_HIRES = frozenset(
    """hr recruiter recruiters recruiting recruitment hiring whoever boss team network manager managers
    director department rh reseau gestionnaire gestionnaires responsable direction patron patronne
    directeur directrice service employeur""".split()
)
_MINE = frozenset("my mon ma mes".split())


def resumes_handed_on(stream: Stream) -> Iterator[Tokens]:
    """My résumé (or name) handed on to whoever hires, in a sentence that asks."""
    tokens = stream.tokens
    for first_token, stop in stream.sentences:
        if not _WHO_HIRES.intersection(tokens[first_token : stop + 1]) or first_token not in stream.asking:
            continue
        documents = [
            index
            for index in range(first_token, stop)
            if tokens[index] in _DOCUMENTS and _MINE.intersection(tokens[max(first_token, index - 3) : index])
        ]
        handing = [index for index in range(first_token, stop) if tokens[index] in _HANDING_ON]
        if documents and handing:
            yield min(documents[0], handing[0]), max(documents[0], handing[0])


_JOINING = re.compile(
    r" (?:love|like|hoping|hope|want|keen|eager|aimerais|voudrais|souhaite|souhaiterais|reve|adorerais|"
    r"interested|interesse|interessee) (?:[a-z0-9']+ ){0,4}(?:join|joining|work|working|travailler|"
    r"joindre|rejoindre|integrer|faire partie) (?:[a-z0-9']+ ){0,2}(?:your|ur|votre|ton|ta|vos|tes) "
    rf"(?:[a-z0-9']+ )?(?:{PLACES}) "
)


def wishes_to_join(stream: Stream) -> Iterator[Tokens]:
    """A wish to join the reader's team: "I'd love to join your team", « travailler dans votre équipe »."""
    for match in _JOINING.finditer(stream.text):
        yield stream.token_at(match.start() + 1), stream.token_at(match.end() - 2)


READINGS = (posts_that_may_exist, teams_hiring, resumes_handed_on, wishes_to_join)
"""Each reading of a stream, in the order their findings are kept when they overlap."""
