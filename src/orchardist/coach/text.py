"""A message as the rules read it: folded (case, accents, apostrophes), cut into words, and each
word's place in the original text, so that what a rule finds in the folded words is reported over
the characters the user typed.

``read(text)`` gives a ``Reading``: the folded text, its words, and ``stream``, the words as the
lexicon spells them (``"u"`` -> ``you``, ``"résumé"`` -> ``resume``, ``"oppenings"`` -> ``openings``)
one space apart, with sentence punctuation as words of their own (``?``, ``.``, ``,``), so a pattern
matches whole words and does not run past the end of a sentence. ``Stream.span`` and
``Reading.original`` turn what a rule found back into the characters of the message.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

# Apostrophes, dashes and spaces people type differently on different devices; ligatures NFKD keeps.
_SAME = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "`": "'",
    "´": "'",
    "‐": "-",
    "‑": "-",
    "–": "-",
    "—": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "œ": "oe",
    "Œ": "oe",
    "æ": "ae",
    "Æ": "ae",
    "ß": "ss",
}
_WORD = re.compile(r"[a-z0-9]+|[?!]+|[.;:\n]+|,")
_STOPS = {"?": "?", "!": ".", ".": ".", ";": ".", ":": ".", "\n": ".", ",": ","}


@lru_cache(maxsize=4096)
def fold_character(character: str) -> str:
    """One character lower-cased and without its accents ("É" -> "e", "œ" -> "oe", "’" -> "'")."""
    if character in _SAME:
        return _SAME[character]
    decomposed = unicodedata.normalize("NFKD", character.lower())
    return "".join(part for part in decomposed if not unicodedata.combining(part))


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for folding, filled in as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_character(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """``text`` lower-cased, without accents, with one kind of apostrophe, dash and space."""
    return text.translate(_FOLD)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


class Places:
    """Where each character of ``fold(text)`` came from in ``text``. Folding keeps most characters
    one for one; only those it widens ("œ" -> "oe") or drops (a lone accent) are remembered."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []  # where each widened character starts in the folded text
        self.origins: list[int] = []  # its index in the text
        self.widths: list[int] = []
        self.shifts: list[int] = []  # folded minus original index, after it
        shift = 0
        for match in _NOT_ASCII.finditer(text):
            index = match.start()
            width = len(_FOLD[ord(text[index])])
            if width != 1:
                self.starts.append(index + shift)
                self.origins.append(index)
                self.widths.append(width)
                shift += width - 1
                self.shifts.append(shift)

    def __getitem__(self, folded: int) -> int:
        found = bisect_right(self.starts, folded) - 1
        if found < 0:
            return folded
        if folded < self.starts[found] + self.widths[found]:
            return self.origins[found]
        return folded - self.shifts[found]


Word = tuple[str, int, int]
"""A word of the folded text (or a punctuation mark that ends a sentence or a clause), its start and end."""


class Reading:
    """A message folded, its words, the words as the lexicon spells them, and the way back to its
    characters. ``read(text)`` keeps the last few, so the rules of one check share one reading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)

    @cached_property
    def places(self) -> Places:
        return Places(self.text)

    @cached_property
    def words(self) -> list[Word]:
        return [
            (piece if piece[0].isalnum() else _STOPS[piece[0]], match.start(), match.end())
            for match in _WORD.finditer(self.folded)
            for piece in (match.group(),)
        ]

    @cached_property
    def stream(self) -> Stream:
        """The words as the lexicon (``orchardist.coach.lexicon``) spells them."""
        from orchardist.coach.lexicon import spell

        return Stream.build(self, spell)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The characters of the message that the folded characters ``start:end`` came from."""
        if end <= start or not self.text:
            return 0, 0
        places = self.places
        return places[start], places[end - 1] + 1

    def stream_of(self, spell: Callable[[str], str]) -> Stream:
        """The words as ``spell`` writes them, as one string a pattern can search."""
        return Stream.build(self, spell)


@lru_cache(maxsize=8)
def read(text: str) -> Reading:
    """The reading of ``text`` (the rules of one check read the same message)."""
    return Reading(text)


