"""Co-workers are flagged by their organisation, however it is spelled, and by their e-mail's domain;
look-alikes are not, and a name that only contains the employer's is a "maybe"."""

from __future__ import annotations

import pytest

from orchardist.domain.discretion import (
    AboutMe,
    Because,
    Coworker,
    SearchMode,
    Workplace,
    at_domains,
    clean_domain,
    compare_organisations,
    domain_of,
    organisation_core,
    override_word,
    unsafe_contact,
)

CONTOSO = Workplace.of(AboutMe(employer="Contoso Ltd", work_domains=("contoso.com",)))


@pytest.mark.parametrize(
    "name",
    [
        "Contoso Ltd",
        "CONTOSO LIMITED",
        "Contoso Ltd.",
        "Contoso (UK)",
        "contoso",
        "Contoso Inc.",
        "Contoso, Inc",
        "Contoso S.A.",
        "Contoso Ltée",
        "CONTOSO LTÉE",
        "The Contoso Group",
        "Contoso UK Ltd",
        "Contoso Canada Inc.",
        "Contoso [Europe]",
        "  contoso   ltd  ",
        "Contoso.com",
        "www.contoso.co.uk",
        "Cöntoso",
        "Conto-so",
    ],
)
def test_the_employer_whatever_the_spelling(name: str) -> None:
    assert CONTOSO.organisation(name) is Coworker.YES
    assert CONTOSO.flag(name, ()).because is Because.ORGANISATION


@pytest.mark.parametrize(
    "name", ["Contosa", "ContosoMart", "Kontoso", "Northwind Traders", "Fabrikam Ltd", "Contosso", ""]
)
def test_look_alikes_and_others_are_not_flagged(name: str) -> None:
    assert CONTOSO.organisation(name) is Coworker.NO
    assert not CONTOSO.flag(name, ()).flagged


@pytest.mark.parametrize(
    "name",
    ["Contoso Pizza Co", "Contoso Pizza", "Contoso-Mart", "Friends of Contoso", "Contoso Bank of Canada"],
)
def test_a_name_holding_the_employers_is_a_maybe(name: str) -> None:
    flag = CONTOSO.flag(name, ())
    assert flag.state is Coworker.MAYBE
    assert flag.maybe and flag.flagged and not flag.certain
    assert flag.because is Because.LOOKS_LIKE


def test_a_shorter_name_inside_the_employers_is_a_maybe_too() -> None:
    workplace = Workplace.of(AboutMe(employer="Contoso Pharmaceuticals Canada"))
    assert workplace.organisation("Contoso") is Coworker.MAYBE
    assert workplace.organisation("Contoso Pharmaceuticals") is Coworker.YES


def test_aliases_count_as_the_employer() -> None:
    workplace = Workplace.of(
        AboutMe(employer="Contoso Ltd", employer_aliases=("Fabrikam", "Procter & Gamble"))
    )
    assert workplace.organisation("FABRIKAM INC.") is Coworker.YES
    assert workplace.organisation("Procter and Gamble") is Coworker.YES
    assert workplace.organisation("Northwind") is Coworker.NO


def test_an_exact_alias_beats_a_maybe_of_another() -> None:
    workplace = Workplace.of(AboutMe(employer="Contoso", employer_aliases=("Contoso Pizza",)))
    assert workplace.organisation("Contoso Pizza Co") is Coworker.YES


@pytest.mark.parametrize(
    "email",
    [
        "dan@contoso.com",
        "Dan@CONTOSO.COM",
        "dan@mail.contoso.com",
        "Dan <dan@uk.mail.contoso.com>",
        "d@contoso.com.",
    ],
)
def test_an_email_at_a_work_domain_or_below_it(email: str) -> None:
    assert at_domains(email, CONTOSO.domains) == "contoso.com"
    flag = CONTOSO.flag("", ("ann@example.org", email))
    assert flag.state is Coworker.YES and flag.because is Because.EMAIL


@pytest.mark.parametrize(
    "email", ["dan@notcontoso.com", "dan@contoso.com.evil.org", "dan@contoso.co", "contoso.com", "dan@"]
)
def test_an_email_elsewhere_is_not(email: str) -> None:
    assert at_domains(email, CONTOSO.domains) == ""
    assert not CONTOSO.flag("", (email,)).flagged


def test_the_users_word_wins() -> None:
    assert CONTOSO.flag("Contoso", ("a@contoso.com",), override=False).state is Coworker.NO
    said = CONTOSO.flag("Northwind", (), override=True)
    assert said.state is Coworker.YES and said.because is Because.YOU_SAID
    assert override_word(None) == "auto" and override_word(True) == "yes" and override_word(False) == "no"


def test_nothing_known_flags_no_one() -> None:
    nobody = Workplace.of(AboutMe())
    assert not nobody.known
    assert not nobody.flag("Contoso", ("a@contoso.com",)).flagged


def test_confidants_are_safe() -> None:
    maybe = CONTOSO.flag("Contoso Pizza", ())
    assert unsafe_contact(maybe, knows_search=False)
    assert not unsafe_contact(maybe, knows_search=True)
    assert not unsafe_contact(CONTOSO.flag("Northwind", ()), knows_search=False)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("contoso.com", "contoso.com"),
        ("@Contoso.COM", "contoso.com"),
        ("contoso.com.", "contoso.com"),
        ("https://www.contoso.com/about", "contoso.com"),
        ("mail.contoso.co.uk", "mail.contoso.co.uk"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("not a domain", ""),
        ("contoso", ""),
        ("", ""),
    ],
)
def test_work_domains_are_written_plainly(typed: str, clean: str) -> None:
    assert clean_domain(typed) == clean


def test_cores_and_comparisons() -> None:
    assert organisation_core("Contoso (UK) Ltd.") == ("contoso",)
    assert organisation_core("AT&T") == ("at", "and", "t")
    assert organisation_core("McDonald’s Corporation") == ("mcdonalds",)
    assert organisation_core("Group") == ("group",)  # never folded away to nothing
    assert organisation_core("¨") == ()
    assert compare_organisations(("a", "b"), ("ab",)) is Coworker.YES
    assert compare_organisations(("go", "pizza"), ("go",)) is Coworker.NO  # too short to be a hint
    assert domain_of("no-at-sign") == ""


def test_about_me() -> None:
    about = AboutMe(employer="Contoso", employer_aliases=(" ", "Fabrikam"), search_mode=SearchMode.DISCREET)
    assert about.discreet and about.looking
    assert about.employer_names == ("Contoso", "Fabrikam")
    assert not AboutMe().looking
