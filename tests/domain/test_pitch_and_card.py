"""The pitch's words, speaking time and short versions; what the calling card shows."""

from __future__ import annotations

from orchardist.domain.card import CardChoice, card_from
from orchardist.domain.discretion import AboutMe, SearchMode
from orchardist.domain.pitch import WORDS_PER_MINUTE, seconds_for, version, word_count
from orchardist.domain.presence import Profile


def test_words_and_seconds_at_140_words_a_minute() -> None:
    assert WORDS_PER_MINUTE == 140
    assert word_count("I’m a data-driven analyst — really!") == 5
    assert word_count("") == 0
    assert seconds_for(140) == 60 and seconds_for(70) == 30 and seconds_for(0) == 0


def _words(count: int) -> str:
    return " ".join(["word"] * count)


def test_the_short_version_keeps_who_and_ask_and_says_what_it_dropped() -> None:
    parts = {"who": _words(20), "best": _words(40), "exploring": _words(70), "ask": _words(15)}
    short, long = version(parts, 30), version(parts, 60)
    assert [code for code, _ in short.parts] == ["who", "ask"]
    assert short.dropped == ("best", "exploring") and short.words == 35 and short.fits
    assert [code for code, _ in long.parts] == ["who", "best", "ask"]
    assert long.dropped == ("exploring",) and long.seconds == seconds_for(75)
    everything = version({"who": _words(10), "ask": _words(10)}, 30)
    assert everything.dropped == () and everything.text == _words(20)


def test_a_pitch_too_long_for_its_time_says_so() -> None:
    found = version({"who": _words(60), "ask": _words(20)}, 30)
    assert found.dropped == () and not found.fits


ABOUT = AboutMe(name="Amélie Côté", employer="Maple Health", search_mode=SearchMode.DISCREET)
LINKEDIN = Profile(
    platform="linkedin",
    headline="Analyst seeking new opportunities",
    title="Data Analyst",
    employer="Maple Health",
    url="https://www.linkedin.com/in/amelie",
)
GITHUB = Profile(platform="github", headline="Dashboards for nurses", url="https://github.com/amelie")


def test_a_discreet_search_hides_the_employer_unless_the_user_says_so() -> None:
    card = card_from(ABOUT, (LINKEDIN, GITHUB), CardChoice(url="https://amelie.example"))
    assert card.name == "Amélie Côté" and card.given_name == "Amélie" and card.family_name == "Côté"
    assert card.employer == "" and card.employer_hidden
    assert card.headline == "" and card.headline_hidden  # it says she is looking
    assert card.urls == ("https://www.linkedin.com/in/amelie", "https://amelie.example")
    shown = card_from(ABOUT, (LINKEDIN,), CardChoice(show_employer=True))
    assert shown.employer == "Maple Health" and not shown.employer_hidden
    open_search = card_from(AboutMe(name="A B", employer="Maple Health"), (LINKEDIN,), CardChoice())
    assert open_search.employer == "Maple Health" and open_search.headline == LINKEDIN.headline


def test_the_chosen_profile_is_shown() -> None:
    card = card_from(ABOUT, (LINKEDIN, GITHUB), CardChoice(profile="github"))
    assert card.headline == "Dashboards for nurses" and card.urls == ("https://github.com/amelie",)