@dataclass
class Stream:
    """The words of a reading as a lexicon spells them: ``" are you hiring ? . "``.

    Every word starts after a space and is followed by one, so ``(?<= )are you(?= )`` matches whole
    words; the message ends with a full stop of its own. ``tokens`` are the spelt words (a word
    may be spelt as two: "youre" -> "you are"), ``owners`` the reading's word each comes from (-1 for
    the final stop) and ``starts`` where each begins in ``text``.
    """

    reading: Reading
    tokens: list[str]
    owners: list[int]
    starts: list[int]
    text: str

    @classmethod
    def build(cls, reading: Reading, spell: Callable[[str], str]) -> Stream:
        tokens: list[str] = []
        owners: list[int] = []
        for index, (word, _, _) in enumerate(reading.words):
            spelt = spell(word) if word[0].isalnum() else word
            if " " in spelt:
                for token in spelt.split():
                    tokens.append(token)
                    owners.append(index)
            else:
                tokens.append(spelt)
                owners.append(index)
        # The message ends a sentence, as a full stop would.
        tokens.append(".")
        owners.append(-1)
        starts = []
        at = 1
        for token in tokens:
            starts.append(at)
            at += len(token) + 1
        return cls(reading, tokens, owners, starts, " " + " ".join(tokens) + " ")

    def token_at(self, offset: int) -> int:
        """The index of the token at ``offset`` of ``text`` (or the one before it)."""
        return max(bisect_right(self.starts, offset) - 1, 0)

    def tokens_span(self, first: int, last: int) -> tuple[int, int]:
        """The characters of the message that tokens ``first`` to ``last`` (both included) came from."""
        owners = [owner for owner in self.owners[first : last + 1] if owner >= 0]
        if not owners:
            owners = [owner for owner in self.owners if owner >= 0][-1:]
        if not owners:
            return 0, 0
        words = self.reading.words
        return self.reading.original(words[owners[0]][1], words[owners[-1]][2])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The characters of the message that the stream's characters ``start:end`` came from."""
        return self.tokens_span(self.token_at(start), self.token_at(max(end - 1, start)))

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """The message's characters that each match of ``pattern`` covers."""
        for match in pattern.finditer(self.text):
            yield self.span(match.start(), match.end())

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Each sentence's first token and its stop (``?`` or ``.``), as indexes into ``tokens``."""
        found = []
        first = 0
        for index, token in enumerate(self.tokens):
            if token in (".", "?"):
                if index > first:
                    found.append((first, index))
                first = index + 1
        return found

    @cached_property
    def asking(self) -> frozenset[int]:
        """The first tokens of the sentences that ask something (``orchardist.coach.asking``)."""
        from orchardist.coach.asking import asks

        return frozenset(first for first, stop in self.sentences if asks(self.tokens[first : stop + 1]))

    def sentence_text(self, first: int, stop: int) -> tuple[int, str]:
        """Where a sentence's text starts in ``text``, and that text (a space before and after)."""
        start = self.starts[first] - 1
        end = self.starts[stop] + len(self.tokens[stop]) + 1
        return start, self.text[start:end]

    def sentence_of(self, index: int) -> tuple[int, int]:
        """The tokens of the sentence holding token ``index``: from after the previous stop to its
        own stop (``?`` or ``.``), both as indexes into ``tokens``."""
        first = index
        while first > 0 and self.tokens[first - 1] not in (".", "?"):
            first -= 1
        last = index
        while last < len(self.tokens) - 1 and self.tokens[last] not in (".", "?"):
            last += 1
        return first, last


_GAP = re.compile(r"~(\d) ")
_MACRO = re.compile(r"<([A-Z0-9_]+)>")


def gap(most: int, *, skipping: str = "") -> str:
    """Up to ``most`` words (never punctuation), none of them one of ``skipping`` (an alternation)."""
    word = rf"(?!(?:{skipping}) )[a-z0-9']+ " if skipping else r"[a-z0-9']+ "
    return rf"(?:{word}){{0,{most}}}"


def compile_pattern(source: str, macros: dict[str, str]) -> re.Pattern[str]:
    """A regular expression for a pattern written word by word: words one space apart, ``~3`` for up
    to three other words, ``<NAME>`` for a macro (an alternation), and regex syntax otherwise. It
    matches whole words of a stream (see ``Stream``), with the space before the first."""
    text = _GAP.sub(lambda match: gap(int(match.group(1))), f" {source} ")
    for _ in range(3):  # macros may name macros
        text = _MACRO.sub(lambda match: f"(?:{macros[match.group(1)]})", text)
    # The leading space is matched, not looked behind for: the regex engine then starts only at spaces.
    return re.compile(f" (?:{text.strip()})(?= )")


# Words too common to tell a sentence that may hold a phrase from one that cannot.
_COMMON = frozenset(
    """a an the to of in on at for and or is are s re be i me my you your u we it this that any some
    do does have has with from by as if so not no un une des de du d l la le les et en y il
    elle je tu vous nous on est qu que qui t ce ca ma mon""".split()
)
_LOOKAROUND = ("(?!", "(?=", "(?<!", "(?<=")


def _without_lookarounds(pattern: str) -> str:
    """``pattern`` without its lookahead and lookbehind groups (words it must not, or need not, hold)."""
    kept = []
    depth = 0
    skipping_from = -1
    index = 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            if skipping_from < 0:
                kept.append(pattern[index : index + 2])
            index += 2
            continue
        if character == "(":
            depth += 1
            if skipping_from < 0 and pattern.startswith(_LOOKAROUND, index):
                skipping_from = depth
        elif character == ")":
            if depth == skipping_from:
                skipping_from = -1
                depth -= 1
                index += 1
                continue
            depth -= 1
        if skipping_from < 0:
            kept.append(character)
        index += 1
    return "".join(kept)


def keywords(pattern: re.Pattern[str]) -> frozenset[str]:
    """The uncommon words a pattern may match: a sentence holding none of them cannot hold a match,
    unless the pattern is made of common words only (the tests check every pattern has keywords)."""
    found = set()
    for word, optional in re.findall(r"([a-z][a-z0-9]+)(\??)", _without_lookarounds(pattern.pattern)):
        found.add(word)
        if optional:  # "openings?" is "opening" too
            found.add(word[:-1])
    return frozenset(found) - _COMMON
