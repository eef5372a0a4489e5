"""French (Canada): every string the pages show is in the catalogue, translated, compiled, and used.

The strings are extracted from the source afresh (as ``scripts/translations.sh`` does), so a new
string without its translation fails here rather than showing up in English on a French page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from orchardist.domain.interactions import KNOWN_KINDS, Channel, Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import interactions_with, log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.web import i18n
from orchardist.web.routes.person import kind_labels
from orchardist.web.templating import templates
from tests.exports import linkedin_2024

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "orchardist" / "web" / "locale" / "fr_CA" / "LC_MESSAGES"
HOW_TO_FIX = (
    "run scripts/translations.sh, translate the new entries in "
    "src/orchardist/web/locale/fr_CA/LC_MESSAGES/orchardist.po, then run scripts/translations.sh compile"
)
HTML = {"accept": "text/html"}
FRENCH = {"orchardist_lang": "fr_CA"}
NBSP = "\u00a0"
PLACEHOLDER = re.compile(r"%\((\w+)\)(\w)|\{(\w*)\}")


@cache
def _extracted() -> dict[str, tuple[str, ...]]:
    """Every message the source marks for translation, by msgid (plural forms as a tuple)."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[str, tuple[str, ...]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(ROOT, method_map, options_map):
        forms = message if isinstance(message, tuple) else (message,)
        if forms and forms[0]:
            found[forms[0]] = tuple(form for form in forms if form)
    return found


def _po() -> Catalog:
    with (LOCALE / "orchardist.po").open("rb") as handle:
        return read_po(handle)


