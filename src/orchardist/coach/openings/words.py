"""The words a sentence asking for openings is made of, as the lexicon spells them (folded, typos
forgiven): posts, the people a team hires, and what a team does when it hires."""

from __future__ import annotations

import re

SINGULAR_POSTS = frozenset(
    """opening vacancy position role job opportunity posting gig headcount req internship apprenticeship
    poste emploi ouverture stage contrat""".split()
)
PLURAL_POSTS = frozenset(
    """openings vacancies positions roles jobs opportunities postings gigs internships apprenticeships
    contracts postes emplois ouvertures stages contrats""".split()
)
POSTS = SINGULAR_POSTS | PLURAL_POSTS

# People a team hires: common titles, then the endings most titles have.
_TITLES = frozenset(
    """rep reps clerk clerks cook cooks chef chefs nurse nurses dev devs tech techs admin admins intern
    interns coach coaches staff paralegal paralegals associate associates grad grads graduate graduates
    student students people folks talent hire hires someone somebody anyone anybody
    candidate candidates person analyst analysts cashier cashiers barista baristas contractor contractors
    commis prepose preposes preposee preposees adjoint adjointe adjoints adjointes stagiaire stagiaires
    comptable comptables analyste analystes gestionnaire gestionnaires graphiste graphistes personnel monde
    gens employe employes employee employees quelqu candidat candidats candidate candidates releve renfort
    infirmiere infirmieres infirmier infirmiers educatrice educatrices apprentice apprentices
    receptionniste receptionnistes""".split()
)
_NOT_PEOPLE = frozenset(
    """other others never summer summers winter dinner number numbers member members answer answers letter
    letters paper papers offer offers order orders water power better after under over later ever however
    together rather whether either neither mother father brother sister partner center centre cancer
    computer corner matter matters manner border weather leather folder reminder newsletter chapter quarter
    register remember november october september december consider another wonder trigger career careers
    customer customers user users sooner earlier faster bigger smaller longer shorter higher lower
    cover letters corner master masters chamber shower tower flower flowers ladder gather together
    restaurant restaurants important want wants plant plants significant relevant different constant
    instant coffee committee committees fee fees free degree degrees guarantee agree see three
    color floor door major minor sector factor error honor behavior labor mirror
    volunteer volunteers meetup events event vacances mentor mentors tutor advisor advisors sponsor
    sponsors investor investors donor donors babysitter babysitters sitter sitters nanny nannies
    roommate roommates tenant tenants benevole benevoles gardienne gardiennes gardien gardiens locataire
    locataires colocataire colocataires
    heure heures interieur exterieur valeur valeurs couleur couleurs secteur secteurs moteur bonheur
    honneur hauteur chaleur coeur soeur soeurs fleur fleurs erreur erreurs humeur peur docteur
    important importante interessant interessante courant avant maintenant pendant cependant
    premier premiere dernier derniere entier entiere dossier dossiers papier papiers quartier janvier
    fevrier metier metiers""".split()
)
_PERSON_ENDING = re.compile(
    r"[a-z]{3,}(?:ers|ors|ists?|ians?|ants?|eers?|iers|ees?|ysts?|eurs?|euses?|iennes?|istes?|ieres?|trices?)$"
)
# Singular "-er" and "-or" words are people only after an article: French verbs end in "-er" too.
_SINGULAR_PERSON_ENDING = re.compile(r"[a-z]{3,}(?:er|or)$")
_ARTICLES = frozenset("a an another one extra new more".split())


def names_people(tokens: list[str], index: int) -> bool:
    """Whether ``tokens[index]`` names people a team could hire ("servers", "a translator",
    « soudeurs », « préposés »)."""
    token = tokens[index]
    if token in _TITLES:
        return True
    if token in _NOT_PEOPLE:
        return False
    if _PERSON_ENDING.match(token):
        return True
    return bool(_SINGULAR_PERSON_ENDING.match(token)) and bool(
        _ARTICLES.intersection(tokens[max(0, index - 3) : index])
    )
