"""Writing a message from a template, on SQLite and PostgreSQL, in English and French: what is known
of the person fills it, what is not is left out, the coach checks it; and the user's own templates."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from orchardist.coach.builtin_templates import BUILTIN
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.domain.tending import Reason
from orchardist.services import reasons
from orchardist.services.discretion import set_about_me
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import log_contact
from orchardist.services.network import Network
from orchardist.services.offers import add_offer
from orchardist.services.people import add_person
from orchardist.services.writing import (
    addressed_to,
    compose,
    forget_template,
    save_template,
    template_list,
    template_of,
)
from orchardist.web.i18n import translations

# What an ask sounds like: a message that asks nothing must hold none of it.
ASK_WORDS = re.compile(
    r"\b(could you|would you|can you|will you|please|favou?r|advice|introduc\w*|opening|job|help|"
    r"refer\w*|let me know|get back)\b|\?",
    re.IGNORECASE,
)
# Rules that must never fire on a built-in template's words, whoever they go to.
NEVER_ON_A_TEMPLATE = {"asks-for-job-openings", "begging-tone", "too-long", "confidential-detail"}


def _french(text: str) -> str:
    return translations("fr_CA").gettext(text)


def _person(network: Network, **fields: object) -> int:
    values: dict[str, object] = {"display_name": "Ana Silva", "given_name": "Ana", "family_name": "Silva"}
    values.update(fields)
    person = add_person(network, Person(**values))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def _body(network: Network, person_id: int, code: str, **options: object) -> str:
    written = compose(network, person_id, code, **options)  # type: ignore[arg-type]
    assert written.letter is not None
    return written.letter.body


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_built_in_template_reads_well_and_asks_the_right_way(network: Network, lang: str) -> None:
    translate = _french if lang == "fr" else str
    ana = _person(
        network,
        organisation="Northwind",
        where_met="the data meetup",
        interests=("open data",),
        emails=("ana@example.org",),
    )
    omar = _person(network, display_name="Omar Haddad", given_name="Omar", organisation="Acme")
    log_contact(network, [ana], direction=Direction.GAVE, kind="coffee", summary="her move to analytics")
    for code in BUILTIN:
        written = compose(network, ana, code, lang=lang, _=translate, other_id=omar)
        assert written.letter is not None
        body = written.letter.body
        assert body.startswith("Bonjour Ana," if lang == "fr" else "Hi Ana,"), body
        assert "{" not in body and "}" not in body and "[ " not in body, body
        assert written.letter.subject and "Silva" not in written.letter.subject
        found = {finding.rule for finding in written.letter.check.findings}
        assert found & NEVER_ON_A_TEMPLATE == set(), (code, found, body)
        if lang == "fr":
            english = compose(network, ana, code, other_id=omar).letter
            assert english is not None and english.body != body, code
        if written.template.needs_other:
            assert written.other is not None
            assert written.other.body.startswith("Bonjour Omar," if lang == "fr" else "Hi Omar,")
            assert "Ana Silva" in written.other.body and "Omar Haddad" in body


def test_what_is_not_known_is_left_out_not_shown_as_a_hole(network: Network) -> None:
    ana = _person(network)
    body = _body(network, ana, "advice")
    assert "It was good to meet you" not in body and "especially on" not in body
    assert body.count("\n\n\n") == 0 and not body.endswith("\n")
    assert "I keep thinking about what we talked about" not in _body(network, ana, "thank-you")
    filled = _body(network, _person(network, where_met="PyCon", interests=("robots",)), "advice")
    assert "It was good to meet you at PyCon." in filled and "especially on robots" in filled


def test_the_users_name_signs_when_about_me_has_it(network: Network) -> None:
    ana = _person(network)
    assert _body(network, ana, "reconnect").endswith("Best wishes,")
    set_about_me(network, {"my_name": "Rosa Díaz"})
    assert _body(network, ana, "reconnect").endswith("Best wishes,\nRosa Díaz")


def test_the_reconnect_and_congratulation_messages_ask_for_nothing(network: Network) -> None:
    ana = _person(network, organisation="Northwind", could_use_help_with=("résumé review",))
    add_offer(network, "skill", "Reviewing résumés")
    body = _body(network, ana, "reconnect")
    assert ASK_WORDS.search(body) is None, body
    congratulation = _body(network, ana, "congratulation")
    assert "at Northwind" in congratulation
    assert ASK_WORDS.search(congratulation.replace("new job", "new role")) is None, congratulation


def test_today_reasons_start_with_their_template(network: Network) -> None:
    ana = _person(network, organisation="Northwind")
    assert "Thank you again" in _body(network, ana, reasons.template_for(Reason.THANK_YOU_OWED))
    assert "follow up" in _body(network, ana, reasons.template_for(Reason.FOLLOW_UP_DUE))
    assert "How are things going at Northwind?" in _body(network, ana, reasons.template_for(Reason.OVERDUE))
    assert reasons.template_for(Reason.OCCASION, "new_job") == "congratulation"
    assert reasons.template_for(Reason.OCCASION, "birthday") == "greeting"
    assert {reasons.template_for(code) for code in reasons.codes()} <= set(BUILTIN)


@pytest.mark.parametrize(
    ("occasion", "holiday", "words"),
    [
        ("birthday", "", "Happy birthday!"),
        ("work_anniversary", "", "Congratulations on your work anniversary at Northwind!"),
        ("holiday", "canada_day", "With Canada Day here"),
        ("", "", "warm wishes"),
        ("holiday", "no_such_day", "warm wishes"),
    ],
)
def test_greetings_say_what_the_occasion_is(
    network: Network, occasion: str, holiday: str, words: str
) -> None:
    ana = _person(network, organisation="Northwind")
    assert words in _body(network, ana, "greeting", occasion=occasion, holiday=holiday)


def test_offering_help_names_the_offer_that_meets_their_need(network: Network) -> None:
    add_offer(network, "skill", "Gardening")
    add_offer(network, "skill", "Reviewing résumés")
    ana = _person(network, could_use_help_with=("moving", "résumé review"))
    body = _body(network, ana, "offer-help")
    assert "help with “résumé review”" in body and "“Reviewing résumés”" in body
    omar = _person(network, display_name="Omar", could_use_help_with=("moving",))
    assert "“Gardening”" in _body(network, omar, "offer-help")


def test_offering_help_without_offers_still_offers_help(other_network: Network) -> None:
    body = _body(other_network, _person(other_network), "offer-help")
    assert "an introduction, an article, or a hand with something you are working on" in body


def test_another_networks_offers_and_people_are_never_used(network: Network, other_network: Network) -> None:
    add_offer(other_network, "skill", "Reviewing résumés")
    ana = _person(network, could_use_help_with=("résumé review",))
    assert "Reviewing" not in _body(network, ana, "offer-help")
    with pytest.raises(NotFound):
        compose(other_network, ana, "check-in")
    omar = _person(other_network, display_name="Omar")
    with pytest.raises(NotFound) as missing:
        compose(network, ana, "double-opt-in", other_id=omar)
    assert missing.value.field == "with"


def test_the_mailto_link_carries_the_subject_and_body(network: Network) -> None:
    ana = _person(network, emails=("ana+jobs@example.org",))
    letter = compose(network, ana, "thank-you").letter
    assert letter is not None
    link = urlsplit(letter.mailto)
    assert link.scheme == "mailto" and unquote(link.path) == "ana+jobs@example.org"
    assert parse_qs(link.query) == {"subject": ["Thank you"], "body": [letter.body]}
    assert "+" not in link.query  # spaces are %20: a mail program reads + as a plus sign


def test_the_given_name_falls_back_to_the_first_name_part(network: Network) -> None:
    ana = _person(network, display_name="Dr. Ana Silva, PhD", given_name="", family_name="")
    assert _body(network, ana, "check-in").startswith("Hi Ana,")
    assert addressed_to(Person(display_name="Cher")) == "Cher"


def test_in_french(network: Network) -> None:
    ana = _person(network, organisation="Northwind")
    written = compose(network, ana, "reconnect", lang="fr", _=_french)
    assert written.letter is not None
    assert written.letter.body.startswith("Bonjour Ana,") and written.letter.subject == "Bonjour"
    assert ASK_WORDS.search(written.letter.body) is None
    assert written.template.name == _french("Reconnect (asks nothing)") != "Reconnect (asks nothing)"


def test_an_introduction_needs_two_different_people(network: Network) -> None:
    ana = _person(network)
    with pytest.raises(InputRefused) as refused:
        compose(network, ana, "double-opt-in")
    assert refused.value.field == "with" and refused.value.code == "introduction.whom"
    with pytest.raises(InputRefused, match="two different people"):
        compose(network, ana, "double-opt-in", other_id=ana)
    omar = _person(network, display_name="Omar Haddad", organisation="Acme")
    choosing = compose(network, ana, "double-opt-in", choosing="omar")
    assert choosing.letter is None and [choice.name for choice in choosing.choices] == ["Omar Haddad"]
    assert compose(network, ana, "double-opt-in", choosing="").choices == []
    both = compose(network, ana, "double-opt-in", other_id=omar)
    assert both.other is not None and "who works at Acme" in both.letter.body  # type: ignore[union-attr]


def test_unknown_template_person_and_language(network: Network) -> None:
    ana = _person(network)
    with pytest.raises(NotFound, match="no template 'gossip'"):
        compose(network, ana, "gossip")
    with pytest.raises(NotFound, match="no person with id 999"):
        compose(network, 999, "check-in")
    with pytest.raises(InputRefused, match="lang: must be one of en, fr"):
        compose(network, ana, "check-in", lang="de")


def test_the_coach_checks_what_is_drafted(network: Network) -> None:
    ana = _person(network)
    letter = compose(network, ana, "advice").letter
    assert letter is not None
    assert [finding.rule for finding in letter.check.findings] == ["ask-without-giving"]
    log_contact(network, [ana], direction=Direction.GAVE, kind="article", summary="an article")
    letter = compose(network, ana, "advice").letter
    assert letter is not None and letter.check.findings == []


def test_a_draft_to_a_coworker_in_discreet_mode_warns(network: Network) -> None:
    set_about_me(network, {"employer": "Contoso Ltd", "search_mode": "discreet"})
    colleague = _person(network, organisation="CONTOSO LIMITED")
    save_template(network, "en", name="Leaving", body="Hi {given_name},\n\nI am looking for a new job.")
    letter = compose(network, colleague, "leaving").letter
    assert letter is not None
    assert [finding.rule for finding in letter.check.findings][0] == "reveals-job-search-to-unsafe-contact"


# The user's templates -----------------------------------------------------------------------------


def test_a_template_of_ones_own_is_kept_in_its_language(network: Network) -> None:
    saved = save_template(
        network,
        "en",
        name="Coffee ask",
        subject="Coffee?",
        body="Hi {given_name},\n\nCould I buy you a coffee[ near {organisation}]?",
        gives="asks",
        log_kind="advice",
    )
    assert (saved.code, saved.builtin, saved.edited) == ("coffee-ask", False, False)
    assert [template.code for template in template_list(network)][-1] == "coffee-ask"
    assert "coffee-ask" not in [template.code for template in template_list(network, "fr", _french)]
    ana = _person(network, organisation="Northwind")
    written = compose(network, ana, "coffee-ask")
    assert written.letter is not None
    assert written.letter.body == "Hi Ana,\n\nCould I buy you a coffee near Northwind?"
    assert written.template.gives.direction is Direction.ASKED
    again = save_template(network, "en", name="Coffee ask", body="Coffee?")
    assert again.code == "coffee-ask-2"
    forget_template(network, "coffee-ask", "en")
    with pytest.raises(NotFound):
        template_of(network, "coffee-ask")


def test_a_built_in_template_changed_and_put_back(network: Network) -> None:
    original = template_of(network, "advice")
    changed = save_template(
        network, "en", code="advice", name="My advice ask", body="Hi {given_name}, advice?"
    )
    assert changed.builtin and changed.edited
    assert template_of(network, "advice").body == "Hi {given_name}, advice?"
    assert template_of(network, "advice", "fr", _french).body != "Hi {given_name}, advice?"
    forget_template(network, "advice", "en")
    assert template_of(network, "advice") == original
    with pytest.raises(NotFound):
        forget_template(network, "advice", "en")


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"name": "X", "body": "Hi {nickname}"}, "body", "template.unknown_blank"),
        ({"name": "X", "subject": "{salary}", "body": "Hi"}, "subject", "template.unknown_blank"),
        ({"name": "X", "body": "   "}, "body", "template.no_body"),
        ({"name": " ", "body": "Hi"}, "name", "template.no_name"),
        ({"name": "X" * 101, "body": "Hi"}, "name", "field.too_long"),
        ({"name": "X", "body": "Hi\x00"}, "body", "text.nul"),
        ({"name": "X", "body": "Hi", "gives": "takes"}, "gives", "field.one_of"),
        ({"name": "X", "body": "Hi", "log_kind": "bribe"}, "log_kind", "field.one_of"),
        ({"name": "X", "body": "Hi", "code": "Not A Code"}, "code", "template.bad_code"),
        ({"name": "X", "body": "Hi", "code": "no-such-one"}, "code", "coach.no_such_template"),
    ],
)
def test_a_wrong_template_is_refused_naming_its_part(
    network: Network, fields: dict[str, str], field: str, code: str
) -> None:
    with pytest.raises((InputRefused, NotFound)) as refused:
        save_template(network, "en", **fields)  # type: ignore[arg-type]
    assert (refused.value.field, refused.value.code) == (field, code)
    assert [template.code for template in template_list(network)] == list(BUILTIN)