def _entries(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def _forms(text: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if text is None:
        return ()
    return (text,) if isinstance(text, str) else tuple(text)


def _placeholders(text: str) -> set[str]:
    """``%(name)s`` and ``{name}`` placeholders, with their conversion: ``name:s``, ``name:{}``."""
    return {
        f"{named}:{kind}" if named else f"{braced}:{{}}" for named, kind, braced in PLACEHOLDER.findall(text)
    }


# The catalogue -----------------------------------------------------------------------------------


def test_the_source_has_strings_to_translate() -> None:
    extracted = _extracted()
    # The extraction reads the templates and the Python modules, not nothing at all.
    assert "Skip to content" in extracted and "There is no page at this address." in extracted
    assert extracted["%(num)d day"] == ("%(num)d day", "%(num)d days")


def test_every_string_in_the_source_is_translated_into_french() -> None:
    catalog = _po()
    problems = []
    for msgid, forms in sorted(_extracted().items()):
        message = catalog.get(msgid)
        if message is None:
            problems.append(f"missing: {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif len(forms) > 1 and not message.pluralizable:
            problems.append(f"plural in the source, singular in the catalogue: {msgid!r}")
        elif len(_forms(message.string)) < catalog.num_plurals * message.pluralizable or not all(
            _forms(message.string)
        ):
            problems.append(f"untranslated: {msgid!r}")
    assert not problems, f"{len(problems)} French translations to do ({HOW_TO_FIX}):\n" + "\n".join(problems)


def test_the_catalogue_is_french_canadian_with_french_plurals() -> None:
    catalog = _po()
    assert str(catalog.locale) == "fr_CA"
    assert catalog.plural_forms == "nplurals=2; plural=(n > 1);"
    assert not catalog.fuzzy, "the catalogue's header is marked fuzzy, so it would not be compiled"
    assert not [message.id for message in _entries(catalog) if message.fuzzy]


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    po = _po()
    with (LOCALE / "orchardist.mo").open("rb") as handle:
        mo = read_mo(handle)
    compiled = {_forms(message.id): _forms(message.string) for message in _entries(mo)}
    written = {_forms(message.id): _forms(message.string) for message in _entries(po)}
    assert compiled == written, (
        "orchardist.mo is older than orchardist.po: run scripts/translations.sh compile"
    )
    assert mo.plural_forms == po.plural_forms


def test_translations_keep_the_placeholders_of_their_english() -> None:
    problems = []
    for message in _entries(_po()):
        english = _forms(message.id)
        wanted = set().union(*(_placeholders(form) for form in english))
        values = {name.split(":")[0]: 1 for name in wanted}
        for form in _forms(message.string):
            if _placeholders(form) != wanted:
                problems.append(f"{english[0]!r}: {form!r} has {_placeholders(form)}, not {wanted}")
            try:
                # Pages format every message (Jinja's newstyle gettext), so a stray "%" would break one.
                form % values  # noqa: B018
            except (ValueError, TypeError, KeyError) as error:
                problems.append(f"{english[0]!r}: {form!r} cannot be formatted: {error}")
    assert not problems, "\n".join(problems)


def test_french_punctuation_has_its_non_breaking_spaces() -> None:
    """A non-breaking space (U+00A0) before : ; ? ! % » and after «, so none starts a line."""
    loose = re.compile(r" [:;?!»]| %%|« ")
    problems = [form for message in _entries(_po()) for form in _forms(message.string) if loose.search(form)]
    assert not problems, "use U+00A0, not a space, in:\n" + "\n".join(problems)


def test_every_known_kind_of_interaction_has_a_label() -> None:
    assert set(kind_labels()) == set(KNOWN_KINDS)


# Formatting --------------------------------------------------------------------------------------


@pytest.fixture
def in_french() -> Iterator[None]:
    i18n.set_language("fr_CA")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.mark.usefixtures("in_french")
def test_dates_and_numbers_are_written_the_french_canadian_way() -> None:
    page = templates.env.from_string("{{ when|day }} | {{ count|number }} | {{ share|number }}")
    assert page.render(when=date(2026, 11, 22), count=30000, share=1234.5) == (
        f"22 nov. 2026 | 30{NBSP}000 | 1{NBSP}234,5"
    )


def test_dates_and_numbers_are_written_the_english_way_by_default() -> None:
    page = templates.env.from_string("{{ when|day }} | {{ count|number }}")
    assert page.render(when=date(2026, 11, 22), count=30000) == "Nov 22, 2026 | 30,000"


# The pages in French -----------------------------------------------------------------------------


@pytest.fixture
def tom(network: Network) -> int:
    """Tom, met over coffee on 22 November 2026, and a second record of him (a likely duplicate)."""
    tom = add_person(network, Person(display_name="Tom Becker", emails=("tom@northwind.example",)))
    add_person(network, Person(display_name="Thomas Becker", emails=("tom@northwind.example",)))
    assert tom.id is not None
    log_interaction(
        network,
        [tom.id],
        direction=Direction.MUTUAL,
        kind="coffee",
        summary="Coffee near the office",
        on=date(2026, 11, 22),
        channel=Channel.IN_PERSON,
    )
    return tom.id


def _french(client: TestClient) -> TestClient:
    client.cookies.set(i18n.LANGUAGE_COOKIE, "fr_CA")
    return client


PAGES = [
    (
        "/people",
        ["Personnes", "Chercher par nom, organisation, poste", "Dernier contact"],
        ["Search by name"],
    ),
    (
        "/people/{tom}",
        ["Noter une interaction", "Historique", "22 nov. 2026", "café", "Peut-être la même personne"],
        ["Log an interaction", "Nov 22, 2026"],
    ),
    ("/capture", [f"Qui avez-vous rencontré{NBSP}?", "Saisie rapide"], ["Who did you meet?"]),
    ("/import", ["Importer des contacts", "Où trouver vos contacts"], ["Import contacts"]),
    ("/export", ["Exportation et sauvegarde", "Restaurer une sauvegarde"], ["Export and backup"]),
    ("/duplicates", ["Doublons", "même courriel tom@northwind.example", "diminutif"], ["same e-mail"]),
    ("/settings", ["Paramètres", "Vos données", "Confidentialité"], ["Your data"]),
    ("/welcome", ["Bienvenue dans Orchardist", "2 personnes sont dans Orchardist."], ["Your network"]),
]


@pytest.mark.parametrize(("path", "french", "english"), PAGES, ids=[path for path, _, _ in PAGES])
def test_each_page_is_in_french_when_the_user_chose_it(
    client: TestClient, tom: int, path: str, french: list[str], english: list[str]
) -> None:
    response = _french(client).get(path.format(tom=tom), headers=HTML)
    assert response.status_code == 200
    assert response.context["language"] == "fr_CA"  # type: ignore[attr-defined]
    page = response.text
    assert '<html lang="fr-CA"' in page
    assert "Aller au contenu" in page and "Saisie rapide" in page  # the layout around every page
    for words in french:
        assert words in page
    for words in [*english, "Skip to content", "Quick capture"]:
        assert words not in page


def test_the_browsers_language_is_used_until_the_user_chooses(client: TestClient) -> None:
    french = client.get("/settings", headers={**HTML, "accept-language": "fr-CA,fr;q=0.9,en;q=0.8"})
    assert '<html lang="fr-CA"' in french.text and "Paramètres" in french.text
    plain_french = client.get("/settings", headers={**HTML, "accept-language": "fr"})
    assert "Paramètres" in plain_french.text
    english = client.get("/settings", headers={**HTML, "accept-language": "en-US,en;q=0.5"})
    assert '<html lang="en"' in english.text and "Settings" in english.text
    client.cookies.set(i18n.LANGUAGE_COOKIE, "en")
    chosen = client.get("/settings", headers={**HTML, "accept-language": "fr-CA"})
    assert '<html lang="en"' in chosen.text and "Paramètres" not in chosen.text


def test_counts_on_a_page_are_written_the_french_way(client: TestClient, csrf: str, corpus: Path) -> None:
    rows = [
        (f"Person{n}", "Tester", f"https://www.linkedin.com/in/t-{n}", "", "", "", "01 Oct 2025")
        for n in range(1000)
    ]
    response = _french(client).post(
        "/import/preview",
        data={"csrf_token": csrf, "fmt": "auto"},
        files={"upload": ("Connections.csv", linkedin_2024(corpus, rows), "text/csv")},
        headers=HTML,
    )
    assert response.status_code == 200
    assert response.context["report"]["added"] == 1000  # type: ignore[attr-defined]
    assert f"<strong>1{NBSP}000</strong> <span>nouvelles personnes</span>" in response.text
    assert "Relations LinkedIn" in response.text


def test_error_pages_are_in_french(client: TestClient) -> None:
    missing = _french(client).get("/people/999999", headers=HTML)
    assert missing.status_code == 404
    assert "Introuvable" in missing.text and "aucune personne ne porte le numéro 999999" in missing.text
    expired = client.post("/settings/language", data={"language": "en"}, headers=HTML)
    assert expired.status_code == 403
    assert f"le formulaire a expiré{NBSP}; rechargez la page et réessayez" in expired.text


def test_what_the_services_say_is_shown_in_french(
    client: TestClient, network: Network, csrf: str, tom: int
) -> None:
    _french(client)
    refused = client.post(f"/people/{tom}", data={"csrf_token": csrf, "birthday": "1990-13-45"}, headers=HTML)
    assert refused.status_code == 400
    assert refused.context["errors"] == {  # type: ignore[attr-defined]
        "birthday": f"format attendu{NBSP}: AAAA-MM-JJ ou --MM-JJ, et non '1990-13-45'"
    }
    settings = client.get("/settings", headers=HTML).context["values"]  # type: ignore[attr-defined]
    form = {name: str(settings[name]) for name in ("inner_days", "casual_days", "today_size", "weekly_goal")}
    wrong = client.post(
        "/settings/tending", data={**form, "csrf_token": csrf, "active_days": "0"}, headers=HTML
    )
    assert wrong.status_code == 400
    said = wrong.context["error"]  # type: ignore[attr-defined]
    assert said.startswith(i18n.translations("fr_CA").gettext("Active") + NBSP + ":")
    assert "doit être un nombre de jours de 1 à 3650, et non 0" in said
    logged = client.post(
        f"/people/{tom}/interactions",
        data={
            "csrf_token": csrf,
            "on": "",
            "channel": "email",
            "direction": "gave",
            "kind": "x",
            "summary": " ",
        },
        headers=HTML,
    )
    assert logged.status_code == 400
    assert logged.context["log_errors"] == {"summary": "Écrivez quelques mots à ce sujet."}  # type: ignore[attr-defined]


def test_a_kind_typed_in_french_is_stored_as_the_known_kind(
    client: TestClient, network: Network, csrf: str, tom: int
) -> None:
    response = _french(client).post(
        f"/people/{tom}/interactions",
        data={
            "csrf_token": csrf,
            "on": "2026-11-23",
            "channel": "email",
            "direction": "gave",
            "kind": "Remerciement",
            "summary": "Merci pour le café",
        },
        headers=HTML,
    )
    assert response.status_code == 200
    newest = interactions_with(network, tom)[0]
    assert newest.kind == "thank_you"
    assert "remerciement" in response.text and "23 nov. 2026" in response.text


def test_skipped_rows_say_why_in_french(client: TestClient, csrf: str, corpus: Path) -> None:
    rows = [
        ("Ada", "Lovelace", "https://www.linkedin.com/in/ada", "", "", "", "01 Oct 2025"),
        ("", "", "", "", "", "", "01 Oct 2025"),
    ]
    response = _french(client).post(
        "/import/preview",
        data={"csrf_token": csrf, "fmt": "auto"},
        files={"upload": ("Connections.csv", linkedin_2024(corpus, rows), "text/csv")},
        headers=HTML,
    )
    (skipped,) = response.context["report"]["skipped"]  # type: ignore[attr-defined]
    assert str(skipped.reason).startswith("the row holds only a connection date (01 Oct 2025)")
    assert "la ligne ne contient qu’une date de relation (01 Oct 2025), sans nom" in response.text
