"""The quality bar of ``asks-for-job-openings`` on its set (``openings_set.jsonl``): at least 95 % of
the asks for openings caught, at most 5 % of the other messages flagged, in each language."""

from __future__ import annotations

import pytest

from orchardist.coach import openings
from orchardist.coach.text import read
from tests.coach.openings_set import Example, examples, figures

MIN_RECALL = 0.95
MOST_FALSE_ALARMS = 0.05


def _asks(text: str) -> bool:
    return any(True for _ in openings.spans(text))


def test_the_set_is_large_balanced_and_in_both_languages() -> None:
    found = examples()
    assert len(found) >= 200
    assert len({example.text for example in found}) == len(found)
    for lang in ("en", "fr"):
        asks = [example for example in found if example.lang == lang and example.asks]
        others = [example for example in found if example.lang == lang and not example.asks]
        assert len(asks) >= 50 and len(others) >= 50
    share = sum(example.asks for example in found) / len(found)
    assert 0.4 <= share <= 0.6


@pytest.mark.parametrize("lang", ["en", "fr", None])
def test_recall_and_false_alarms_meet_the_bar(lang: str | None) -> None:
    among = [example for example in examples() if lang is None or example.lang == lang]
    result = figures(_asks, among)
    missed = [e.text for e in among if e.asks and not _asks(e.text)]
    flagged = [e.text for e in among if not e.asks and _asks(e.text)]
    assert result.recall >= MIN_RECALL, missed
    assert result.false_alarm_rate <= MOST_FALSE_ALARMS, flagged


def test_the_keyword_shortcut_loses_no_phrase_of_the_set() -> None:
    for example in examples():
        stream = read(example.text).stream
        assert list(openings._phrases(stream)) == list(openings._phrases(stream, every=True)), example.text


def test_every_phrase_has_words_to_look_for() -> None:
    from orchardist.coach.openings.phrases import BY_KEYWORD, PHRASES

    keyed = {number for numbers in BY_KEYWORD.values() for number in numbers}
    assert keyed == set(range(len(PHRASES)))


def _example(text: str, asks: bool) -> Example:
    return Example("en", asks, text)


def test_figures_count_recall_and_false_alarms() -> None:
    among = [_example("a", True), _example("b", True), _example("c", False), _example("d", False)]
    result = figures(lambda text: text in ("a", "c"), among)
    assert (result.recall, result.false_alarm_rate) == (0.5, 0.5)
