"""The fixed phrases of an ask for openings, in English and French, over a stream of words as the
lexicon spells them (see ``orchardist.coach.text``): "any openings", "are you hiring", "pass my CV
to", « des postes ouverts », « est-ce que vous embauchez », « me recommander pour le poste »."""

from __future__ import annotations

import re

from orchardist.coach.text import compile_pattern, gap, keywords

# Words a run of adjectives ("any open data analyst roles") never crosses.
_NOT_ADJECTIVES = (
    "on|for|about|of|in|at|to|my|your|the|with|from|and|or|that|who|this|his|her|their|our|is|are|"
    "s|be|was|were|it|i|me|we|he|she|they|you|a|an|its|if|how|what|when|\\?|\\.|,"
)
_NOT_FRENCH_ADJECTIVES = (
    "et|mais|je|tu|il|elle|nous|vous|ils|elles|est|sont|qui|que|actuel|actuelle|nouveau|nouvelle"
)

MACROS = {
    # English: what is open, and what a post is not when those words are about something else.
    "NOUN": (
        "openings?|vacancy|vacancies|positions?|roles?|jobs?|opportunity|opportunities|postings?|gigs?|"
        "headcount|req|internships?|apprenticeships?"
    ),
    "NOT_A_POST": (
        "(?! (?:to|fair|fairs|search|searching|hunt|hunting|title|titles|description|descriptions|"
        "model|models|play|played|seeker|seekers|market|board|boards|of|paper|well done) )"
    ),
    "OPEN_NOUN": "<NOUN><NOT_A_POST>",
    "ADJ2": gap(2, skipping=_NOT_ADJECTIVES),
    "ADJ3": gap(3, skipping=_NOT_ADJECTIVES),
    "BE": "are|is|s|re|be",
    "NOT_ASKING_HOW": "(?<!what )(?<!how )(?<!why )(?<!when )(?<!where )",
    "HIRING": (
        "hiring(?! (?:manager|managers|process|processes|freeze|freezes|committee|trend|trends|practice|"
        "practices|decision|decisions|panel|event|events|fair|fairs|budget|criteria|bias|for diversity|"
        "team|teams|season|data|tips|advice) )"
    ),
    # People a team hires: words that name a trade ("servers", "accountants", "tellers").
    "WORKER": (
        "(?!(?:volunteers?|others|members|numbers|answers|papers|letters|orders|offers|matters|"
        "babysitters?|sitters?|roommates?|tenants?) )"
        "(?:[a-z]{3,}(?:ers|ors|ists?|ians?|eers?|iers|ees|ysts?)|staff|people|folks|"
        "someone|somebody|interns?|grads?|graduates?|students?|nurses?|devs?|talent|"
        "candidates?|employees?|engineers?|analysts?|coordinators?|developers?|designers?)"
    ),
    "PASS": (
        "pass|forward|send|share|submit|hand|get|put|circulate|give|bring|take|email|mail|drop|slip|relay|"
        "passed|forwarded|sent"
    ),
    "HR": (
        "hr|human resources|recruiter|recruiting|recruitment|hiring (?:manager|managers|team|committee|"
        "panel|lead)|"
        "talent|talent acquisition"
    ),
    # French: what is open.
    "POSTE": (
        "(?:offre|possibilite|opportunity|opportunities|occasion) (?:d|de) (?:emplois?|travail|stages?|"
        "carriere)|"
        "postes?|emplois?|jobs?|ouvertures?|opportunity|opportunities|stages?|gigs?"
    ),
    "AVAILABLE": (
        "ouvert|disponible|vacant|a pourvoir|a combler|libre|libres|en ouverture|(?:qui )?(?:s|se) "
        "(?:ouvre|libere|presente)"
    ),
    "ADJ6F": gap(6, skipping=_NOT_FRENCH_ADJECTIVES),
    "DE": "des|un|une|d|quelques",
    "HIRES_FR": "embauche|recrute|engage",
    "EMPLOYER_FR": (
        "ca|qui|on|equipe|entreprise|compagnie|boite|firme|organisme|organisation|ville|centre|magasin|"
        "restaurant|usine|hopital|bureau|service|employeur|banque|agence|cabinet|ministere|gouvernement|"
        "ils|elle|il|societe|groupe|departement|direction|clinique|ecole|commission|municipalite"
    ),
    "HR_FR": (
        "rh|ressources humaines|recruteur|recruiter|recrutement|direction|gestionnaire|gestionnaires|"
        "patron|patronne|employeur|responsable|directeur|directrice|superieur|superieure"
    ),
}

