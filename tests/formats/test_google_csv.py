"""Google Contacts CSV, current and legacy layouts, on the real headers from the corpus."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from orchardist.domain.people import NamedDate, PartialDate, Person, with_sources
from orchardist.formats import google_csv
from orchardist.formats.base import FormatError, ParseResult

SOURCE = "google:contacts.csv"
CURRENT = Path("csv-headers") / "google_csv_new_header_example_52col.csv"
LEGACY = Path("csv-headers") / "google_csv_legacy_header_from_real_export.csv"


def header_names(corpus: Path, name: Path) -> list[str]:
    return next(csv.reader([(corpus / name).read_text(encoding="utf-8").strip()]))


def export(names: list[str], records: list[dict[str, str]], *, encoding: str = "utf-8") -> bytes:
    """A CSV file with header ``names`` and one row per record, each value under its column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for record in records:
        assert set(record) <= set(names), set(record) - set(names)
        writer.writerow([record.get(name, "") for name in names])
    return out.getvalue().encode(encoding)


def parse_one(data: bytes) -> Person:
    result = google_csv.parse(data, SOURCE)
    assert result.skipped == []
    (parsed,) = result.people
    return parsed.person


JANE = {
    "First Name": "Jane",
    "Middle Name": "Q.",
    "Last Name": "Doe (she/her)",
    "Name Prefix": "Dr.",
    "Organization Name": "Acme Widgets",
    "Organization Title": "Head of Data",
    "Organization Department": "Analytics",
    "Birthday": "--03-29",
    "Notes": "Met at PyCon.\nLikes tea, not coffee.",
    "Labels": "* myContacts ::: Friends ::: * starred ::: Job search",
    "E-mail 1 - Label": "* Work",
    "E-mail 1 - Value": "jane@acme.example ::: jane.doe@mail.example",
    "E-mail 2 - Label": "Home",
    "E-mail 2 - Value": "jd@home.example",
    "Phone 1 - Label": "Mobile",
    "Phone 1 - Value": "+1 514-555-0100 ::: +1 514-555-0101",
    "Address 1 - Label": "Work",
    "Address 1 - Formatted": "1 Rue Sainte-Catherine\nMontréal QC H2X 1Z4\nCanada",
    "Address 1 - City": "Montréal",
    "Address 1 - Region": "QC",
    "Address 1 - Country": "Canada",
    "Relation 1 - Label": "Spouse",
    "Relation 1 - Value": "Pat Doe",
    "Website 1 - Label": "Profile",
    "Website 1 - Value": "https://janedoe.example ::: https://www.linkedin.com/in/jane-doe",
    "Event 1 - Label": "Anniversary",
    "Event 1 - Value": "2010-06-12",
    "Event 2 - Label": "Graduation",
    "Event 2 - Value": "--05-30",
    "Custom Field 1 - Label": "Shoe size",
    "Custom Field 1 - Value": "38",
}


def test_current_header_is_detected(corpus: Path) -> None:
    assert google_csv.sniff((corpus / CURRENT).read_bytes())


def test_current_export_maps_every_column_read(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, CURRENT), [JANE]))
    assert person == with_sources(
        Person(
            display_name="Jane Q. Doe (she/her)",
            given_name="Jane",
            family_name="Doe",
            pronouns="she/her",
            emails=("jane@acme.example", "jane.doe@mail.example", "jd@home.example"),
            phones=("+1 514-555-0100", "+1 514-555-0101"),
            urls=("https://janedoe.example",),
            linkedin_url="https://www.linkedin.com/in/jane-doe",
            organisation="Acme Widgets",
            title="Head of Data",
            location="Montréal, QC, Canada",
            tags=("Friends", "Job search"),
            birthday=PartialDate(month=3, day=29),
            dates=(
                NamedDate("anniversary", PartialDate(month=6, day=12, year=2010)),
                NamedDate("graduation", PartialDate(month=5, day=30)),
            ),
            notes="Met at PyCon.\nLikes tea, not coffee.",
        ),
        SOURCE,
    )


def test_relations_and_custom_fields_are_ignored(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, CURRENT), [JANE]))
    assert "Pat Doe" not in repr(person) and "Shoe" not in repr(person)


def test_columns_are_found_by_name_in_any_order(corpus: Path) -> None:
    names = header_names(corpus, CURRENT)
    assert parse_one(export(names[::-1], [JANE])) == parse_one(export(names, [JANE]))


def test_numbered_groups_beyond_the_example_are_found(corpus: Path) -> None:
    names = [*header_names(corpus, CURRENT), "E-mail 12 - Label", "E-mail 12 - Value", "Phone 9 - Value"]
    record = {"First Name": "Kofi", "E-mail 12 - Value": "kofi@example.org", "Phone 9 - Value": "555-0199"}
    person = parse_one(export(names, [record]))
    assert person.emails == ("kofi@example.org",) and person.phones == ("555-0199",)


def test_full_birthday_and_formatted_address(corpus: Path) -> None:
    record = {
        "First Name": "Lena",
        "Birthday": "1985-03-29",
        "Address 1 - Formatted": "Hauptstraße 1\n10115 Berlin\nDeutschland",
    }
    person = parse_one(export(header_names(corpus, CURRENT), [record]))
    assert person.birthday == PartialDate(month=3, day=29, year=1985)
    assert person.location == "Hauptstraße 1, 10115 Berlin, Deutschland"


