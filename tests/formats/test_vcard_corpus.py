"""Real files from other tools (../shared/corpus/vcard): every one imports or is refused clearly.

Expected values below were read off the files by hand, not produced by running the parser.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import vobject

from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.formats import vcard
from orchardist.formats.base import FormatError, ParseResult, Skipped
from orchardist.formats.messages import ROW_HAS_NO_NAME
from orchardist.formats.vcard_cleanup import clean
from tests.conftest import CORPUS

SOURCE = "vcard:corpus"
CORPUS_FILES = sorted(str(path.relative_to(CORPUS)) for path in (CORPUS / "vcard").rglob("*.vcf"))
EZ = "vcard/ez-vcard/src__test__resources__ezvcard__io__text__"
ANDROID = "vcard/android/tests__res__raw__"


def parse(corpus: Path, name: str) -> ParseResult:
    return vcard.parse((corpus / name).read_bytes(), SOURCE)


def only_person(corpus: Path, name: str) -> Person:
    result = parse(corpus, name)
    assert result.skipped == []
    assert len(result.people) == 1
    return result.people[0].person


def test_the_corpus_is_there(corpus: Path) -> None:
    assert len(list((corpus / "vcard").rglob("*.vcf"))) == len(CORPUS_FILES) >= 50


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_corpus_file_imports_or_is_refused_clearly(corpus: Path, name: str) -> None:
    started = time.perf_counter()
    try:
        result = parse(corpus, name)
    except FormatError as refused:
        assert refused.reason
    else:
        assert result.format == "vcard"
        assert result.people or result.skipped
        for entry in result.people:
            assert entry.person.display_name.strip() == entry.person.display_name != ""
            assert entry.line is not None and entry.line >= 1
            assert entry.person.sources["display_name"] == (SOURCE,)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_clean_corpus_card_is_read_by_vobjects_card_reader(corpus: Path, name: str) -> None:
    for card in clean((corpus / name).read_bytes()):
        component = vobject.readOne(card.to_text(), transform=False)
        assert len(list(component.getChildren())) == len(card.lines) + 1  # and VERSION


JOHN = {"given_name": "John", "family_name": "Doe"}
JOHN_DOE = {
    "John_Doe_BLACK_BERRY.vcf": {
        "display_name": "John Doe",
        "given_name": "john",
        "family_name": "Doe",
        "organisation": "Acme Solutions",
        "title": "",
        "emails": (),
        "phones": ("+96123456789",),
    },
    "John_Doe_EVOLUTION.vcf": {
        **JOHN,
        "display_name": "Mr. John Richter, James Doe Sr.",
        "organisation": "IBM",
        "title": "Money Counter",
        "emails": ("john.doe@ibm.com",),
        "phones": ("905-666-1234", "905-555-1234"),
    },
    "John_Doe_GMAIL.vcf": {
        **JOHN,
        "display_name": "Mr. John Richter, James Doe Sr.",
        "organisation": "IBM",
        "title": "Money Counter",
        "emails": ("john.doe@ibm.com",),
        "phones": ("905-555-1234", "905-666-1234"),
    },
    "John_Doe_IPHONE.vcf": {
        **JOHN,
        "display_name": "Mr. John Richter James Doe Sr.",
        "organisation": "IBM",
        "title": "Money Counter",
        "emails": ("john.doe@ibm.com",),
        "phones": (
            "905-555-1234",
            "905-666-1234",
            "905-777-1234",
            "905-888-1234",
            "905-999-1234",
            "905-111-1234",
            "905-222-1234",
        ),
    },
    "John_Doe_LOTUS_NOTES.vcf": {
        **JOHN,
        "display_name": "Mr. Doe John I Johny",
        "organisation": "IBM",
        "title": "Generic Accountant",
        "emails": ("john.doe@ibm.com", "billy_bob@gmail.com"),
        "phones": ("+1 (212) 204-34456", "00-1-212-555-7777"),
    },
    "John_Doe_MAC_ADDRESS_BOOK.vcf": {
        **JOHN,
        "display_name": "Mr. John Richter,James Doe Sr.",
        "organisation": "IBM",
        "title": "Money Counter",
        "emails": ("john.doe@ibm.com",),
        "phones": (
            "905-777-1234",
            "905-666-1234",
            "905-555-1234",
            "905-888-1234",
            "905-999-1234",
            "905-111-1234",
            "905-222-1234",
        ),
    },
    "John_Doe_MS_OUTLOOK.vcf": {
        **JOHN,
        "display_name": "Mr. John Richter James Doe Sr.",
        "organisation": "IBM",
        "title": "Money Counter",
        "emails": ("john.doe@ibm.cm",),
        "phones": ("(905) 555-1234", "(905) 666-1234"),
    },
    "outlook-2003.vcf": {
        **JOHN,
        "display_name": "John Doe III",
        "organisation": "Company, The",
        "title": "The Job Title",
        "emails": ("jdoe@hotmail.com",),
        "phones": ("BusinessPhone", "HomePhone", "MobilePhone", "BusinessFaxPhone"),
    },
    "thunderbird-MoreFunctionsForAddressBook-extension.vcf": {
        **JOHN,
        "display_name": "John Doe",
        "organisation": "TheOrganization",
        "title": "TheTitle",
        "emails": (
            "doe.john@hotmail.com",
            "additional-email@company.com",
            "additional-email1@company.com",
            "additional-email2@company.com",
            "additional-email3@company.com",
        ),
        "phones": ("555-555-1111", "555-555-2222", "555-555-5555", "555-555-3333", "555-555-4444"),
    },
}


@pytest.mark.parametrize("client", sorted(JOHN_DOE))
def test_each_clients_john_doe(corpus: Path, client: str) -> None:
    person = only_person(corpus, EZ + client)
    assert {field: getattr(person, field) for field in JOHN_DOE[client]} == JOHN_DOE[client]


def test_evolution_john_doe_details(corpus: Path) -> None:
    person = only_person(corpus, EZ + "John_Doe_EVOLUTION.vcf")
    assert person.birthday == PartialDate(3, 22, 1980)
    assert person.dates == (NamedDate("anniversary", PartialDate(3, 22, 1980)),)
    assert person.tags == ("VIP",)
    assert person.urls == ("http://www.ibm.com",)
    assert person.location == "Albaney, New York, United States of America"  # "United\r\n  States"
    assert person.notes.startswith(
        'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"'
    )
    assert "WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED" in person.notes


def test_gmail_john_doe_details(corpus: Path) -> None:
    person = only_person(corpus, EZ + "John_Doe_GMAIL.vcf")
    assert person.urls == ("http://www.ibm.com",)  # written "http\://"
    assert person.dates == (NamedDate("anniversary", PartialDate(3, 1, 1975)),)  # item1 + X-ABLabel
    assert person.location == ""  # the whole address sits in the extended-address part
    assert person.notes.endswith("SUCH DAMAGE.\nFavotire Color: Blue")


def test_iphone_john_doe_details(corpus: Path) -> None:
    person = only_person(corpus, EZ + "John_Doe_IPHONE.vcf")
    assert person.urls == ("http://www.ibm.com",)
    assert person.birthday == PartialDate(6, 6, 2012)
    assert person.location == "New York, New York, United States of America"  # the pref address


def test_android_john_doe_file_holds_six_cards(corpus: Path) -> None:
    result = parse(corpus, EZ + "John_Doe_ANDROID.vcf")
    # Cards 1 and 2 hold only an e-mail address: the person is named from it.
    assert result.skipped == []
    assert [entry.line for entry in result.people] == [1, 6, 11, 18, 36, 71]
    john, jane, first, second, third, fourth = (entry.person for entry in result.people)
    assert (john.display_name, john.given_name, john.family_name) == ("John Doe", "John", "Doe")
    assert (john.emails, john.phones, john.organisation, john.title) == (
        ("john.doe@company.com",),
        (),
        "",
        "",
    )
    assert (jane.display_name, jane.emails) == ("Jane Doe", ("jane.doe@company.com",))

    assert (first.display_name, first.family_name, first.given_name) == ("Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ", "")
    assert (first.phones, first.tags) == (("123456789",), ("My Contacts",))

    eleven = " ".join(["Ñ"] * 11)  # split by a quoted-printable soft line break
    assert (second.display_name, second.family_name) == (eleven, eleven)
    assert second.phones == ("123456", "234567", "3456789", "45678901")
    note = ("Ñ " * 7 + "Ñ") * 2 + "Ñ " * 5  # soft breaks join "Ñ" to "Ñ" without a space
    assert second.notes == f"{note}\n{note}"

    assert (third.display_name, third.family_name, third.given_name) == ("Ñ Ñ Ñ Ñ", "Ñ Ñ", "Ñ Ñ Ñ")
    assert third.organisation == "Ñ" * 12
    assert third.emails == ("bob@company.com", "Ñ" * 14)
    assert third.phones == ("123456",)  # written three times: cell, work, work fax
    assert third.urls == ("www.company.com", "http://www.company.com")

    assert (fourth.display_name, fourth.family_name) == ("ÑÑÑÑ", "ÑÑÑÑ")
    assert fourth.organisation == "Ñ" * 44  # the first of three ORG lines; a blank line ends it
    assert (fourth.emails, fourth.phones) == (("henry@company.com",), ("55556666",))


@pytest.mark.parametrize(
    ("name", "display_name", "family_name", "given_name"),
    [
        ("v21_japanese_1.vcf", "安藤ロイド", "安藤ロイド", ""),
        ("v21_japanese_2.vcf", "安藤 ロイド 1", "安藤", "ロイド1"),
        ("v21_japanese_3.vcf", "伊能 圭一 伊予", "伊能", "圭一"),
        ("v30_japanese.vcf", "伊能 圭一 伊予", "伊能", "圭一"),
        ("v40_sort_as.vcf", "安藤 ロイド", "安藤", "ロイド"),
        ("v40_sip.vcf", "安藤 ロイド", "安藤", "ロイド"),
        ("v30_multibyte_param.vcf", "G M F", "F", "G"),
        ("v30_comma_separated.vcf", "G M F", "F", "G"),
        ("v21_simple_1.vcf", "Roid Ando", "Ando", "Roid"),
        ("v21_simple_2.vcf", "Ando Roid", "", ""),
        ("v21_simple_3.vcf", "Ando Roid", "Ando", "Roid"),
        ("v21_invalid_comment_line.vcf", "Conference Call", "", "Conference Call"),
        ("v21_invalid_multiple_line.vcf", "Omega", "", "Omega"),
        ("v21_backslash.vcf", "A;B\\C\\;D:E\\\\", "", "A;B\\"),
    ],
)
def test_android_names(corpus: Path, name: str, display_name: str, family_name: str, given_name: str) -> None:
    person = only_person(corpus, ANDROID + name)
    assert (person.display_name, person.family_name, person.given_name) == (
        display_name,
        family_name,
        given_name,
    )


def test_shift_jis_cards_in_one_file(corpus: Path) -> None:
    result = parse(corpus, ANDROID + "v21_multiple_entry.vcf")
    assert [(entry.line, entry.person.display_name, entry.person.phones) for entry in result.people] == [
        (1, "安藤ロイド3", ("9", "10", "11", "12")),
        (12, "安藤ロイド4", ("13", "14", "15", "16")),
        (23, "安藤ロイド5", ("17", "18", "19", "20")),
    ]


def test_shift_jis_quoted_printable_note(corpus: Path) -> None:
    assert only_person(corpus, ANDROID + "v21_japanese_2.vcf").notes == "メモ"


def test_ios_cr_cr_lf_card(corpus: Path) -> None:
    person = only_person(corpus, ANDROID + "v30_ios_613_multiline.vcf")
    assert (person.display_name, person.organisation) == ("Bob Smith", "Smith Auto Repair")
    assert (person.emails, person.phones, person.urls) == (
        ("bob@smithauto.com",),
        ("(650) 555-1212",),
        ("www.smithauto.com",),
    )


def test_comment_line_and_quoted_printable_note(corpus: Path) -> None:
    person = only_person(corpus, ANDROID + "v21_invalid_comment_line.vcf")
    assert person.notes == "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."


def test_complicated_vcard_21(corpus: Path) -> None:
    person = only_person(corpus, ANDROID + "v21_complicated.vcf")
    assert (person.display_name, person.given_name, person.family_name) == ("Joe Due", "Forrest", "Gump")
    assert (person.organisation, person.title) == ("Gump Shrimp Co.", "Shrimp Man")
    assert person.emails == ("forrestgump@walladalla.com", "cell@example.com")
    assert person.phones == ("(111) 555-1212", "(404) 555-1212", "0311111111", "0322222222", "0333333333")
    assert person.location == "Baytown, LA, United States of America"
    assert person.birthday == PartialDate(1, 1, 1980)
    assert person.notes == (
        "The following note is the example from RFC 2045.\n"
        "Now's the time for all folk to come to the aid of their country."
    )


def test_nested_cards_are_people_of_their_own(corpus: Path) -> None:
    result = parse(corpus, ANDROID + "v21_nest.vcf")
    assert [(entry.line, entry.person.display_name, entry.person.phones) for entry in result.people] == [
        (1, "parent", ("1",)),
        (4, "nest1", ()),
        (8, "nest2", ()),
    ]


def test_address_continued_after_a_backslash(corpus: Path) -> None:
    person = only_person(corpus, ANDROID + "v21_adr_multiple_line.vcf")
    assert (person.location, person.birthday) == ("Hamburg, Deutschland", PartialDate(12, 3, 2008))


def test_windows_mobile_anniversary_and_invalid_agent(corpus: Path) -> None:
    person = only_person(corpus, ANDROID + "v21_winmo_65.vcf")
    assert person.dates == (NamedDate("anniversary", PartialDate(10, 10, 2009)),)


def test_first_organisation_and_title_win(corpus: Path) -> None:
    person = only_person(corpus, ANDROID + "v21_pref_handling.vcf")
    assert (person.organisation, person.title) == ("Company", "Engineer")
    assert person.emails == ("test@example.com", "test2@examination.com")


@pytest.mark.parametrize("name", ["v21_android_custom_prop.vcf", "v21_im.vcf"])
def test_cards_without_a_name_are_skipped(corpus: Path, name: str) -> None:
    result = parse(corpus, ANDROID + name)
    assert (result.people, result.skipped) == ([], [Skipped(line=1, reason=ROW_HAS_NO_NAME())])


def test_rfc_examples(corpus: Path) -> None:
    frank, tim = (entry.person for entry in parse(corpus, EZ + "rfc2426-example.vcf").people)
    assert (frank.display_name, frank.location) == ("Frank Dawson", "Raleigh, NC, U.S.A.")
    assert tim.location == "Mountain View, CA, U.S.A."  # region " CA" folded onto a new line
    simon = only_person(corpus, EZ + "rfc6350-example.vcf")
    assert simon.birthday == PartialDate(2, 3)
    assert simon.phones == ("+1-418-656-9254;ext=102", "+1-418-262-6501")
    assert simon.dates == (NamedDate("anniversary", PartialDate(8, 8, 2009)),)
