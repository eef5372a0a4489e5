"""Reading a message: folding, words, the lexicon's spellings, and the way back to the characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from orchardist.coach.lexicon import spell
from orchardist.coach.text import Reading, fold, read


def test_folding_drops_case_accents_and_unifies_apostrophes() -> None:
    assert fold("Œuvre D’ÉTÉ — Ça") == "oeuvre d'ete - ca"


def test_the_stream_spells_words_as_the_lexicon_does() -> None:
    stream = read("R u hiring? Send ur résumé, plz!").stream
    assert stream.text == " are you hiring ? send your resume , please . . "


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_every_word_maps_back_to_the_characters_it_was_folded_from(text: str) -> None:
    reading = Reading(text)
    for word, start, end in reading.words:
        first, last = reading.original(start, end)
        assert 0 <= first < last <= len(text)
        if word[0].isalnum():
            assert word in fold(text[first:last])


def test_spans_cover_ligatures_and_accents_whole() -> None:
    reading = Reading("Cœur: l’équipe")
    [(_, start, end)] = [word for word in reading.words if word[0] == "coeur"]
    assert reading.original(start, end) == (0, 4)
    [(_, start, end)] = [word for word in reading.words if word[0] == "equipe"]
    assert reading.original(start, end) == (8, 14)


def test_typos_are_forgiven_only_for_the_words_that_matter() -> None:
    assert spell("oppenings") == "openings"
    assert spell("positons") == "positions"
    assert spell("hirign") == "hiring"
    assert spell("hiking") == "hiking"
    assert spell("auriez") == "auriez"
    assert spell("vacances") == "vacances"
