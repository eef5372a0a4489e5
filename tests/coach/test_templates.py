"""Templates: blanks filled from what is known, what is not known left out, and wrong templates refused."""

from __future__ import annotations

import pytest

from orchardist.coach.builtin_templates import BUILTIN
from orchardist.coach.templates import (
    FIELDS,
    Gives,
    Template,
    blanks,
    code_for,
    code_problem,
    fill,
    template_problem,
)
from orchardist.domain.interactions import KNOWN_KINDS, Direction
from orchardist.web.i18n import translations


def test_blanks_are_filled() -> None:
    assert fill("Hi {given_name}, from {my_name}.", {"given_name": "Ana", "my_name": "Rosa"}) == (
        "Hi Ana, from Rosa."
    )


def test_a_bracketed_part_is_left_out_when_a_blank_in_it_is_not_known() -> None:
    text = "It was good to meet you[ at {where_met}]."
    assert fill(text, {"where_met": "PyCon"}) == "It was good to meet you at PyCon."
    assert fill(text, {"where_met": ""}) == "It was good to meet you."
    assert fill(text, {}) == "It was good to meet you."
    assert fill("[{a_blank} and {other}]x", {"a_blank": "1", "other": " "}) == "x"


def test_brackets_around_plain_words_stay() -> None:
    assert fill("{article}\n[link here]", {"article": "[the article]"}) == "[the article]\n[link here]"


def test_a_line_whose_blank_is_not_known_is_left_out_whole() -> None:
    text = "Hi {given_name},\n\nYou said: {last_talk}.\n\nBest wishes,\n{my_name}"
    assert fill(text, {"given_name": "Ana"}) == "Hi Ana,\n\nBest wishes,"
    assert fill(text, {"given_name": "Ana", "last_talk": "jobs", "my_name": "Rosa"}) == (
        "Hi Ana,\n\nYou said: jobs.\n\nBest wishes,\nRosa"
    )


def test_no_more_than_one_empty_line_is_left_and_none_at_the_ends() -> None:
    assert fill("\n\nA\n\n\n\n{x}\n\nB\n\n", {}) == "A\n\nB"


def test_values_are_not_read_as_blanks() -> None:
    assert fill("Hi {given_name}", {"given_name": "{my_name} [x {y}]"}) == "Hi {my_name} [x {y}]"


def test_blanks_are_listed_once_in_order() -> None:
    assert blanks("{a} {b} {a} {B} { c }") == ["a", "b"]


def test_an_introduction_is_a_template_that_names_the_other_person() -> None:
    assert BUILTIN["double-opt-in"].needs_other
    assert not BUILTIN["introduction"].needs_other
    assert Template("x", "X", "{other_name}", "Hi", Gives.GIVES, "introduction").needs_other


def test_what_a_template_does_in_the_ledger_is_how_it_is_logged() -> None:
    assert Gives.ASKS.direction is Direction.ASKED
    assert Gives.GIVES.direction is Direction.GAVE
    assert Gives.SOCIAL.direction is Direction.SOCIAL


@pytest.mark.parametrize(
    ("name", "subject", "body", "part", "code"),
    [
        ("Mine", "", "Hi {nickname}", "body", "template.unknown_blank"),
        ("Mine", "{salary}", "Hi", "subject", "template.unknown_blank"),
        ("{x}", "", "Hi", "name", "template.unknown_blank"),
        ("Mine", "", " \n ", "body", "template.no_body"),
        ("  ", "", "Hi", "name", "template.no_name"),
        ("Mine", "S" * 201, "Hi", "subject", "field.too_long"),
        ("Mine", "", "B" * 5001, "body", "field.too_long"),
        ("Mine", "", "\ud800", "body", "text.not_unicode"),
    ],
)
def test_a_wrong_template_names_the_part(name: str, subject: str, body: str, part: str, code: str) -> None:
    problem = template_problem(name, subject, body)
    assert problem is not None and (problem[0], problem[1].code) == (part, code)


def test_a_good_template_passes() -> None:
    assert template_problem("Coffee", "Coffee?", "Hi {given_name}, [at {where_met}] {x y}") is None


def test_codes() -> None:
    assert code_problem("my-coffee-ask") is None
    for wrong in ("", "My", "a--b", "-a", "a b", "é", "a" * 101):
        assert code_problem(wrong) is not None, wrong
    assert code_for("Café au lait!", set()) == "cafe-au-lait"
    assert code_for("Advice", {"advice", "advice-2"}) == "advice-3"
    assert code_for("!!!", set()) == "my-template"
    assert code_problem(code_for("x" * 300, set())) is None


@pytest.mark.parametrize("code", list(BUILTIN))
def test_each_built_in_template_is_whole_and_translated(code: str) -> None:
    template = BUILTIN[code]
    assert template.code == code and template.builtin
    assert template_problem(template.name, template.subject, template.body) is None
    assert set(blanks(template.subject + template.body)) <= FIELDS.keys()
    assert template.log_kind in KNOWN_KINDS
    french = translations("fr_CA").gettext
    for part in (template.name, template.subject, *template.body.split("\n\n")):
        if part not in ("{article}", "{occasion}"):
            assert french(part) != part, part
            assert blanks(french(part)) == blanks(part), part
