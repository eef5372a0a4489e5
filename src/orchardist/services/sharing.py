"""Share an article: whom it suits, ranked with the words that matched, and the note that shares it.

The article is what the user pastes (its text, or its title and link); the link is never fetched.
Full-text search finds the people whose words hold the article's terms (at most ``CANDIDATES``, the
best matches first), and ``orchardist.domain.sharing`` scores them field by field. Drafting the note
uses the coach's "share an article" template; sending it is the user's, and logging it is one click
(a give of kind ``article``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from orchardist.domain import wording
from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.messages import Translate
from orchardist.domain.sharing import MAX_ARTICLE, Suited, Term, article_terms, rank_people
from orchardist.domain.wording import NO_SUCH_PERSON
from orchardist.services import refusals
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import checked_contact, record_in
from orchardist.services.network import Network
from orchardist.services.writing import Letter, article_letter_in
from orchardist.store.unit import Unit

CANDIDATES = 300
"""The most people full-text search hands to the scoring (the best matches)."""
DEFAULT_LIMIT = 10
MOST_LIMIT = 200
MAX_TITLE = 500
MAX_LINK = 2_000


def _same(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class Article:
    """What the user pasted: the text, a title and a link (any may be empty, not all)."""

    text: str = ""
    title: str = ""
    link: str = ""

    @property
    def shared(self) -> str:
        """How the note names the article: its title and link, else the start of its text."""
        named = "\n".join(part for part in (self.title.strip(), self.link.strip()) if part)
        if named:
            return named
        start = " ".join(self.text.split())
        return start[:200] + ("…" if len(start) > 200 else "")


def checked_article(text: str = "", title: str = "", link: str = "") -> Article:
    """The article as given, refused (naming ``text``) when it holds nothing to match."""
    for value, name, most in ((title, "title", MAX_TITLE), (link, "link", MAX_LINK)):
        if len(value) > most:
            raise InputRefused(wording.TOO_LONG(limit=most, length=len(value)), field=name)
    article = Article(text=text[:MAX_ARTICLE], title=" ".join(title.split()), link=link.strip())
    if not article_terms(article.text, article.title, article.link):
        raise InputRefused(refusals.ARTICLE_EMPTY(), field="text")
    return article


@dataclass(frozen=True, slots=True)
class Sharing:
    """The Share an article page: the article, its terms and the people it suits, best first."""

    article: Article
    terms: tuple[Term, ...]
    suited: list[Suited]


def suited_in(unit: Unit, article: Article, *, limit: int = DEFAULT_LIMIT) -> Sharing:
    """``suggest_sharing`` within a transaction."""
    terms = article_terms(article.text, article.title, article.link)
    ids = unit.introductions.suited_ids(terms, most=CANDIDATES)
    return Sharing(article, terms, rank_people(terms, unit.introductions.profiles_of(ids), limit=limit))


def suggest_sharing(
    network: Network, text: str = "", *, title: str = "", link: str = "", limit: int = DEFAULT_LIMIT
) -> Sharing:
    """The people an article suits, best first, each with the words of theirs that matched."""
    if not 1 <= limit <= MOST_LIMIT:
        raise InputRefused(wording.NUMBER_RANGE(least=1, most=MOST_LIMIT, value=limit), field="limit")
    article = checked_article(text, title, link)
    with network.reading() as unit:
        return suited_in(unit, article, limit=limit)


def suited_to_dict(suited: Suited, translate: Translate | None = None) -> dict[str, Any]:
    """Someone an article suits, as ``share suggest --json`` and the API give them."""
    return {
        "person_id": suited.person_id,
        "name": suited.name,
        "score": suited.score,
        "why": suited.why(translate),
        "matched": {item.name: list(words) for item, words in suited.matched},
    }


@dataclass(frozen=True, slots=True)
class SharedNote:
    """The note sharing an article with someone, and the give logged when the user said so."""

    letter: Letter
    logged: Interaction | None = None


def share_note(
    network: Network,
    person_id: int,
    *,
    text: str = "",
    title: str = "",
    link: str = "",
    log: bool = False,
    lang: str = "en",
    _: Translate = _same,
    on: date | None = None,
) -> SharedNote:
    """The note sharing the article with ``person_id``, checked by the coach; with ``log``, the give
    is logged with them in the same transaction (kind ``article``). NotFound for someone not here."""
    article = checked_article(text, title, link)
    with network.writing() if log else network.reading() as unit:
        person = unit.people.get(person_id)
        if person is None:
            raise NotFound(NO_SUCH_PERSON(id=person_id), field="to")
        letter = article_letter_in(unit, person, article.shared, lang=lang, _=_)
        logged = None
        if log:
            summary = _("Shared an article: %(article)s") % {"article": article.shared.split("\n")[0][:200]}
            contact = checked_contact(
                [person_id], direction=Direction.GAVE, kind="article", summary=summary, on=on
            )
            logged = record_in(unit, contact)
        return SharedNote(letter, logged)
