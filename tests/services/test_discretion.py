"""About me and the discretion guard as use cases: flags follow the employer at once, lists and pages
carry them, an ask of a co-worker is warned about in discreet mode, and the digest's way out too."""

from __future__ import annotations

from pathlib import Path

import pytest

from orchardist.domain.discretion import Because, Coworker, SearchMode
from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.discretion import about_me, feed_warning, leaks, set_about_me
from orchardist.services.errors import InputRefused
from orchardist.services.interactions import log_contact
from orchardist.services.network import Network
from orchardist.services.people import add_person, browse_people, edit_person, person_overview
from orchardist.services.settings import current, update


def _people(network: Network) -> dict[str, int]:
    found = {}
    for person in (
        Person(display_name="Ann Lee", organisation="CONTOSO LIMITED"),
        Person(display_name="Bo Pizza", organisation="Contoso Pizza Co"),
        Person(display_name="Cy Wu", emails=("cy@mail.contoso.com",)),
        Person(display_name="Di Rao", organisation="Contosa"),
        Person(display_name="Ed Kim", organisation="Fabrikam Inc."),
    ):
        stored = add_person(network, person)
        found[person.display_name.split()[0]] = stored.id or 0
    return found


def test_about_me_is_kept_with_the_settings_and_tidied(network: Network) -> None:
    overview = set_about_me(
        network,
        {
            "my_name": "  Dan   Wu ",
            "employer": "Contoso Ltd",
            "employer_aliases": ["Fabrikam", " fabrikam ", ""],
            "work_domains": ["@Contoso.COM", "https://www.fabrikam.com/"],
            "search_mode": "Discreet",
        },
    )
    about = overview.about
    assert (about.name, about.employer, about.search_mode) == ("Dan Wu", "Contoso Ltd", SearchMode.DISCREET)
    assert about.employer_aliases == ("Fabrikam", "fabrikam")  # case is the user's, each spelling kept
    assert about.work_domains == ("contoso.com", "fabrikam.com")
    assert current(network)["work_domains"] == ["contoso.com", "fabrikam.com"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"search_mode": "secret"}, "search_mode"),
        ({"work_domains": ["not a domain"]}, "work_domains"),
        ({"employer": "x" * 301}, "employer"),
        ({"employer_aliases": [f"alias {n}" for n in range(51)]}, "employer_aliases"),
    ],
)
def test_a_wrong_value_changes_nothing(network: Network, changes: dict[str, object], field: str) -> None:
    set_about_me(network, {"employer": "Contoso"})
    with pytest.raises(InputRefused) as refused:
        set_about_me(network, changes)
    assert refused.value.field == field
    assert about_me(network).about.employer == "Contoso"


def test_flags_follow_the_employer_at_once(network: Network, other_network: Network) -> None:
    ids = _people(network)
    assert about_me(network).coworkers == []
    overview = set_about_me(network, {"employer": "Contoso Ltd", "work_domains": ["contoso.com"]})
    assert [(item.name, item.flag.because) for item in overview.coworkers] == [
        ("Ann Lee", Because.ORGANISATION),
        ("Cy Wu", Because.EMAIL),
    ]
    assert [item.name for item in overview.maybe] == ["Bo Pizza"]
    listed = {item.person.display_name: item.coworker.state for item in browse_people(network).people}
    assert listed == {
        "Ann Lee": Coworker.YES,
        "Bo Pizza": Coworker.MAYBE,
        "Cy Wu": Coworker.YES,
        "Di Rao": Coworker.NO,
        "Ed Kim": Coworker.NO,
    }
    moved = set_about_me(network, {"employer": "Fabrikam", "work_domains": []})
    assert [item.person_id for item in moved.coworkers] == [ids["Ed"]]
    assert person_overview(network, ids["Ann"]).coworker.state is Coworker.NO
    assert about_me(other_network).coworkers == []  # Bob's network has its own About me


