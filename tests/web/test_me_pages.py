"""About me on the web: the page and its form, co-workers flagged on the Person page and its edit form,
the warnings on Settings and beside the log form, the redacted export, and the privacy screen's
button on every page."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from orchardist.domain.people import Person
from orchardist.services.discretion import about_me, set_about_me
from orchardist.services.network import Network
from orchardist.services.people import add_person, get_person
from orchardist.services.settings import update

HTML = {"accept": "text/html"}
FRENCH = {"orchardist_lang": "fr_CA"}


def _ann(network: Network) -> int:
    return (
        add_person(network, Person(display_name="Ann Lee", organisation="CONTOSO LIMITED", notes="Secret")).id
        or 0
    )


def test_the_page_shows_about_me_and_who_is_flagged(client: TestClient, network: Network) -> None:
    ann = _ann(network)
    add_person(network, Person(display_name="Bo Chen", organisation="Contoso Pizza Co"))
    set_about_me(network, {"employer": "Contoso Ltd", "search_mode": "discreet"})
    response = client.get("/me", headers=HTML)
    assert response.status_code == 200 and response.template.name == "me/page.html"  # type: ignore[attr-defined]
    context = response.context  # type: ignore[attr-defined]
    assert context["values"]["employer"] == "Contoso Ltd" and context["search_mode"] == "discreet"
    assert [item.person_id for item in context["coworkers"]] == [ann]
    assert [item.name for item in context["maybe"]] == ["Bo Chen"]
    page = response.text
    assert 'id="limits"' in page and "employer-managed laptop" in page and "work phone" in page
    assert (
        'value="discreet" checked' in page
        or 'value="discreet" aria-describedby="mode-discreet-help" checked' in page
    )
    settings = client.get("/settings", headers=HTML).text
    assert 'href="/me"' in settings and 'href="/me#limits"' in settings


def test_the_form_saves_and_a_refusal_is_shown_beside_its_field(
    client: TestClient, csrf: str, network: Network
) -> None:
    form = {
        "csrf_token": csrf,
        "my_name": "Dan Wu",
        "employer": "Contoso Ltd",
        "employer_aliases": "Fabrikam\r\nNorthwind Traders\r\n",
        "work_domains": "contoso.com, @Fabrikam.com",
        "search_mode": "open",
    }
    saved = client.post("/me", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/me?saved=1"
    about = about_me(network).about
    assert about.employer_aliases == ("Fabrikam", "Northwind Traders")
    assert about.work_domains == ("contoso.com", "fabrikam.com") and about.search_mode.value == "open"
    refused = client.post("/me", data={**form, "work_domains": "not-a-domain"}, headers=HTML)
    assert refused.status_code == 400
    assert "work_domains" in refused.context["errors"]  # type: ignore[attr-defined]
    assert refused.context["values"]["work_domains"] == "not-a-domain"  # type: ignore[attr-defined]
    assert about_me(network).about.work_domains == ("contoso.com", "fabrikam.com")
    assert client.post("/me", data={**form, "csrf_token": "forged"}).status_code == 403


def test_the_page_in_french(client: TestClient, network: Network) -> None:
    client.cookies.update(FRENCH)
    page = client.get("/me", headers=HTML).text
    assert "À propos de moi" in page and "Ce dont Orchardist ne peut pas vous protéger" in page


def test_a_coworker_is_marked_on_their_page_and_warned_about_beside_the_log_form(
    client: TestClient, csrf: str, network: Network
) -> None:
    ann = _ann(network)
    set_about_me(network, {"employer": "Contoso", "search_mode": "open"})
    page = client.get(f"/people/{ann}", headers=HTML)
    assert "A co-worker: they work at your employer." in page.text
    assert page.context["discretion_warning"] is None  # type: ignore[attr-defined]
    set_about_me(network, {"search_mode": "discreet"})
    page = client.get(f"/people/{ann}", headers=HTML)
    assert "Careful: your search is discreet" in page.text
    assert "Ann Lee works at your employer" in page.context["discretion_warning"]  # type: ignore[attr-defined]
    # The edit form says yes to "knows": the warning goes, the mark stays.
    form = client.get(f"/people/{ann}/edit", headers=HTML)
    assert 'id="f-knows_search"' in form.text and 'id="f-coworker_override"' in form.text
    saved = client.post(
        f"/people/{ann}",
        data={"csrf_token": csrf, "knows_search": "yes", "was:knows_search": "no"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    stored = get_person(network, ann)
    assert stored is not None and stored.knows_search and stored.coworker_override is None
    page = client.get(f"/people/{ann}", headers=HTML)
    assert page.context["discretion_warning"] is None  # type: ignore[attr-defined]
    assert "They know you are looking for work." in page.text


def test_settings_warn_of_a_work_digest_and_a_work_calendar_in_discreet_mode(
    client: TestClient, network: Network
) -> None:
    update(network, {"digest_to": "dan@contoso.com"})
    set_about_me(network, {"work_domains": ["contoso.com"], "search_mode": "open"})
    calm = client.get("/settings", headers=HTML).context  # type: ignore[attr-defined]
    assert calm["digest_warnings"] == [] and calm["feed_warning"] == ""
    set_about_me(network, {"search_mode": "discreet"})
    page = client.get("/settings", headers=HTML)
    context = page.context  # type: ignore[attr-defined]
    assert len(context["digest_warnings"]) == 1 and "digest_to" in context["digest_warnings"][0]
    assert "work calendar" in context["feed_warning"] and 'id="feed-warning"' in page.text


def test_the_export_page_offers_a_redacted_download(client: TestClient, network: Network) -> None:
    _ann(network)
    page = client.get("/export", headers=HTML).text
    assert 'name="redact"' in page and 'formaction="/export/csv"' in page
    assert b"Secret" in client.get("/export/csv").content
    redacted = client.get("/export/csv", params={"redact": "1"})
    assert (
        redacted.status_code == 200 and b"Secret" not in redacted.content and b"Ann Lee" in redacted.content
    )
    assert f'filename="orchardist-{date.today().isoformat()}.csv"' in redacted.headers["content-disposition"]


def test_every_page_has_the_privacy_screen_button(client: TestClient, network: Network) -> None:
    for path in ("/", "/today", "/people", "/settings", "/me", "/export"):
        page = client.get(path, headers=HTML).text
        assert 'data-privacy-toggle aria-pressed="false" aria-keyshortcuts="Alt+P"' in page, path
        assert '<script src="/static/privacy.js"></script>' in page
    assert client.get("/static/privacy.js").status_code == 200


def test_the_people_list_marks_coworkers(client: TestClient, network: Network) -> None:
    _ann(network)
    add_person(network, Person(display_name="Bo Chen", organisation="Contoso Pizza Co"))
    add_person(network, Person(display_name="Cy Wu", organisation="Northwind"))
    assert "coworker-mark" not in client.get("/people", headers=HTML).text
    set_about_me(network, {"employer": "Contoso"})
    page = client.get("/people", headers=HTML).text
    assert page.count('class="coworker-mark"') == 1 and page.count('class="coworker-mark maybe"') == 1
