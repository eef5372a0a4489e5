"""LinkedIn Connections.csv of every era: 2018, 2024+, and files re-saved by a spreadsheet."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from orchardist.domain.people import NamedDate, PartialDate, Person, with_sources
from orchardist.formats import linkedin
from orchardist.formats.base import FormatError, ParseResult

SOURCE = "linkedin:Connections.csv"
ROWS = Path(__file__).parent / "fixtures" / "csv" / "linkedin_rows_2024.csv"
HEADER_2024 = Path("csv-headers") / "linkedin_Connections_2024_preamble_and_header.csv"
HEADER_2018 = Path("csv-headers") / "linkedin_Connections_2018_header.csv"


@pytest.fixture(scope="module")
def export_2024(corpus: Path) -> bytes:
    """The real 2024+ preamble and header, with the synthetic rows of the fixture under it."""
    return (corpus / HEADER_2024).read_bytes() + ROWS.read_bytes()


@pytest.fixture(scope="module")
def parsed_2024(export_2024: bytes) -> ParseResult:
    return linkedin.parse(export_2024, SOURCE)


def _by_name(result: ParseResult) -> dict[str, Person]:
    return {parsed.person.display_name: parsed.person for parsed in result.people}


def connected(year: int, month: int, day: int) -> tuple[NamedDate, ...]:
    return (NamedDate("connected", PartialDate(month=month, day=day, year=year)),)


# The 2024+ era


def test_2024_export_is_detected(export_2024: bytes) -> None:
    assert linkedin.sniff(export_2024)


def test_2024_export_maps_every_column(parsed_2024: ParseResult) -> None:
    first = parsed_2024.people[0]
    assert first.line == 5
    assert first.person == with_sources(
        Person(
            display_name="Jane Smith",
            given_name="Jane",
            family_name="Smith",
            emails=("jane.smith@example.com",),
            linkedin_url="https://www.linkedin.com/in/jane-smith-0a1b2c",
            organisation="Acme Widgets",
            title="Product Manager",
            dates=connected(2026, 11, 22),
        ),
        SOURCE,
    )
    assert parsed_2024.format == "linkedin"


def test_every_field_records_its_source(parsed_2024: ParseResult) -> None:
    for parsed in parsed_2024.people:
        assert parsed.person == with_sources(parsed.person, SOURCE)
        assert parsed.person.sources["display_name"] == (SOURCE,)


def test_records_carry_their_physical_line(parsed_2024: ParseResult) -> None:
    lines = {parsed.person.display_name: parsed.line for parsed in parsed_2024.people}
    assert lines["Dan (he/him) Smith"] == 6
    assert lines["Ana Silva"] == 17  # its Position spans lines 17 and 18


@pytest.mark.parametrize(
    ("display", "given", "family", "pronouns"),
    [
        ("Dan (he/him) Smith", "Dan", "Smith", "he/him"),
        ("Amy Lee (she/her)", "Amy", "Lee", "she/her"),
        ("Priya Patel, PhD", "Priya", "Patel", ""),
        ("Marcus Brown MBA CPA", "Marcus", "Brown", ""),
        ("Seán O’Brien", "Seán", "O’Brien", ""),
        ('Robert "Bob" Jones', "Robert", "Jones", ""),
        ("Jo 🌱 Nguyen ✨", "Jo", "Nguyen", ""),
    ],
)
def test_display_name_keeps_what_people_wrote_and_the_parts_are_clean(
    parsed_2024: ParseResult, display: str, given: str, family: str, pronouns: str
) -> None:
    person = _by_name(parsed_2024)[display]
    assert (person.given_name, person.family_name, person.pronouns) == (given, family, pronouns)


def test_a_member_urn_in_the_email_column_is_not_an_email(parsed_2024: ParseResult) -> None:
    assert _by_name(parsed_2024)["Jo 🌱 Nguyen ✨"].emails == ()


def test_profile_url_is_kept_as_written(parsed_2024: ParseResult) -> None:
    assert _by_name(parsed_2024)["Seán O’Brien"].linkedin_url == "https://ie.linkedin.com/in/sean-obrien"


def test_an_unreadable_date_keeps_the_person_without_a_date(parsed_2024: ParseResult) -> None:
    person = _by_name(parsed_2024)["Kim Park"]
    assert person.dates == ()
    assert "dates" not in person.sources


def test_a_multiline_value_is_kept(parsed_2024: ParseResult) -> None:
    assert _by_name(parsed_2024)["Ana Silva"].title == "Head of\nPeople"


def test_a_profile_url_alone_is_enough(parsed_2024: ParseResult) -> None:
    person = _by_name(parsed_2024)["ghost-member-42"]
    assert person.linkedin_url == "https://www.linkedin.com/in/ghost-member-42"
    assert (person.given_name, person.family_name) == ("", "")


def test_date_only_and_nameless_rows_are_skipped_with_their_lines(parsed_2024: ParseResult) -> None:
    skipped = [(item.line, item.reason.code, item.reason.params) for item in parsed_2024.skipped]
    assert skipped == [
        (13, "row.only_connection_date", {"date": "08 Aug 2018"}),
        (15, "row.cannot_be_told_apart", {}),
        (19, "row.only_connection_date", {"date": "12 Dec 2014"}),
    ]
    assert "only a connection date (08 Aug 2018)" in str(parsed_2024.skipped[0].reason)
    assert "no name and no profile URL" in str(parsed_2024.skipped[1].reason)
    assert len(parsed_2024.people) == 11


# The 2018 era


def test_2018_export_without_preamble_or_url(corpus: Path) -> None:
    data = (corpus / HEADER_2018).read_bytes() + (
        b'Lena,Fischer,lena@example.de,Fischer GmbH,CTO,"1/8/18, 6:14 PM"\n'
        b'Omar,Haddad,,,,"12/31/17, 11:59 AM"\n'
    )
    assert linkedin.sniff(data)
    result = linkedin.parse(data, SOURCE)
    lena, omar = (parsed.person for parsed in result.people)
    assert [parsed.line for parsed in result.people] == [2, 3]
    assert lena.dates == connected(2018, 1, 8)
    assert lena.emails == ("lena@example.de",) and lena.linkedin_url == ""
    assert (lena.organisation, lena.title) == ("Fischer GmbH", "CTO")
    assert omar.dates == connected(2017, 12, 31)


# Files re-saved by a spreadsheet


def _spreadsheet_export(delimiter: str, encoding: str) -> bytes:
    pad = delimiter * 6
    lines = [
        f"Notes:{pad}",
        f'"When exporting your connection data, you may notice that some e-mail addresses are missing."{pad}',
        pad,
        delimiter.join(
            ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
        ),
        f'"Zoë{delimiter}Müller{delimiter}https://www.linkedin.com/in/zoe{delimiter}{delimiter}Café Noir'
        f'{delimiter}Barista{delimiter}29-Mar-21"',
        f'"René{delimiter}Lefèvre{delimiter}{delimiter}{delimiter}Société Générale{delimiter}'
        f'Analyste{delimiter}11 Jun 2021"',
        delimiter.join(["Ines", "García", "", "", "Acme", "Engineer", "2021-06-11"]),
        f'"{delimiter}{delimiter}{delimiter}{delimiter}{delimiter}{delimiter}11 Jun 2021"',
    ]
    return codecs.BOM_UTF8 * (encoding == "utf-8") + "\r\n".join(lines).encode(encoding) + b"\r\n"


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "cp1252"), (",", "utf-8"), ("\t", "cp1252")],
    ids=["semicolon", "comma", "tab"],
)
def test_spreadsheet_resave(delimiter: str, encoding: str) -> None:
    data = _spreadsheet_export(delimiter, encoding)
    assert linkedin.sniff(data)
    result = linkedin.parse(data, SOURCE)
    people = {parsed.person.display_name: parsed for parsed in result.people}
    assert set(people) == {"Zoë Müller", "René Lefèvre", "Ines García"}
    assert people["Zoë Müller"].line == 5
    assert people["Zoë Müller"].person.dates == connected(2021, 3, 29)
    assert people["Zoë Müller"].person.organisation == "Café Noir"
    assert people["René Lefèvre"].person.dates == connected(2021, 6, 11)
    assert people["René Lefèvre"].person.organisation == "Société Générale"
    assert people["Ines García"].person.dates == connected(2021, 6, 11)
    assert [
        (item.line, "only a connection date (11 Jun 2021)" in str(item.reason)) for item in result.skipped
    ] == [(8, True)]


def test_2021_resave_without_url_and_rows_wrapped_in_quotes() -> None:
    data = (
        b"First Name,Last Name,Email Address,Company,Position,Connected On\r\n"
        b'"Kofi,Mensah,,Acme,Designer,11 Jun 2021"\r\n'
        b'"Mia,""Wong, CPA"",,Wong & Partners,Accountant,11 Jun 2021"\r\n'
    )
    result = linkedin.parse(data, SOURCE)
    kofi, mia = (parsed.person for parsed in result.people)
    assert (kofi.display_name, kofi.organisation, kofi.title) == ("Kofi Mensah", "Acme", "Designer")
    assert (mia.display_name, mia.family_name) == ("Mia Wong, CPA", "Wong")


# Detection


@pytest.mark.parametrize(
    "header",
    [
        "First Name,Middle Name,Last Name,Labels,E-mail 1 - Value",
        "Title,First Name,Middle Name,Last Name,Company,Job Title,E-mail Address",
        "First Name,Last Name,Companies,Title,Email Address,Phone Numbers,Created At",
        "First Name,Last Name,Company,Position,Phone",
    ],
)
def test_other_csv_exports_with_name_columns_are_not_linkedin(header: str) -> None:
    assert not linkedin.sniff((header + "\nA,B,C,D,E\n").encode())


def test_a_header_with_only_linkedins_columns_is_linkedin_even_without_connected_on() -> None:
    assert linkedin.sniff(b"First Name,Last Name,Company,Position\nA,B,C,D\n")


# Refusals


def test_empty_file_is_refused() -> None:
    with pytest.raises(FormatError, match="empty"):
        linkedin.parse(b"", SOURCE)


def test_unknown_header_is_refused_saying_what_was_expected() -> None:
    with pytest.raises(FormatError) as refused:
        linkedin.parse(b"Name,Phone\nAna,555\n", SOURCE)
    reason = refused.value.reason
    assert reason.code == "csv.no_header" and reason.params["expected"].code == "csv.expected_linkedin"
    assert "LinkedIn Connections.csv" in str(reason)
    assert "Connected On" in str(reason)
    assert "'Name,Phone'" in str(reason)


def test_half_csv_half_binary_is_refused_at_the_binary_line(export_2024: bytes) -> None:
    data = export_2024 + b"\x00\x01\x02\xff\xfe" * 100
    with pytest.raises(FormatError, match="binary") as refused:
        linkedin.parse(data, SOURCE)
    assert refused.value.line == 20


def test_a_megabyte_line_is_refused(corpus: Path) -> None:
    data = (corpus / HEADER_2024).read_bytes() + b"A,B,,,,," + b"x" * 1_048_576 + b"\n"
    with pytest.raises(FormatError, match="1,048,5") as refused:
        linkedin.parse(data, SOURCE)
    assert refused.value.line == 5


def test_invalid_utf8_is_read_as_cp1252(corpus: Path) -> None:
    data = (corpus / HEADER_2024).read_bytes() + "Ren\xe9,Lef\xe8vre,,,,,".encode("latin-1") + b"\n"
    (parsed,) = linkedin.parse(data, SOURCE).people
    assert parsed.person.display_name == "René Lefèvre"


def test_a_row_with_more_values_than_columns_is_skipped_with_its_line(corpus: Path) -> None:
    data = (corpus / HEADER_2024).read_bytes() + b"A,B,,,Acme, Inc.,CEO,1 Jan 2020\nC,D,,,,,\n"
    result = linkedin.parse(data, SOURCE)
    assert [parsed.person.display_name for parsed in result.people] == ["C D"]
    (skipped,) = result.skipped
    assert skipped.line == 5 and "8 values but the header has 7 columns" in str(skipped.reason)
    assert skipped.reason.code == "row.too_many_values"


def test_a_file_half_csv_and_half_vcard_is_refused_at_the_first_foreign_line(corpus: Path) -> None:
    head = (corpus / "csv-headers" / "linkedin_Connections_2024_preamble_and_header.csv").read_bytes()
    data = head + b"Ana,Ruiz,,,Acme,Dev,1 Jan 2026\nBEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nEND:VCARD\n"
    with pytest.raises(FormatError) as refused:
        linkedin.parse(data, "linkedin:Connections.csv")
    assert refused.value.line == 6
    assert "'BEGIN:VCARD' has no ',' separators" in str(refused.value.reason)
