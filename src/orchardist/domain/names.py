"""Clean people's names into the given and family parts used for matching and sorting.

What people type into a name field carries more than a name: pronouns (``Amy (she/her)``),
credentials (``Lee, PhD``, ``Smith MBA CPA``), emoji and decorations (``Jo 🌱``), nicknames in
quotes. The display name keeps all of it; these pure helpers produce the clean parts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words that make up pronoun sets people add to their names, in English and French.
_PRONOUN_WORDS = frozenset(
    {
        "she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "their",
        "ze", "zir", "zirs", "hir", "hirs", "xe", "xem", "xyr", "ey", "em", "eir", "fae", "faer",
        "any", "all", "pronouns", "elle", "elles", "il", "ils", "iel", "iels", "lui", "ielle",
    }
)  # fmt: skip
# A lone word in brackets is read as pronouns only when it cannot be a nickname.
_LONE_PRONOUNS = frozenset({"she", "he", "they", "elle", "iel", "il", "ze", "xe"})

_BRACKETED = re.compile(r"[(\[{]([^()\[\]{}]*)[)\]}]")
_PRONOUN_SET = re.compile(r"(?:pronouns?\s*:\s*)?([a-z]+(?:\s*/\s*[a-z]+)*(?:\s+pronouns)?)", re.IGNORECASE)
_BARE_PRONOUNS = re.compile(r"(?<![\w/])([A-Za-z]+(?:\s*/\s*[A-Za-z]+)+)(?![\w/])")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]")
_SPACES = re.compile(r"\s+")
_SLASH_SPACES = re.compile(r"\s*/\s*")
# Only letters, spaces, hyphens, dots and apostrophes: nothing to clean but credentials.
# Mathematical "𝓙𝓪𝓷𝓮" and full-width letters are letters too, but need turning into plain ones.
_PLAIN = re.compile(r"(?:[^\W\d_\U0001D400-\U0001D7FF\uFF01-\uFF5E]|[ .'\-’])*")
_EDGE_JUNK = " \t-–—|•·,;:/\\_~*+=#"

# Post-nominal letters, compared without dots: "Ph.D." -> "PhD". Mixed-case spellings match exactly
# so that family names such as "Ma" are never mistaken for "MA".
_CREDENTIALS_EXACT = frozenset(
    {
        "PhD", "DPhil", "MSc", "BSc", "MEd", "EdD", "PharmD", "MEng", "BEng", "PEng", "MPhil",
        "MBA", "Esq", "Jr", "Sr", "MFA", "MPA", "MPH", "LLM", "LLB", "DrPH", "PsyD", "MSW",
    }
)  # fmt: skip
_CREDENTIALS_UPPER = frozenset(
    {
        "PHD", "MBA", "EMBA", "CPA", "CFA", "CMA", "CGA", "ACCA", "ACA", "FCA", "CFP", "CIA", "CISA",
        "CISM", "CISSP", "PMP", "CAPM", "PMI-ACP", "CSM", "CSPO", "SAFE", "ITIL", "MD", "DO", "RN",
        "NP", "PA-C", "LPN", "BSN", "MSN", "DNP", "APRN", "DDS", "DMD", "DVM", "JD", "LLM", "LLB",
        "ESQ", "PE", "PENG", "PEng", "EIT", "SE", "RA", "AIA", "LEED", "LEED-AP", "MA", "MS", "MSC",
        "BA", "BS", "BSC", "BCOM", "MCOM", "MED", "EDD", "MPH", "MPA", "MSW", "LCSW", "LMSW", "LPC",
        "LMFT", "SHRM-CP", "SHRM-SCP", "SPHR", "PHR", "GPHR", "CHRP", "CHRL", "CRHA", "CPHR", "CIPD",
        "CCNA", "CCNP", "CCIE", "MCSE", "RHCE", "FRM", "CAIA", "CLU", "CHFC", "CPC", "ACC", "PCC",
        "MCC", "CSCP", "CPIM", "CPSM", "CMRP", "OTR/L", "DPT", "PT", "OT", "RPH", "CPHQ", "FACHE",
        "II", "III", "IV", "JR", "SR", "FRSA", "FCPA", "FCMA", "OBE", "MBE", "CBE", "QC", "KC",
    }
)  # fmt: skip
_HONORIFICS = frozenset(
    {"dr", "dra", "prof", "mr", "mrs", "ms", "mx", "miss", "mme", "mlle", "sr", "sra", "herr", "frau"}
)
# Lower-case particles that belong to the family name: "Ludwig van Beethoven", "Juan de la Cruz".
_PARTICLES = frozenset(
    {
        "van", "von", "de", "da", "di", "del", "della", "der", "den", "du", "des", "dos", "das",
        "la", "le", "lo", "ter", "ten", "bin", "binti", "bint", "ibn", "al", "el", "st", "st.",
        "y", "zu", "af", "av", "mac", "ap",
    }
)  # fmt: skip


def _is_symbol(ch: str) -> bool:
    """Emoji, dingbats and other decorations that are never part of a name."""
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True  # variation selectors, skin tones, emoji tag sequences
    if code == 0x20E3:
        return True  # combining keycap
    return unicodedata.category(ch) in {"So", "Cn", "Co", "Cs", "Cc"}


def _strip_symbols(text: str) -> str:
    """Remove emoji and decorative symbols; fancy "𝓙𝓪𝓷𝓮" letters become plain letters."""
    if text.isascii():
        return text if text.isprintable() else "".join(ch if ch.isprintable() else " " for ch in text)
    kept: list[str] = []
    removed = False
    for ch in text:
        code = ord(ch)
        if 0x1D400 <= code <= 0x1D7FF or 0xFF01 <= code <= 0xFF5E:
            kept.append(unicodedata.normalize("NFKC", ch))
        elif ch.isspace():
            kept.append(" ")
        elif _is_symbol(ch):
            removed = True
        else:
            kept.append(ch)
    result = "".join(kept)
    if removed:
        # A zero-width joiner that glued emoji together is left dangling once they are gone.
        result = result.replace("\u200d", "")
    return result


def _normalise(text: str) -> str:
    """NFC, single spaces, no leading or trailing separators."""
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip(_EDGE_JUNK)


def _pronoun_text(candidate: str, *, bracketed: bool) -> str:
    """The pronoun set ``candidate`` spells (``"she/her"``), or ``""`` when it is not one."""
    match = _PRONOUN_SET.fullmatch(candidate.strip())
    if match is None:
        return ""
    spelled = _SLASH_SPACES.sub("/", match.group(1).strip().lower())
    words = spelled.replace("/", " ").split()
    if not words or any(word not in _PRONOUN_WORDS for word in words):
        return ""
    if "/" not in spelled and not (bracketed and (len(words) > 1 or words[0] in _LONE_PRONOUNS)):
        return ""
    return spelled


def _take_pronouns(text: str) -> tuple[str, str]:
    """Split ``text`` into what remains of it and the pronouns written in it."""
    found = ""

    def bracketed(match: re.Match[str]) -> str:
        nonlocal found
        pronouns = _pronoun_text(match.group(1), bracketed=True)
        if not pronouns:
            return match.group(0)
        found = found or pronouns
        return " "

    def bare(match: re.Match[str]) -> str:
        nonlocal found
        pronouns = _pronoun_text(match.group(1), bracketed=False)
        if not pronouns:
            return match.group(0)
        found = found or pronouns
        return " "

    if "/" in text or "(" in text or "[" in text or "{" in text:
        text = _BRACKETED.sub(bracketed, text)
        if "/" in text:
            text = _BARE_PRONOUNS.sub(bare, text)
    return text, found


def _drop_asides(text: str) -> str:
    """Remove bracketed asides and quoted nicknames, unless nothing else would remain."""
    if not any(ch in text for ch in '([{"“”„«»'):
        return text
    without = _QUOTED.sub(" ", _BRACKETED.sub(" ", text))
    return without if without.strip(_EDGE_JUNK + " ") else text


def _is_credential(token: str, *, any_capitals: bool) -> bool:
    """Whether ``token`` is post-nominal letters such as ``MBA``, ``Ph.D.`` or ``SHRM-CP``.

    With ``any_capitals``, any short run of capitals counts ("Smith CSCA"); callers pass it only
    when the name itself is not written in capitals ("Marie DE LA TOUR" keeps its family name).
    """
    bare = token.strip(".,;:()[]®™")
    compact = bare.replace(".", "")
    if not compact:
        return True
    if compact in _CREDENTIALS_EXACT:
        return True
    if not compact.isupper():
        return False
    if compact in _CREDENTIALS_UPPER:
        return True
    letters = compact.replace("-", "").replace("/", "")
    return any_capitals and 2 <= len(letters) <= 6 and letters.isalpha()


# Name parts repeat across a network (given names most of all), and cleaning is a pure function of the
# text, so the parts are cleaned once each; the results are immutable strings.
@lru_cache(maxsize=16_384)
def _strip_credentials(text: str) -> str:
    """Remove credentials after a comma and trailing all-capitals credential tokens."""
    head, comma, _tail = text.partition(",")
    if comma and head.strip(_EDGE_JUNK):
        text = head.strip(_EDGE_JUNK)
    tokens = text.split()
    if len(tokens) < 2:
        return text
    any_capitals = not tokens[0].isupper()
    while len(tokens) > 1 and _is_credential(tokens[-1], any_capitals=any_capitals):
        tokens.pop()
    return " ".join(tokens).strip(_EDGE_JUNK)


@lru_cache(maxsize=16_384)
def _strip_honorific(text: str) -> str:
    """Remove a leading ``Dr.``, ``Mrs`` or ``Prof.`` when a name follows it."""
    first, space, rest = text.partition(" ")
    if space and rest and first.rstrip(".").casefold() in _HONORIFICS:
        return rest
    return text


@lru_cache(maxsize=16_384)
def _clean_part(text: str) -> tuple[str, str]:
    """One name part without pronouns, asides and symbols, and the pronouns found in it."""
    if _PLAIN.fullmatch(text) and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return " ".join(text.split()).strip(_EDGE_JUNK), ""
    text, pronouns = _take_pronouns(text)
    text = _strip_symbols(_drop_asides(text))
    if " | " in text:
        # "Smith | Hiring" or "🌱 | Jo": the name is the first part that holds any letters.
        text = next((part for part in text.split(" | ") if any(ch.isalpha() for ch in part)), text)
    return _normalise(text), pronouns


def clean_name_parts(given: str, family: str) -> tuple[str, str, str]:
    """Return ``(given, family, pronouns)`` cleaned for matching and sorting.

    Pronouns in either part (``"Dan (he/him)"``, ``"Lee she/her"``) are returned separately;
    credentials after a comma or as trailing capitals (``"Smith, PhD"``, ``"Smith MBA"``) and
    leading honorifics (``"Dr. Jane"``) are removed; emoji, decorative symbols, bracketed asides
    and quoted nicknames go; whitespace is normalised and text put in NFC. Curly apostrophes
    (``O’Brien``) are letters of a name and are kept.
    """
    given_clean, given_pronouns = _clean_part(given)
    family_clean, family_pronouns = _clean_part(family)
    if family_clean:
        family_clean = _strip_credentials(family_clean)
    elif given_clean:
        given_clean = _strip_credentials(given_clean)
    given_clean = _strip_honorific(given_clean)
    return given_clean, family_clean, given_pronouns or family_pronouns


def _family_start(tokens: list[str]) -> int:
    """Index of the first token of the family name: the last token and any particles before it."""
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].casefold() in _PARTICLES:
        start -= 1
    return start


def split_display_name(display: str) -> tuple[str, str]:
    """Split a whole name as people write it into clean ``(given, family)``.

    ``"Dr. Jane Q. Smith, PhD (she/her)"`` gives ``("Jane Q.", "Smith")``; ``"Smith, Jane"``
    (family first, as in "file as" fields) gives ``("Jane", "Smith")``; particles stay with
    the family name (``"Ludwig van Beethoven"`` gives ``("Ludwig", "van Beethoven")``); a single
    word is a given name.
    """
    text, _pronouns = _clean_part(display)
    head, comma, tail = text.partition(",")
    head, tail = head.strip(), tail.strip()
    if comma and head and tail:
        if all(_is_credential(token, any_capitals=False) for token in tail.replace(",", " ").split()):
            text = head
        else:
            return _strip_honorific(_strip_credentials(tail)), _strip_credentials(head)
    text = _strip_honorific(_strip_credentials(text))
    tokens = text.split()
    if not tokens:
        return "", ""
    if len(tokens) == 1:
        return tokens[0], ""
    start = _family_start(tokens)
    return " ".join(tokens[:start]), " ".join(tokens[start:])


_ADDRESS_PARTS = re.compile(r"[._\-+]+")


def name_from_email(address: str) -> tuple[str, str, str]:
    """``(display, given, family)`` for a contact known only by an e-mail address.

    ``john.doe@company.com`` gives ``("John Doe", "John", "Doe")``; an address that does not read
    as a name (``info@…``, ``jd1987@…``) gives the address itself as the display name.
    """
    local = address.strip().split("@", 1)[0]
    parts = [part for part in _ADDRESS_PARTS.split(local) if part]
    if len(parts) >= 2 and all(part.isalpha() and len(part) > 1 for part in parts):
        given, family = parts[0].capitalize(), " ".join(part.capitalize() for part in parts[1:])
        return f"{given} {family}", given, family
    return address.strip(), "", ""