def test_the_users_word_and_confidants(network: Network) -> None:
    ids = _people(network)
    set_about_me(network, {"employer": "Contoso"})
    edit_person(network, ids["Bo"], {"coworker_override": "no"})
    edited = edit_person(network, ids["Di"], {"coworker_override": "yes", "knows_search": "yes"})
    assert edited.coworker.state is Coworker.YES and edited.coworker.because is Because.YOU_SAID
    assert edited.person.knows_search and edited.person.coworker_override is True
    overview = about_me(network)
    assert [item.name for item in overview.coworkers] == ["Ann Lee", "Di Rao"]
    assert overview.maybe == []
    assert [item.name for item in overview.confidants] == ["Di Rao"]
    back = edit_person(network, ids["Di"], {"coworker_override": "auto"})
    assert back.person.coworker_override is None and back.coworker.state is Coworker.NO
    with pytest.raises(InputRefused) as refused:
        edit_person(network, ids["Di"], {"knows_search": "perhaps"})
    assert refused.value.field == "knows_search"


def test_an_ask_of_a_coworker_is_warned_about_in_discreet_mode_only(network: Network) -> None:
    ids = _people(network)
    set_about_me(network, {"employer": "Contoso", "search_mode": "open"})

    def ask(*who: str, direction: Direction = Direction.ASKED) -> list[str]:
        logged = log_contact(
            network, [ids[name] for name in who], direction=direction, kind="coffee", summary="advice"
        )
        assert logged.interaction.id is not None  # logged all the same
        return [warning.message.code for warning in logged.coworkers]

    assert ask("Ann") == []
    set_about_me(network, {"search_mode": "discreet"})
    assert ask("Ann", "Bo", "Di") == ["discretion.ask_of_coworker", "discretion.ask_of_maybe_coworker"]
    assert ask("Ann", direction=Direction.GAVE) == []
    edit_person(network, ids["Ann"], {"knows_search": True})
    assert ask("Ann") == []
    page = person_overview(network, ids["Bo"])
    assert page.discretion_warning is not None and page.discretion_warning.params["organisation"] == (
        "Contoso Pizza Co"
    )
    assert person_overview(network, ids["Ann"]).discretion_warning is None


def test_the_digest_at_a_work_address_is_warned_about(network: Network) -> None:
    set_about_me(network, {"work_domains": ["contoso.com"], "search_mode": "discreet"})
    values = update(
        network,
        {
            "digest_to": "dan@mail.contoso.com",
            "digest_from": "me@home.example",
            "smtp_host": "smtp.contoso.com",
        },
    )
    assert [message.params["setting"] for message in leaks(values)] == ["digest_to", "smtp_host"]
    assert about_me(network).warnings == leaks(values)
    assert feed_warning(values) is not None
    set_about_me(network, {"search_mode": "open"})
    assert leaks(current(network)) == [] and feed_warning(current(network)) is None


def test_other_tools_files_never_set_or_clear_the_marks(
    network: Network, tmp_path: Path, corpus: Path
) -> None:
    from orchardist.services.exporting import export_network
    from orchardist.services.importing import import_file
    from orchardist.services.people import list_people
    from tests.exports import linkedin_2024, vcard

    row = (
        "Ann",
        "Lee",
        "https://www.linkedin.com/in/ann-lee-discretion",
        "",
        "Contoso",
        "Analyst",
        "03 Mar 2024",
    )
    first = tmp_path / "Connections.csv"
    first.write_bytes(linkedin_2024(corpus, [row]))
    import_file(network, first)
    (ann,) = [item.person for item in list_people(network)]
    assert (ann.knows_search, ann.coworker_override) == (False, None)
    assert "knows_search" not in ann.sources and "coworker_override" not in ann.sources
    edit_person(network, ann.id or 0, {"knows_search": True, "coworker_override": False})
    again = tmp_path / "Connections-2.csv"
    again.write_bytes(linkedin_2024(corpus, [(*row[:5], "Lead Analyst", row[6])]))
    import_file(network, again)
    (ann,) = [item.person for item in list_people(network)]
    assert ann.title == "Lead Analyst" and (ann.knows_search, ann.coworker_override) == (True, False)
    for fmt in ("vcard", "csv"):
        written = export_network(network, fmt).decode("utf-8-sig").casefold()
        assert "knows" not in written and "co-worker" not in written and "coworker" not in written
    card = tmp_path / "bo.vcf"
    card.write_bytes(
        vcard(
            {
                "FN": "Bo Chen",
                "X-ORCHARDIST-FIELD-KNOWS-SEARCH": "yes",
                "X-ORCHARDIST-FIELD-COWORKER-OVERRIDE": "yes",
            }
        )
    )
    import_file(network, card)
    bo = next(item.person for item in list_people(network) if item.person.display_name == "Bo Chen")
    assert (bo.knows_search, bo.coworker_override) == (False, None)
