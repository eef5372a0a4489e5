"""Messages: a code, its values and a template, said in any language without parsing English back."""

from __future__ import annotations

import pickle

import pytest

from orchardist.domain.messages import CATALOGUE, InputRefused, Message, NotFound, Refused, Wording

SAME_EMAIL = Wording("test.same_email", "same e-mail %(email)s")
ON_LINE = Wording("test.on_line", "line %(line)s: %(reason)s")


def _french(text: str) -> str:
    return {
        "same e-mail %(email)s": "même courriel %(email)s",
        "line %(line)s: %(reason)s": "ligne %(line)s : %(reason)s",
    }.get(text, text)


def test_a_message_is_its_code_values_and_english_words() -> None:
    message = SAME_EMAIL(email="ada@example.org")
    assert message.code == "test.same_email"
    assert message.params == {"email": "ada@example.org"}
    assert str(message) == "same e-mail ada@example.org"
    assert message.text(_french) == "même courriel ada@example.org"


def test_nested_messages_are_said_in_the_same_language() -> None:
    message = ON_LINE(line=4, reason=SAME_EMAIL(email="a@b.c"))
    assert str(message) == "line 4: same e-mail a@b.c"
    assert message.text(_french) == "ligne 4 : même courriel a@b.c"
    assert message.to_dict() == {
        "code": "test.on_line",
        "params": {"line": 4, "reason": {"code": "test.same_email", "params": {"email": "a@b.c"}}},
    }


def test_a_wording_takes_exactly_the_values_it_names() -> None:
    with pytest.raises(TypeError):
        SAME_EMAIL()
    with pytest.raises(TypeError):
        SAME_EMAIL(email="a@b.c", phone="1")


def test_codes_are_unique_in_the_catalogue() -> None:
    assert CATALOGUE["test.same_email"] is SAME_EMAIL or CATALOGUE["test.same_email"] == SAME_EMAIL
    with pytest.raises(ValueError):
        Wording("test.same_email", "something else entirely")


def test_a_refusal_names_its_field_and_survives_pickling() -> None:
    refusal = InputRefused(SAME_EMAIL(email="a@b.c"), field="emails")
    assert str(refusal) == "emails: same e-mail a@b.c"
    assert refusal.text(_french) == "même courriel a@b.c"
    assert refusal.code == "test.same_email"
    copy = pickle.loads(pickle.dumps(refusal))
    assert isinstance(copy, InputRefused) and isinstance(copy, ValueError)
    assert (copy.field, copy.message) == ("emails", refusal.message)


def test_not_found_is_a_lookup_error() -> None:
    missing = NotFound(Message("test.none", "nothing"))
    assert isinstance(missing, LookupError) and isinstance(missing, Refused)
    assert str(missing) == "nothing"
