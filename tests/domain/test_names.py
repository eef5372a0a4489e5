"""Name cleaning: pronouns, credentials, emoji and the given/family split."""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orchardist.domain import names
from orchardist.domain.names import clean_name_parts, split_display_name


@pytest.mark.parametrize(
    ("given_in", "family_in", "expected"),
    [
        ("Jane", "Smith", ("Jane", "Smith", "")),
        ("Dan (he/him)", "Smith", ("Dan", "Smith", "he/him")),
        ("Amy", "Lee (she/her)", ("Amy", "Lee", "she/her")),
        ("Ana", "Silva (She / Her / Hers)", ("Ana", "Silva", "she/her/hers")),
        ("Kim", "Park [they/them]", ("Kim", "Park", "they/them")),
        ("Lee", "Wong she/her", ("Lee", "Wong", "she/her")),
        ("Jo", "Lee (any pronouns)", ("Jo", "Lee", "any pronouns")),
        ("Camille", "Roy (iel)", ("Camille", "Roy", "iel")),
        ("Amy Lee (she/her)", "", ("Amy Lee", "", "she/her")),
        ("Jane", "Smith, PhD", ("Jane", "Smith", "")),
        ("Jane", "Smith, MBA, CPA", ("Jane", "Smith", "")),
        ("John", "Doe MBA CPA", ("John", "Doe", "")),
        ("Anna", "Kowalska, P.Eng.", ("Anna", "Kowalska", "")),
        ("Maria", "García-López, SHRM-CP", ("Maria", "García-López", "")),
        ("Li", "Na PMP®", ("Li", "Na", "")),
        ("Raj", "Patel CSCA", ("Raj", "Patel", "")),
        ("Bob", "Smith II", ("Bob", "Smith", "")),
        ("Sam", "Lee, Jr.", ("Sam", "Lee", "")),
        # Family names written in capitals, or that look like credentials, are names.
        ("Marie", "DE LA TOUR", ("Marie", "DE LA TOUR", "")),
        ("Jack", "Ma", ("Jack", "Ma", "")),
        ("Yo-Yo", "MA", ("Yo-Yo", "MA", "")),
        ("Seán", "O’Brien", ("Seán", "O’Brien", "")),
        ('Robert "Bob"', "Smith", ("Robert", "Smith", "")),
        ("Elizabeth (Liz)", "Taylor", ("Elizabeth", "Taylor", "")),
        ("Jo 🌱", "Nguyen ✨", ("Jo", "Nguyen", "")),
        ("👩🏽\u200d💻 Priya", "Patel", ("Priya", "Patel", "")),
        ("𝓙𝓪𝓷𝓮", "Doe", ("Jane", "Doe", "")),
        ("Tom", "Smith | Hiring", ("Tom", "Smith", "")),
        ("Dr. Jane", "Roe", ("Jane", "Roe", "")),
        ("  Mary   Ann ", "\tLee  ", ("Mary Ann", "Lee", "")),
        ("Jose\u0301", "Nu\u0301n\u0303ez", ("José", "Núñez", "")),
        ("", "", ("", "", "")),
    ],
)
def test_clean_name_parts(given_in: str, family_in: str, expected: tuple[str, str, str]) -> None:
    assert clean_name_parts(given_in, family_in) == expected


def test_a_bracketed_nickname_is_not_taken_for_pronouns() -> None:
    assert clean_name_parts("Al", "Green (Liz)") == ("Al", "Green", "")
    assert clean_name_parts("Her", "Majesty")[2] == ""


def test_a_name_made_only_of_an_aside_is_kept() -> None:
    assert clean_name_parts("(Bob)", "")[0] == "(Bob)"


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("Jane Smith", ("Jane", "Smith")),
        ("Dr. Jane Q. Smith, PhD (she/her)", ("Jane Q.", "Smith")),
        ("Smith, Jane", ("Jane", "Smith")),
        ("John Smith, MBA, CPA", ("John", "Smith")),
        ("Ludwig van Beethoven", ("Ludwig", "van Beethoven")),
        ("Juan de la Cruz", ("Juan", "de la Cruz")),
        ("Vincent Van Gogh", ("Vincent", "Van Gogh")),
        ("Dan (he/him) Smith", ("Dan", "Smith")),
        ("Cher", ("Cher", "")),
        ("Aoife O’Brien 🍀", ("Aoife", "O’Brien")),
        ("", ("", "")),
        ("🌟", ("", "")),
    ],
)
def test_split_display_name(display: str, expected: tuple[str, str]) -> None:
    assert split_display_name(display) == expected


# Mathematical and full-width letters are the exception: they become plain letters.
_letters = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=15).filter(
    lambda text: not any(0x1D400 <= ord(ch) <= 0x1D7FF or 0xFF01 <= ord(ch) <= 0xFF5E for ch in text)
)


@given(_letters, _letters)
def test_single_word_names_come_back_as_written(given_in: str, family_in: str) -> None:
    assert clean_name_parts(given_in, family_in) == (
        unicodedata.normalize("NFC", given_in),
        unicodedata.normalize("NFC", family_in),
        "",
    )


@given(st.text(max_size=40), st.text(max_size=40))
def test_clean_parts_hold_no_symbols_controls_or_outer_spaces(given_in: str, family_in: str) -> None:
    for part in (*clean_name_parts(given_in, family_in)[:2], *split_display_name(given_in)):
        assert part == part.strip()
        assert "\n" not in part and "  " not in part
        assert not any(unicodedata.category(ch) in {"So", "Cc", "Cs"} for ch in part)
        assert unicodedata.is_normalized("NFC", part)


def test_names_module_stays_pure() -> None:
    tree = ast.parse(Path(names.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported <= {"__future__", "functools", "re", "unicodedata"}


def test_a_name_is_read_from_a_first_dot_last_address() -> None:
    from orchardist.domain.names import name_from_email

    assert name_from_email("john.doe@company.com") == ("John Doe", "John", "Doe")
    assert name_from_email("marie_claire-dubois@x.example") == (
        "Marie Claire Dubois",
        "Marie",
        "Claire Dubois",
    )
    assert name_from_email("info@company.com") == ("info@company.com", "", "")
    assert name_from_email("jd1987.x@company.com") == ("jd1987.x@company.com", "", "")