def test_an_unreadable_birthday_is_left_out(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, CURRENT), [{"First Name": "Lena", "Birthday": "soon"}]))
    assert person.birthday is None


def test_people_without_a_name_fall_back_to_file_as_organisation_or_email(corpus: Path) -> None:
    names = header_names(corpus, CURRENT)
    records = [
        {"File As": "Okafor, Chidi"},
        {"Organization Name": "City Library"},
        {"E-mail 1 - Value": "hello@example.org"},
        {"Labels": "* myContacts", "Relation 1 - Value": "Someone"},
    ]
    result = google_csv.parse(export(names, records), SOURCE)
    people = [parsed.person for parsed in result.people]
    assert [(p.display_name, p.given_name, p.family_name) for p in people] == [
        ("Okafor, Chidi", "Chidi", "Okafor"),
        ("City Library", "", ""),
        ("hello@example.org", "", ""),
    ]
    assert [(item.line, str(item.reason)) for item in result.skipped] == [
        (5, "the row has no name, e-mail, phone or organisation")
    ]
    assert result.skipped[0].reason.code == "row.no_name_email_phone_or_organisation"


def test_multiline_notes_keep_their_lines_and_later_rows_their_line_numbers(corpus: Path) -> None:
    names = header_names(corpus, CURRENT)
    records = [{"First Name": "A", "Notes": "one\ntwo\nthree"}, {"First Name": "B"}]
    result = google_csv.parse(export(names, records), SOURCE)
    assert [(parsed.line, parsed.person.notes) for parsed in result.people] == [
        (2, "one\ntwo\nthree"),
        (5, ""),
    ]


# Legacy


LEGACY_RECORD = {
    "Name": "Chidi Okafor, PhD",
    "Given Name": "Chidi",
    "Family Name": "Okafor, PhD",
    "Birthday": "1979-11-02",
    "Notes": "Ethics professor.\r\nGood at advice.",
    "Group Membership": "* My Contacts ::: Colleagues ::: System Group: Friends",
    "E-mail 1 - Type": "* Work",
    "E-mail 1 - Value": "chidi@univ.example",
    "Phone 1 - Type": "Work",
    "Phone 1 - Value": "+1 555 0100",
    "Address 1 - Formatted": "St. John's University\nSydney",
    "Organization 1 - Type": "",
    "Organization 1 - Name": "St. John's University",
    "Organization 1 - Title": "Professor",
    "Organization 2 - Name": "Ethics Board",
    "Website 1 - Type": "Profile",
    "Website 1 - Value": "http://ca.linkedin.com/in/chidi",
}


def test_legacy_header_is_detected(corpus: Path) -> None:
    assert google_csv.sniff((corpus / LEGACY).read_bytes())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_legacy_export_in_utf16_with_bom(corpus: Path, encoding: str) -> None:
    data = export(header_names(corpus, LEGACY), [LEGACY_RECORD], encoding=encoding)
    assert google_csv.sniff(data)
    person = parse_one(data)
    assert person == with_sources(
        Person(
            display_name="Chidi Okafor, PhD",
            given_name="Chidi",
            family_name="Okafor",
            emails=("chidi@univ.example",),
            phones=("+1 555 0100",),
            linkedin_url="http://ca.linkedin.com/in/chidi",
            organisation="St. John's University",
            title="Professor",
            location="St. John's University, Sydney",
            tags=("Colleagues",),
            birthday=PartialDate(month=11, day=2, year=1979),
            notes="Ethics professor.\nGood at advice.",
        ),
        SOURCE,
    )


def test_legacy_name_alone_is_split(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, LEGACY), [{"Name": "Eleanor Shellstrop"}]))
    assert (person.given_name, person.family_name) == ("Eleanor", "Shellstrop")


def test_legacy_location_column_is_a_fallback(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, LEGACY), [{"Name": "Tahani", "Location": "London"}]))
    assert person.location == "London"


# Detection and refusals


@pytest.mark.parametrize(
    "header",
    [
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        "First Name,Middle Name,Last Name,Title,Suffix,Web Page,E-mail Address,Categories",
        "Given Name,Family Name,Phone",
    ],
)
def test_other_exports_are_not_google(header: str) -> None:
    assert not google_csv.sniff((header + "\n").encode())


def test_unknown_header_is_refused_saying_what_was_expected() -> None:
    with pytest.raises(FormatError) as refused:
        google_csv.parse(b"Foo;Bar\n1;2\n", SOURCE)
    assert "Google Contacts CSV" in str(refused.value.reason) and "Labels" in str(refused.value.reason)


def test_binary_tail_is_refused(corpus: Path) -> None:
    data = export(header_names(corpus, CURRENT), [{"First Name": "A"}]) + b"\x00\x00\x07garbage"
    with pytest.raises(FormatError, match="binary") as refused:
        google_csv.parse(data, SOURCE)
    assert refused.value.line == 3


def test_result_format_name(corpus: Path) -> None:
    result: ParseResult = google_csv.parse(
        export(header_names(corpus, CURRENT), [{"First Name": "A"}]), SOURCE
    )
    assert result.format == "google"
