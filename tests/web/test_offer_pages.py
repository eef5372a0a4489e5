"""The Offers page, the give-before-ask notice on the Person page, and the "Draft a message" pages."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape

import pytest
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import PartialDate, Person, Tier
from orchardist.domain.tending import Reason
from orchardist.services import reasons
from orchardist.services.interactions import interactions_with, log_interaction
from orchardist.services.network import Network
from orchardist.services.offers import add_offer, list_offers
from orchardist.services.people import add_person

HTML = {"accept": "text/html"}
HTMX = {"HX-Request": "true"}
FRENCH = {"orchardist_lang": "fr_CA"}
ASK_WORDS = re.compile(
    r"\b(could you|would you|can you|please|favou?r|advice|introduc\w*|opening|job|help|refer\w*)\b|\?",
    re.IGNORECASE,
)


def _person(network: Network, name: str = "Ana Silva", **fields: object) -> int:
    given, _, family = name.partition(" ")
    person = add_person(network, Person(display_name=name, given_name=given, family_name=family, **fields))  # type: ignore[arg-type]
    assert person.id is not None
    return person.id


def _ask(network: Network, person_id: int, today: date, days_ago: int = 3) -> None:
    log_interaction(
        network,
        [person_id],
        direction=Direction.ASKED,
        kind="advice",
        summary="Asked about roles",
        on=today - timedelta(days=days_ago),
    )


def _log_form(csrf: str, direction: str, today: date) -> dict[str, str]:
    return {
        "csrf_token": csrf,
        "on": today.isoformat(),
        "channel": "call",
        "direction": direction,
        "kind": "advice",
        "summary": "Asked again",
    }


# The Offers page ---------------------------------------------------------------------------------


def test_the_page_lists_offers_and_who_could_use_them(
    client: TestClient, network: Network, other_network: Network
) -> None:
    resumes = add_offer(network, "skill", "Reviewing résumés")
    add_offer(network, "introduction", "Hiring managers at Northwind")
    ana = _person(network, could_use_help_with=("résumé review",))
    add_offer(other_network, "information", "Bob's secret offer")
    _person(other_network, "Bob Friend", could_use_help_with=("résumé review",))
    page = client.get("/offers", headers=HTML)
    assert page.status_code == 200 and page.template.name == "offers/page.html"  # type: ignore[attr-defined]
    context = page.context  # type: ignore[attr-defined]
    assert [offer.text for offer in context["offers"]] == [
        "Reviewing résumés",
        "Hiring managers at Northwind",
    ]
    assert [(m.offer.id, m.person_id, m.need) for m in context["matches"]] == [
        (resumes.id, ana, "résumé review")
    ]
    assert set(context["kinds"]) == {"skill", "information", "introduction"}
    text = unescape(page.text)
    assert "Ana Silva</a> could use help with “résumé review” — you offered “Reviewing résumés”" in text
    assert f'href="/people/{ana}"' in page.text
    assert f'action="/offers/{resumes.id}/remove"' in page.text
    assert "Bob" not in text
    assert page.text.count('name="csrf_token"') == 3  # the add form and each remove form


def test_an_empty_page_says_what_to_do(client: TestClient) -> None:
    page = client.get("/offers", headers=HTML)
    assert page.context["offers"] == [] and page.context["matches"] == []  # type: ignore[attr-defined]
    assert "No offers yet." in page.text


def test_adding_and_removing_an_offer(client: TestClient, csrf: str, network: Network) -> None:
    added = client.post(
        "/offers",
        data={"csrf_token": csrf, "kind": "introduction", "text": " Hiring managers at Northwind "},
        follow_redirects=False,
    )
    assert added.status_code == 303 and added.headers["location"] == "/offers?done=added"
    [offer] = list_offers(network)
    assert (offer.kind.value, offer.text) == ("introduction", "Hiring managers at Northwind")
    page = client.get(added.headers["location"], headers=HTML)
    assert page.context["done"] == "added" and "The offer is on your list." in page.text  # type: ignore[attr-defined]
    removed = client.post(f"/offers/{offer.id}/remove", data={"csrf_token": csrf}, follow_redirects=False)
    assert removed.status_code == 303 and removed.headers["location"] == "/offers?done=removed"
    assert list_offers(network) == []
    again = client.post(f"/offers/{offer.id}/remove", data={"csrf_token": csrf}, headers=HTML)
    assert again.status_code == 404 and "There is no such offer in your network." in again.text


@pytest.mark.parametrize(
    ("form", "field", "words"),
    [
        ({"kind": "skill", "text": "   "}, "text", "say what you can offer"),
        ({"kind": "skill", "text": "x" * 501}, "text", "must be at most 500 characters, got 501"),
        (
            {"kind": "talent", "text": "Juggling"},
            "kind",
            "Choose whether it is a skill, information or an introduction.",
        ),
    ],
)
def test_bad_input_brings_the_form_back_with_the_reason(
    client: TestClient, csrf: str, network: Network, form: dict[str, str], field: str, words: str
) -> None:
    response = client.post("/offers", data={"csrf_token": csrf, **form}, headers=HTML)
    assert response.status_code == 400 and response.template.name == "offers/page.html"  # type: ignore[attr-defined]
    assert response.context["errors"] == {field: words}  # type: ignore[attr-defined]
    assert response.context["values"] == form  # type: ignore[attr-defined]
    assert words in unescape(response.text) and 'aria-invalid="true"' in response.text
    assert list_offers(network) == []


def test_the_reason_is_in_french_on_a_french_page(client: TestClient, csrf: str) -> None:
    client.cookies.update(FRENCH)
    response = client.post("/offers", data={"csrf_token": csrf, "kind": "skill", "text": ""}, headers=HTML)
    assert response.context["errors"] == {"text": "dites ce que vous pouvez offrir"}  # type: ignore[attr-defined]
    assert "Ce que je peux offrir" in response.text


def test_changes_need_the_csrf_token(client: TestClient, network: Network) -> None:
    offer = add_offer(network, "skill", "Reviewing résumés")
    assert client.post("/offers", data={"kind": "skill", "text": "Chess"}).status_code == 403
    forged = {"csrf_token": "forged", "kind": "skill", "text": "Chess"}
    assert client.post("/offers", data=forged).status_code == 403
    assert client.post(f"/offers/{offer.id}/remove", data={}).status_code == 403
    assert list_offers(network) == [offer]


def test_someone_elses_offer_cannot_be_removed(
    client: TestClient, csrf: str, network: Network, other_network: Network
) -> None:
    theirs = add_offer(other_network, "skill", "Reviewing résumés")
    response = client.post(f"/offers/{theirs.id}/remove", data={"csrf_token": csrf})
    assert response.status_code == 404
    assert list_offers(other_network) == [theirs]


# Give before you ask on the Person page ----------------------------------------------------------


def test_the_person_page_warns_before_an_ask_to_someone_only_taken_from(
    today: date, client: TestClient, network: Network
) -> None:
    add_offer(network, "skill", "Gardening")
    add_offer(network, "skill", "Reviewing résumés")
    ana = _person(network, could_use_help_with=("résumé review",))
    quiet = _person(network, "Bo Chen")
    _ask(network, ana, today)
    _ask(network, ana, today, 20)
    page = client.get(f"/people/{ana}", headers=HTML)
    warning = page.context["ask_warning"]  # type: ignore[attr-defined]
    assert warning is not None and (warning.asked, warning.gave) == (2, 0)
    assert [(s.offer.text, s.need) for s in warning.suggestions] == [("Reviewing résumés", "résumé review")]
    text = unescape(page.text)
    assert "Give before you ask" in text
    assert "So far you have made 2 asks of Ana Silva and given nothing back." in text
    assert "“Reviewing résumés” — they could use help with “résumé review”" in text
    assert f'href="/people/{ana}/write?template=offer-help"' in page.text
    # The notice sits with the log form, before it.
    assert text.index("give-first-heading") < text.index('id="log-heading"')
    assert client.get(f"/people/{quiet}", headers=HTML).context["ask_warning"] is None  # type: ignore[attr-defined]


def test_without_offers_the_notice_points_to_the_offers_page(
    today: date, client: TestClient, network: Network
) -> None:
    ana = _person(network)
    _ask(network, ana, today)
    page = client.get(f"/people/{ana}", headers=HTML)
    assert page.context["ask_warning"].suggestions == ()  # type: ignore[attr-defined]
    assert 'href="/offers"' in page.text and "So far you have made 1 ask of Ana Silva" in page.text


def test_an_ask_to_someone_only_taken_from_is_saved_and_the_page_says_so(
    today: date, client: TestClient, csrf: str, network: Network
) -> None:
    ana = _person(network)
    _ask(network, ana, today)
    response = client.post(
        f"/people/{ana}/interactions", data=_log_form(csrf, "asked", today), follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/people/{ana}?logged=1&only_asked=1#timeline"
    page = client.get(response.headers["location"], headers=HTML)
    assert "So far you had only asked of this person" in page.context["message"]  # type: ignore[attr-defined]
    assert len(interactions_with(network, ana)) == 2  # the ask is still saved


def test_with_htmx_the_timeline_says_so_too(
    today: date, client: TestClient, csrf: str, network: Network
) -> None:
    ana = _person(network)
    _ask(network, ana, today)
    response = client.post(
        f"/people/{ana}/interactions",
        data=_log_form(csrf, "asked", today),
        headers={**HTMX, "X-CSRF-Token": csrf},
    )
    assert response.status_code == 200 and response.template.name == "person/_timeline.html"  # type: ignore[attr-defined]
    assert "So far you had only asked of this person" in response.context["message"]  # type: ignore[attr-defined]
    assert response.context["ask_warning"].asked == 2  # type: ignore[attr-defined]
    assert "Give before you ask" in response.text


@pytest.mark.parametrize("direction", ["gave", "mutual", "social"])
def test_other_directions_log_as_usual(
    today: date, client: TestClient, csrf: str, network: Network, direction: str
) -> None:
    ana = _person(network)
    _ask(network, ana, today)
    response = client.post(
        f"/people/{ana}/interactions", data=_log_form(csrf, direction, today), follow_redirects=False
    )
    assert response.headers["location"] == f"/people/{ana}?logged=1#timeline"


def test_a_first_ask_is_not_warned_about(
    today: date, client: TestClient, csrf: str, network: Network
) -> None:
    ana = _person(network)
    response = client.post(
        f"/people/{ana}/interactions", data=_log_form(csrf, "asked", today), follow_redirects=False
    )
    assert response.headers["location"] == f"/people/{ana}?logged=1#timeline"


# Write a message, from Today's reasons ------------------------------------------------------------


@pytest.mark.parametrize("reason", [reason.value for reason in Reason])
def test_the_write_page_for_every_reason(client: TestClient, network: Network, reason: str) -> None:
    ana = _person(network, organisation="Northwind", emails=("ana@example.org",))
    page = client.get(f"/people/{ana}/draft?reason={reason}", headers=HTML)
    assert page.status_code == 200 and page.template.name == "person/write.html"  # type: ignore[attr-defined]
    written = page.context["written"]  # type: ignore[attr-defined]
    assert written.template.code == reasons.template_for(reason) and written.person.person_id == ana
    letter = written.letter
    assert letter.body.startswith("Hi Ana,")
    assert unescape(page.text).count(letter.body) == 1
    assert letter.mailto.startswith("mailto:ana@example.org?subject=")
    assert f'href="{letter.mailto}"' in unescape(page.text)
    assert '<script src="/static/drafts.js" defer></script>' in page.text


def test_the_reconnect_message_asks_for_nothing(client: TestClient, network: Network) -> None:
    ana = _person(network, could_use_help_with=("résumé review",))
    add_offer(network, "skill", "Reviewing résumés")
    page = client.get(f"/people/{ana}/draft?reason=reconnect", headers=HTML)
    body = page.context["written"].letter.body  # type: ignore[attr-defined]
    assert ASK_WORDS.search(body) is None, body


def test_the_give_before_ask_message_offers_the_matched_offer(client: TestClient, network: Network) -> None:
    add_offer(network, "skill", "Gardening")
    add_offer(network, "skill", "Reviewing résumés")
    ana = _person(network, could_use_help_with=("résumé review",))
    page = client.get(f"/people/{ana}/write?template=offer-help", headers=HTML)
    body = page.context["written"].letter.body  # type: ignore[attr-defined]
    assert "help with “résumé review”" in body and "“Reviewing résumés”" in body


def test_without_an_email_there_is_no_mailto_link(client: TestClient, network: Network) -> None:
    ana = _person(network)
    page = client.get(f"/people/{ana}/write?template=check-in", headers=HTML)
    assert page.context["written"].letter.mailto == "" and "mailto:" not in page.text  # type: ignore[attr-defined]
    assert "No e-mail address for them" in page.text


def test_a_french_message(client: TestClient, network: Network) -> None:
    client.cookies.update(FRENCH)
    ana = _person(network)
    page = client.get(f"/people/{ana}/draft?reason=thank_you_owed", headers=HTML)
    letter = page.context["written"].letter  # type: ignore[attr-defined]
    assert letter.body.startswith("Bonjour Ana,") and letter.subject == "Merci"


def test_an_occasion_message_names_the_occasion(client: TestClient, network: Network) -> None:
    ana = _person(network)
    page = client.get(f"/people/{ana}/draft?reason=occasion&occasion=birthday", headers=HTML)
    assert "Happy birthday!" in page.context["written"].letter.body  # type: ignore[attr-defined]


def test_a_message_for_an_unknown_reason_or_someone_elses_person(
    client: TestClient, network: Network, other_network: Network
) -> None:
    ana = _person(network)
    theirs = _person(other_network, "Bob Friend")
    unknown = client.get(f"/people/{ana}/draft?reason=gossip", headers=HTML)
    assert unknown.context["written"].template.code == "check-in"  # type: ignore[attr-defined]
    assert client.get(f"/people/{theirs}/write", headers=HTML).status_code == 404
    assert client.get(f"/people/{theirs}/draft?reason=overdue", headers=HTML).status_code == 404


def test_each_today_item_links_to_its_message(today: date, client: TestClient, network: Network) -> None:
    helper = _person(network, "Ana Silva", tier=Tier.INNER)
    log_interaction(network, [helper], direction=Direction.ASKED, kind="coffee", summary="CV", on=today)
    birthday = _person(network, "Ben Roy", birthday=PartialDate(month=today.month, day=today.day))
    page = client.get("/today", headers=HTML)
    drafts = list(page.context["drafts"].values())  # type: ignore[attr-defined]
    assert f"/people/{helper}/write?template=thank-you" in drafts
    assert f"/people/{birthday}/write?template=greeting&occasion=birthday" in drafts
    assert "Write a message" in page.text
    assert f'href="/people/{birthday}/write?template=greeting&amp;occasion=birthday"' in page.text
