"""The discretion guard's words and rules: how openly the user is looking for work, who they work for,
and which people in the network are their co-workers.

**Co-workers.** Someone is flagged when their organisation is the user's employer or one of its
aliases, however it is spelled, or when one of their e-mail addresses is at one of the user's work
domains or a sub-domain of one. Organisation names are compared by their *core*: folded (case,
accents, apostrophes), without what is in brackets, full stops, a web address's ``www.`` and ending,
and without the legal form and region words they end in ("Ltd", "Limited", "Inc.", "S.A.", "Ltée",
"Group", "(UK)", "Canada"…); so "Contoso Ltd", "CONTOSO LIMITED", "Contoso Ltd." and "Contoso (UK)"
are all "contoso". A name that only *contains* the employer's core, or is contained in it ("Contoso
Pizza Co" when the employer is "Contoso Ltd"), may or may not be the same employer: it is flagged as
*maybe*, for the user to settle with a yes or a no on the person. A look-alike ("Contosa") is not
flagged at all. The user's own yes or no on a person always wins.

Flags are worked out when they are read, from the organisation and the e-mails, so a change of
employer counts at once for everyone (``benchmarks/discretion.py`` measures 30,000 people).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from orchardist.domain.matching import fold


class SearchMode(enum.StrEnum):
    """``off``: not looking; ``open``: looking openly; ``discreet``: the employer and co-workers must
    not hear of it, and Orchardist warns wherever the search could leak."""

    OFF = "off"
    OPEN = "open"
    DISCREET = "discreet"


class Coworker(enum.StrEnum):
    """Whether someone works with the user: ``yes``, ``no``, or ``maybe`` (an organisation that looks
    like the employer's without being plainly the same)."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class Because(enum.StrEnum):
    """Why a flag is what it is: the user said so, an e-mail at a work domain, the organisation is the
    employer's, it looks like the employer's, or nothing links them."""

    YOU_SAID = "you_said"
    EMAIL = "email"
    ORGANISATION = "organisation"
    LOOKS_LIKE = "looks_like"
    NOTHING = "nothing"


@dataclass(frozen=True, slots=True)
class CoworkerFlag:
    """Someone's co-worker flag and why."""

    state: Coworker
    because: Because

    @property
    def certain(self) -> bool:
        """A co-worker for sure (the ``coworker`` of the JSON)."""
        return self.state is Coworker.YES

    @property
    def maybe(self) -> bool:
        return self.state is Coworker.MAYBE

    @property
    def flagged(self) -> bool:
        """A co-worker or maybe one: the discretion guard warns about both."""
        return self.state is not Coworker.NO


NOT_FLAGGED = CoworkerFlag(Coworker.NO, Because.NOTHING)

# The user's own word on a person: True (a co-worker), False (not one), None (auto: work it out).
OVERRIDE_WORDS: dict[str, bool | None] = {"auto": None, "yes": True, "no": False}


def override_word(value: bool | None) -> str:
    """``auto``, ``yes`` or ``no``: how the CLI, the API and the form write an override."""
    return "auto" if value is None else ("yes" if value else "no")


@dataclass(frozen=True, slots=True)
class AboutMe:
    """What the user says about themself: their name, their current employer and its other names, the
    e-mail domains of their work accounts, and how openly they are looking for work."""

    name: str = ""
    employer: str = ""
    employer_aliases: tuple[str, ...] = ()
    work_domains: tuple[str, ...] = ()
    search_mode: SearchMode = SearchMode.OFF

    @property
    def discreet(self) -> bool:
        return self.search_mode is SearchMode.DISCREET

    @property
    def looking(self) -> bool:
        return self.search_mode is not SearchMode.OFF

    @property
    def employer_names(self) -> tuple[str, ...]:
        return tuple(name for name in (self.employer, *self.employer_aliases) if name.strip())


# Organisation names -----------------------------------------------------------------------------

# Words an organisation's name may end in without naming another organisation: legal forms (English,
# French, and the common European ones) and the group, country or region a branch adds.
TRAILING_WORDS = frozenset(
    """
    ltd limited ltee limitee inc incorporated incorporee corp corporation co company cie compagnie
    llc llp lp plc pc ulc lc gmbh ag kg sa sas sasu sarl srl spa bv nv oy ab asa kk pty pte
    group groupe holding holdings international intl global worldwide and et
    uk us usa canada quebec france europe emea apac americas na germany deutschland
    """.split()
)
LEADING_WORDS = frozenset({"the"})
# A name this short (in letters) that is only contained in another is no hint that they are one.
SHORTEST_PART = 3

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_HOST = re.compile(r"(?:www\.)?([a-z0-9-]{2,})(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_DROPPED = re.compile(r"['.]")
_SEPARATOR = re.compile(r"[^a-z0-9]+")


def organisation_core(name: str) -> tuple[str, ...]:
    """The words that name an organisation, as this module's docstring says: ``"Contoso (UK) Ltd."`` ->
    ``("contoso",)``; nothing when the name has no letter or digit."""
    folded = fold(name)
    if not folded:
        return ()
    host = _HOST.fullmatch(folded)
    if host:
        folded = host.group(1)
    without = _BRACKETS.sub(" ", folded)
    text = without if _SEPARATOR.sub("", without) else folded
    text = _DROPPED.sub("", text.replace("&", " and "))
    words = [word for word in _SEPARATOR.split(text) if word]
    while len(words) > 1 and words[0] in LEADING_WORDS:
        words.pop(0)
    while len(words) > 1 and words[-1] in TRAILING_WORDS:
        words.pop()
    return tuple(words)


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part``'s words come one after another in ``whole``."""
    size = len(part)
    return any(whole[start : start + size] == part for start in range(len(whole) - size + 1))


def compare_organisations(name: tuple[str, ...], employer: tuple[str, ...]) -> Coworker:
    """Whether two organisation cores name one employer: ``yes`` when they are the same words (spaces
    aside), ``maybe`` when one holds the other's words in a row, else ``no``."""
    if not name or not employer:
        return Coworker.NO
    if "".join(name) == "".join(employer):
        return Coworker.YES
    shorter, longer = (name, employer) if len(name) <= len(employer) else (employer, name)
    if len(shorter) < len(longer) and len("".join(shorter)) >= SHORTEST_PART and _within(shorter, longer):
        return Coworker.MAYBE
    return Coworker.NO


# E-mail domains --------------------------------------------------------------------------------

_DOMAIN = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")


def clean_domain(text: str) -> str:
    """A work domain as typed (``@Contoso.com``, ``contoso.com.``, ``https://www.contoso.com/``)
    written plainly: ``contoso.com``. "" when it is not a domain at all."""
    domain = text.strip().casefold()
    domain = re.sub(r"^[a-z][a-z0-9+.-]*://", "", domain).split("/", 1)[0]
    domain = domain.rpartition("@")[2].strip().rstrip(".")
    if domain.startswith("www."):
        domain = domain[4:]
    try:
        domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        return ""
    return domain if _DOMAIN.fullmatch(domain) else ""


def domain_of(email: str) -> str:
    """The domain of an e-mail address, lower case (``"Ann <ann@Mail.Contoso.com>"`` ->
    ``"mail.contoso.com"``); "" when it has none."""
    address = email.strip().strip("<>").rpartition("<")[2].strip(">").strip()
    if "@" not in address:
        return ""
    domain = address.rpartition("@")[2].strip().rstrip(".").casefold()
    if not domain.isascii():
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            return domain
    return domain


def at_domains(email: str, domains: Iterable[str]) -> str:
    """The work domain ``email`` is at (itself or a sub-domain of it), or ""."""
    domain = domain_of(email)
    if not domain:
        return ""
    for work in domains:
        if domain == work or domain.endswith("." + work):
            return work
    return ""


# The flag ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class Workplace:
    """The user's employer and work domains, ready to flag many people quickly (each organisation name
    is compared once)."""

    cores: tuple[tuple[str, ...], ...]
    domains: tuple[str, ...]
    _seen: dict[str, Coworker] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, about: AboutMe) -> Workplace:
        cores = tuple(dict.fromkeys(core for core in map(organisation_core, about.employer_names) if core))
        domains = tuple(dict.fromkeys(domain for domain in map(clean_domain, about.work_domains) if domain))
        return cls(cores, domains)

    @property
    def known(self) -> bool:
        """Whether there is anything to flag people by."""
        return bool(self.cores or self.domains)

    def organisation(self, name: str) -> Coworker:
        """Whether an organisation is the employer's (``yes``), may be (``maybe``) or is not."""
        found = self._seen.get(name)
        if found is None:
            core = organisation_core(name)
            found = Coworker.NO
            for employer in self.cores:
                state = compare_organisations(core, employer)
                if state is Coworker.YES:
                    found = state
                    break
                if state is Coworker.MAYBE:
                    found = state
            self._seen[name] = found
        return found

    def flag(self, organisation: str, emails: Iterable[str], override: bool | None = None) -> CoworkerFlag:
        """Someone's flag from their organisation and e-mails; the user's yes or no wins."""
        if override is not None:
            return CoworkerFlag(Coworker.YES if override else Coworker.NO, Because.YOU_SAID)
        if self.domains and any(at_domains(email, self.domains) for email in emails):
            return CoworkerFlag(Coworker.YES, Because.EMAIL)
        if organisation and self.cores:
            state = self.organisation(organisation)
            if state is Coworker.YES:
                return CoworkerFlag(state, Because.ORGANISATION)
            if state is Coworker.MAYBE:
                return CoworkerFlag(state, Because.LOOKS_LIKE)
        return NOT_FLAGGED


@dataclass(frozen=True, slots=True)
class WorkTies:
    """What flags one person: their organisation, their e-mails at a work domain, and the user's marks
    (read for everyone who could be flagged when the About me page lists them)."""

    person_id: int
    name: str
    organisation: str
    emails: tuple[str, ...]
    knows_search: bool
    coworker_override: bool | None


def unsafe_contact(flag: CoworkerFlag, knows_search: bool) -> bool:
    """Whether telling someone of the search could reach the employer: a co-worker, or maybe one, who
    is not among those the user said know they are looking."""
    return flag.flagged and not knows_search