PATTERNS = [
    # --- English: are they hiring? ------------------------------------------------------------
    "<NOT_ASKING_HOW>(?<!who )(?:<BE>) ~6 (?:still |currently |now |actively )?<HIRING>",
    "(?:you|your|they|u) (?:still |currently |now )?<HIRING>",
    "(?:open to|consider|considering|interested in|thinking of|thinking about) (?:hiring|recruiting|"
    "taking on)",
    "(?:accepting|taking|reviewing|collecting) (?:applications|resume|applicants|candidates)",
    "who ~2 <HIRING>",
    "(?:(?<=^ )|(?<=[.?,] ))(?:still |currently |anyone |any )?<HIRING> ~2 \\?",
    "(?:still|currently|actively|any) <HIRING>",
    "(?:plan|plans|planning|looking|going|hoping|intend|intending|expect|expecting|need|needing|about) "
    "(?:to|on) (?:hire|hiring|recruit|recruiting|bring on|add)",
    "(?<!for )(?<!on )(?:hire|hiring|employ|employing|interview|interviewing) me",
    "<NOT_ASKING_HOW>(?:do|does) ~3 hire",
    "<NOT_ASKING_HOW>(?:<BE>) ~3 (?:recruiting|taking on|bringing on|onboarding)"
    "(?! (?:a lot|too|so|more work|projects?|clients?|responsibilit\\w*) )",
    "<NOT_ASKING_HOW>(?<!who )(?:<BE>) ~3 (?:looking|searching) (?:for|to hire|to add) ~3 <WORKER>",
    "(?:do|does|would|will|might|could) ~3 (?:need|use) (?:any|more|extra|another|new|additional|a|an|some) "
    "~2 <WORKER>",
    "room (?:for|on ~2 for) (?:another|one more|a new|more|an extra|someone|somebody) ~2 <WORKER>",
    "room for me (?:on|at|in) ",
    # --- English: are there openings? --------------------------------------------------------
    "(?<!in )(?<!at )(?:any|some) <ADJ3><OPEN_NOUN>",
    "(?:open|available|vacant|unfilled|upcoming|future) <ADJ2>(?:<OPEN_NOUN>|spot|spots)",
    "(?:current|new|recent|latest|upcoming) <ADJ2>(?:openings?|vacancy|vacancies|postings?)",
    "<NOUN> (?:that |which )?(?:available|open|vacant|opening up|open up|opens up|to fill|to be filled|"
    "coming up|come up|comes up|going)(?! (?:well|great|ok|okay|so|smoothly|to)) ",
    "(?:anything|something|spot|spots) ~1 (?:open|opens|opening|available|going)"
    "(?! (?:to|minded|mic|house|source|late|well|great|on) )",
    "(?:are|is) there ~2 (?:a|an|any|some)? ?<ADJ3><OPEN_NOUN>",
    "there (?:is|s|are|re|might be|may be|could be|will be|would be) (?:a|an|any|some)? ?<ADJ2><OPEN_NOUN>",
    "(?:have|has|had|got) (?:a|an|any|some)? ?<ADJ2>(?:openings?|vacancy|vacancies|postings?|headcount|req)",
    "(?:anything|something) (?:coming up|comes up|come up|opening up|opens up|open up) (?:for|at|in|"
    "on (?:your|the)) ",
    "(?:know|hear|heard|aware) (?:of|about) (?:anything|something)(?! (?:i|we|to|that i|else) )",
    "(?:any|some|job) leads",
    "vouch for me",
    "throw my hat in",
    "(?:<BE>) ~4 (?:staffing|staff|scaling|ramping|beefing) up",
    "(?:tell|talk to|speak to|speak with|mention me to|put in a word with) ~3 (?:<HR>) (?:about me|for me)",
    "need ~3 (?:extra|another|spare|more) (?:pair of hands|pairs of hands|hands)",
    "(?:place|room|spot|something|anything|<NOUN>) for ~4 (?:like me|with my (?:background|experience|"
    "profile|skills))",
    "(?:any|some) (?:possibility|possibilities|chance|chances|hope|prospect|prospects) (?:of|for) ~3 "
    "(?:<NOUN>|work|employment|internships?|contracts?)",
    "(?:hiring manager|hiring managers|recruiter|hr) (?:for|of|on|behind) (?:the|this|that|a|an|"
    "your) ~3 (?:<NOUN>)",
    "(?:any way|a way|any chance|possible|chance) (?:for me )?(?:to|i could|i can) (?:join|work (?:with|for|"
    "at|on)) "
    "(?:you|your|ur)",
    "(?:<NOUN>|place|spot|something|anything|room) (?:for|at ~3 for) (?:me|someone like me|someone with my|"
    "a person like me|people like me|a person with my)(?! to )",
    "(?:hear|heard|hears|hearing) (?:of|about) (?:a|an|any|some|something|anything) ",
    "(?:me|i) (?:get|land|find|score) (?:a|an|some|any) ~1 (?:job|position|role|gig|opening)",
    "(?:get|find|give|offer|hook) me ~2 (?:a|an|with a|with an|some) ~1 (?:job|position|role|gig)",
    # --- English: keep me in mind, pass my résumé on, refer me --------------------------------
    "keep me (?:in mind|on your radar|in your thoughts for|on the list|on file)",
    "keep my (?:name|resume|profile|application|details) (?:in mind|on file|handy|on your radar)",
    "(?:have|bear) me in mind",
    "keep (?:an eye|your eyes|your ears|an ear) (?:out|open|peeled) ~4 "
    "(?:for me|on my behalf|<OPEN_NOUN>|anything|something)",
    "(?:foot|feet) in the door",
    "(?:think|thinking) of me (?:if|when|for|should|whenever|in case)",
    "(?:consider|considering) me (?:for|if|when|as a candidate)",
    "remember me (?:if|when|for|should)",
    "put ~1 (?:my name|me) (?:forward|in|up) ",
    "(?:submit|pass|give|send|forward|put) (?:my name|me) (?:for|to) ~3 (?:<NOUN>|<HR>)",
    "(?:send|pass|forward|throw) (?:it|them|anything|something|any|those) ~2 my way",
    "(?:put|say|drop|slip|have) (?:in )?(?:a|the) (?:good |kind )?word (?:for me|with|in)",
    "(?:put|say|drop|slip) (?:in )?(?:a|the) (?:good|kind) word",
    "let (?:your |the )?(?:<HR>|recruiter|manager|managers|boss) know",
    "(?:anything|something) (?:suitable|fitting|appropriate|available|open|going) (?:for|given) ",
    "(?:internal|employee) referral",
    "(?:you|u) ~4 (?P<ask>(?:<PASS>) (?:along |on |over |in )?(?:my|the|this|attached|a copy of my) ~3 "
    "(?:resume|application|candidacy))",
    "(?:<PASS>) (?:along |on |over )?my ~1 (?:resume|application) (?:along |on |over )?(?:to|with|"
    "in front of) ",
    "refer (?:me|my ~1) (?:internally |directly |officially )?for",
    "refer (?:me|my ~1) (?:to|with) ~3 (?:<HR>|<NOUN>)",
    "refer me (?:\\?|\\.|,)",
    "(?:put|submit|give|make|write|send|do|provide|get|ask for|need|for) ~3 referral"
    "(?! to )(?! from (?:a|an|my|the|dr|doctor|his|her) )",
    "referral for (?:me|the|a|this|that|an) ",
    "recommend (?:me|my ~1) (?:for|as a candidate|as an applicant)",
    "recommend (?:me|my ~1) to ~3 (?:<HR>|<NOUN>|your manager|the manager)",
    # --- French: des postes ouverts ? ---------------------------------------------------------
    "(?:<POSTE>) <ADJ6F>(?:<AVAILABLE>)",
    "(?:une|la) place (?:se|s) (?:libere|ouvre) ~2 (?:dans|chez|au sein|a) (?:ton|ta|votre|vos|l|la|le|tes)",
    "(?:avez|auriez|aurais|as|aviez|avais|aurez|aura) (?:vous|tu|t il|t elle|"
    "t on) ~2 (?:<DE>) ~2 (?:<POSTE>)",
    "en (?:avez|auriez|as|aurais|a t il|y a t il|y aurait il) (?:vous |tu )?(?:de |d )?(?:<AVAILABLE>)",
    "(?:a|avez|ont|aurait|auriez|as|aurais|avait) (?:t il |t elle |vous |tu )?(?:des|de) besoin (?:en|de|d) ",
    "(?:moyen|possible|possibilite|chance|place) (?:de|d) (?:travailler|bosser|me joindre|joindre|rejoindre|"
    "integrer|entrer) (?:avec|pour|chez|a|dans) (?:vous|toi|ton|ta|votre|vos)",
    "(?:y a|y aura|y aurait|y avait) ~2 (?:de l|d) (?:embauche|recrutement)",
    "en (?:periode |mode |phase )?(?:de |d )?(?:recrutement|embauche)",
    "(?:vous|tu) (?:embaucher|recruter|engager) (?:des|du|un|une|en|\\?) ",
    "(?<!je )(?<!j )(?<!la )(?:cherche|cherchez|cherchent|recherche|recherchez|recherchent) (?:des|du|un|"
    "une|d) ~1 "
    "(?:[a-z]+(?:eur|eurs|euse|euses|ien|iens|ienne|iennes|iste|istes|ier|iers|iere|ieres|ant|ants|ante|"
    "antes)|"
    "personnel|employes|stagiaires|commis|candidats|candidates|monde)",
    "(?:tu|vous) (?:as|avez|aurais|auriez|aurez) ~1 (?:<DE>) ~2 (?:<POSTE>)",
    "y (?:a|aurait|avait|aura) (?:t il |til |tu |t y )?~2 (?:<DE>) ~2 (?:<POSTE>)",
    "(?:connais|entends|entendez|entend|entendu|entendiez|entendrais|au courant) ~3 (?:<DE>|de|"
    "d) ~2 (?:<POSTE>)",
    "(?:vois|voyez|voyiez|voir) passer ~2 (?:une|des|un) ~1 (?:offre|<POSTE>)",
    "(?:<POSTE>|place) pour (?:un|une) (?:stagiaire|etudiant|etudiante|"
    "[a-z]{3,}(?:eur|euse|ien|ienne|iste|ier|iere|ant|ante|trice)) ",
    "(?:<POSTE>|place|quelque chose|qqch|qqc) pour (?:moi|quelqu un (?:comme moi|avec mon|de mon)|"
    "une personne (?:comme moi|avec mon)|mon profil)",
    # --- French: est-ce que vous embauchez ? --------------------------------------------------
    "embauchv|recrutv|engagv",
    "(?:<EMPLOYER_FR>) (?:<HIRES_FR>)(?! (?:de|du|d|par|la|le|l) )",
    "(?<!l )(?<!d )(?<!de )(?:<HIRES_FR>) (?:t il|t elle|t on|t ils|des|du monde|en ce moment|presentement|"
    "actuellement|"
    "ces temps|cette annee|cet ete|pour (?:le|un|une|des|ce|cette) ~1 (?:<POSTE>))",
    "(?:prevoyez|prevoit|prevoient|comptez|compte|comptent|penser|allez|va|vont|planifiez|planifie|"
    "envisagez|envisage|cherchez|cherche|cherchent) ~2 (?:a |d )?(?:embaucher|recruter|engager)",
    "(?:m|me) (?:embaucher|engager|recruter)",
    "(?<!ai )(?<!la )(?:cherchez|cherchent|cherchiez|recherchez|recherchent|besoin) ~2 (?:du|de|des|d) ~1 "
    "(?:monde|personnel|main d oeuvre|employes|employe|gens|candidats|candidat|candidates|releve|renfort)",
    # --- French: pensez à moi, transmettez mon CV, recommandez-moi ----------------------------
    "penser a moi",
    "(?:garder|ayez|aie|ayiez) (?:moi|m) ~1 (?:en tete|a l esprit|en memoire|sous le coude|en reserve)",
    "(?:me|m) (?:garder|gardiez) ~1 (?:en tete|a l esprit|en memoire|sous le coude|en reserve)",
    "candidature spontanee",
    "(?:accepter|accepteriez|accepterais|acceptez|recevoir|recevriez|considerer|considereriez) (?:ma|mon) "
    "(?:candidature|resume)",
    "(?:transmit|passer|remettre|suivre|parvenir|soumettre|acheminer|donner|presenter|proposer|appuyer|"
    "glisser|"
    "recommend) (?:mon|ma|le|notre) ~1 (?:resume|candidature|dossier de candidature)",
    "envoyer (?:mon|ma) ~2 (?:resume|candidature) ~2 a (?:la |le |l |votre |ton |ta |vos |tes |mon |ma )?~2"
    "(?:<HR_FR>|personne|equipe|service)",
    "(?:le|la|les) (?:transmit|faire suivre|faire parvenir)",
    "(?:me|m) (?:refer|recommend|pistonner) (?:pour|a|aupres|comme) ~3 (?:<POSTE>|<HR_FR>|candidat|"
    "candidate)",
    "(?:me|m) (?:refer|recommend) ~5 pour (?:le|un|ce|cette|la|une) ~1 (?:<POSTE>)",
    "pistonner",
    "(?:bon mot|un mot) pour moi",
    "(?:glisser|dire|placer) (?:un|mon) ~1 (?:mot|nom)",
    "(?:reference|recommendation|recommend|recommandation) pour (?:le|un|ce|cette|la|une) ~2 (?:<POSTE>)",
]

PHRASES: tuple[re.Pattern[str], ...] = tuple(compile_pattern(source, MACROS) for source in PATTERNS)
"""Each phrase compiled (it matches the space before its first word)."""

BY_KEYWORD: dict[str, tuple[int, ...]] = {}
"""For each of their uncommon words, the phrases that may hold it: a sentence is searched only for the
phrases one of whose words it holds."""
for _number, _pattern in enumerate(PHRASES):
    for _word in keywords(_pattern):
        BY_KEYWORD[_word] = (*BY_KEYWORD.get(_word, ()), _number)
"""Every phrase above, as one expression over a stream (see ``orchardist.coach.text``)."""
