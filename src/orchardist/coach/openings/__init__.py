"""Where a message asks for job openings: fixed phrases (``phrases``: "are you hiring", "keep me in
mind", « pensez à moi ») and readings of each sentence (``sentences``: a post that may exist in a
sentence that asks, a team hiring, a résumé handed on, a wish to join the reader's team), over the
words as the lexicon spells them (``orchardist.coach.lexicon``: no accents, typos forgiven)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from orchardist.coach.asking import INFORMATIONAL, clause_start
from orchardist.coach.openings.phrases import BY_KEYWORD, PHRASES
from orchardist.coach.openings.sentences import READINGS
from orchardist.coach.openings.words import POSTS
from orchardist.coach.text import Stream, read

# "My manager is hiring", « notre équipe embauche »: the writer's own side, not the reader's.
_OUR_SIDE = frozenset("my our we mon ma mes notre nos nous".split())
_ME = frozenset("me my moi mon ma".split())
_HIRING = frozenset(
    "hiring hire recruiting embauchv embauche recrutv recrute engagv engage looking cherche".split()
)


def _asks_how(stream: Stream, first: int, last: int) -> bool:
    """Whether a phrase about posts (not hiring, not me) is in a clause that asks how things are:
    "how do you fill your open roles?"."""
    words = set(stream.tokens[first : last + 1])
    if not words & POSTS or words & _HIRING or words & _ME:
        return False
    sentence_first, _ = stream.sentence_of(first)
    return stream.tokens[clause_start(stream.tokens, sentence_first, first)] in INFORMATIONAL


def _phrases(stream: Stream, *, every: bool = False) -> Iterator[tuple[int, int]]:
    """The tokens of each fixed phrase, looked for only in the sentences holding one of its words
    (``every`` looks everywhere: the tests check it finds nothing more)."""
    for first, stop in stream.sentences:
        wanted: list[int] | range
        if every:
            wanted = range(len(PHRASES))
        else:
            wanted = sorted(
                {number for token in stream.tokens[first:stop] for number in BY_KEYWORD.get(token, ())}
            )
        if not wanted:
            continue
        base, sentence = stream.sentence_text(first, stop)
        for number in wanted:
            for match in PHRASES[number].finditer(sentence):
                # A phrase may name the words to show ("ask"): "could you pass my CV" shows "pass my CV".
                if "ask" in match.re.groupindex and match.start("ask") >= 0:
                    start, end = base + match.start("ask"), base + match.end("ask")
                else:
                    start, end = base + match.start() + 1, base + match.end()
                yield stream.token_at(start), stream.token_at(max(end - 1, start))


def spans(text: str) -> Iterator[tuple[int, int]]:
    """The characters of each ask for openings in ``text``, in order; one a sentence."""
    return iter(_spans(text))


@lru_cache(maxsize=8)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """``spans``, kept for the last few messages: two rules of one check ask for them."""
    return tuple(_found(text))


def _found(text: str) -> Iterator[tuple[int, int]]:
    stream = read(text).stream
    candidates = [
        (first, last)
        for first, last in _phrases(stream)
        if not (
            _HIRING.intersection(stream.tokens[first : last + 1])
            and _OUR_SIDE.intersection(stream.tokens[max(0, first - 2) : first])
        )
        and not _asks_how(stream, first, last)
    ]
    for reading in READINGS:
        candidates.extend(reading(stream))
    # One finding a sentence: "Pensez à moi si un poste se libère" is one ask, not two.
    by_sentence: dict[int, tuple[int, int]] = {}
    for first, last in candidates:
        sentence, _ = stream.sentence_of(first)
        known = by_sentence.get(sentence)
        by_sentence[sentence] = (
            (first, last) if known is None else (min(known[0], first), max(known[1], last))
        )
    for first, last in sorted(by_sentence.values()):
        yield stream.tokens_span(first, last)
