"""Outlook CSV: desktop (English, German, French), Outlook.com, Google's and LinkedIn's look-alikes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from orchardist.domain.people import NamedDate, PartialDate, Person, with_sources
from orchardist.formats import outlook_csv
from orchardist.formats.base import FormatError, ParseResult

SOURCE = "outlook:contacts.csv"
HEADERS = Path("csv-headers")
DESKTOP = HEADERS / "outlook_desktop_2007plus_header_en.csv"
OUTLOOK_COM = HEADERS / "outlook_com_people_export_header.csv"
GOOGLE_NEWER = HEADERS / "google_export_as_outlook_csv_header_newer.csv"
GOOGLE_OLDER = HEADERS / "google_export_as_outlook_csv_header_older.csv"
LINKEDIN_PRE2015 = HEADERS / "linkedin_pre2015_outlook_style_export_header.csv"

# German Outlook 2013's header, as its export writes it (spelled out here; the file is cp1252).
GERMAN = (
    "Anrede;Vorname;Weitere Vornamen;Nachname;Suffix;Firma;Abteilung;Position;Straße geschäftlich;"
    "Straße geschäftlich 2;Straße geschäftlich 3;Ort geschäftlich;Region geschäftlich;"
    "Postleitzahl geschäftlich;Land/Region geschäftlich;Straße privat;Straße privat 2;Straße privat 3;"
    "Ort privat;Bundesland/Kanton privat;Postleitzahl privat;Land/Region privat;Weitere Straße;"
    "Weitere Straße 2;Weitere Straße 3;Weiterer Ort;Weiteres/r Bundesland/Kanton;Weitere Postleitzahl;"
    "Weiteres/e Land/Region;Telefon Assistent;Fax geschäftlich;Telefon geschäftlich;"
    "Telefon geschäftlich 2;Rückmeldung;Autotelefon;Telefon Firma;Fax privat;Telefon (privat);"
    "Telefon (privat 2);ISDN;Mobiltelefon;Weiteres Fax;Weiteres Telefon;Pager;Haupttelefon;"
    "Mobiltelefon 2;Telefon für Hörbehinderte;Telex;Abrechnungsinformation;Assistent(in);Benutzer 1;"
    "Benutzer 2;Benutzer 3;Benutzer 4;Beruf;Büro;E-Mail-Adresse;E-Mail-Typ;E-Mail: Angezeigter Name;"
    "E-Mail 2: Adresse;E-Mail 2: Typ;E-Mail 2: Angezeigter Name;E-Mail 3: Adresse;E-Mail 3: Typ;"
    "E-Mail 3: Angezeigter Name;Empfohlen von;Geburtstag;Geschlecht;Hobby;Initialen;"
    "Internet Frei/Gebucht;Jahrestag;Kategorien;Kinder;Konto;Name des/r Vorgesetzten;Notizen;"
    "Organisationsnr.;Ort;Partner;Postfach geschäftlich;Postfach privat;Priorität;Privat;"
    "Reisekilometer;Sozialversicherungsnr.;Sprache;Stichwörter;Vertraulichkeit;Verzeichnisserver;"
    "Webseite;Weiteres Postfach"
).split(";")

# French Outlook's header: two "Titre" columns, the courtesy title then the job title.
FRENCH = (
    "Titre,Prénom,Deuxième prénom,Nom,Suffixe,Société,Service,Titre,Rue (bureau),Ville (bureau),"
    "Dép/Région (bureau),Code postal (bureau),Pays/Région (bureau),Téléphone (bureau),Tél. mobile,"
    "Adresse de messagerie,Adresse de messagerie 2,Anniversaire,Anniversaire de mariage ou fête,"
    "Catégories,Critère de diffusion,Notes,Page Web,Priorité,Privé,Sexe"
).split(",")


def header_names(corpus: Path, name: Path) -> list[str]:
    return next(csv.reader([(corpus / name).read_text(encoding="utf-8").strip()]))


def export(
    names: list[str],
    records: list[dict[str, str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    quote_all: bool = True,
) -> bytes:
    """An Outlook-style CSV: every field quoted (as Outlook writes it), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=delimiter,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator="\r\n",
    )
    writer.writerow(names)
    for record in records:
        assert set(record) <= set(names), set(record) - set(names)
        writer.writerow([record.get(name, "") for name in names])
    return out.getvalue().encode(encoding)


def parse_one(data: bytes) -> Person:
    result = outlook_csv.parse(data, SOURCE)
    assert result.skipped == []
    (parsed,) = result.people
    return parsed.person


# Outlook's defaults that say nothing about a person.
DEFAULTS = {"Priority": "Normal", "Sensitivity": "Normal", "Gender": "Unspecified", "Private": "False"}

RAVI = {
    "Title": "Mr.",
    "First Name": "Ravi",
    "Middle Name": "K.",
    "Last Name": "Shankar",
    "Suffix": "Jr.",
    "Company": "Northwind Traders",
    "Department": "Sales",
    "Job Title": "Account Manager",
    "Business City": "Toronto",
    "Business State": "ON",
    "Business Country/Region": "Canada",
    "Home City": "Oakville",
    "Mobile Phone": "(416) 555-0134",
    "Business Phone": "+1 416 555 0100",
    "Home Phone": "905.555.0111",
    "Business Fax": "+1 416 555 0199",
    "E-mail Address": "ravi@northwind.example",
    "E-mail Type": "SMTP",
    "E-mail Display Name": "Ravi Shankar (ravi@northwind.example)",
    "E-mail 2 Address": "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ravi",
    "E-mail 3 Address": "ravi.k@mail.example",
    "Birthday": "3/29/1985",
    "Anniversary": "1/0/00",
    "Notes": "Met at the trade fair.\r\nFollow up in May.",
    "Categories": "Clients;Mentors",
    "Web Page": "https://www.linkedin.com/in/ravi-shankar",
    **DEFAULTS,
}


def test_desktop_header_is_detected_quoted_or_not(corpus: Path) -> None:
    names = header_names(corpus, DESKTOP)
    assert outlook_csv.sniff((corpus / DESKTOP).read_bytes())
    assert outlook_csv.sniff(export(names, []))


def test_desktop_export_maps_every_column_read(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, DESKTOP), [RAVI]))
    assert person == with_sources(
        Person(
            display_name="Ravi K. Shankar Jr.",
            given_name="Ravi",
            family_name="Shankar",
            emails=("ravi@northwind.example", "ravi.k@mail.example"),
            phones=("(416) 555-0134", "+1 416 555 0100", "905.555.0111", "+1 416 555 0199"),
            linkedin_url="https://www.linkedin.com/in/ravi-shankar",
            organisation="Northwind Traders",
            title="Account Manager",
            location="Toronto, ON, Canada",
            tags=("Clients", "Mentors"),
            birthday=PartialDate(month=3, day=29, year=1985),
            notes="Met at the trade fair.\nFollow up in May.",
        ),
        SOURCE,
    )


def test_outlook_2003_business_country(corpus: Path) -> None:
    names = [
        "Business Country" if name == "Business Country/Region" else name
        for name in header_names(corpus, DESKTOP)
    ]
    record = {"First Name": "Ana", "Business City": "Lisboa", "Business Country": "Portugal"}
    assert parse_one(export(names, [record])).location == "Lisboa, Portugal"


def test_home_address_when_there_is_no_business_one(corpus: Path) -> None:
    record = {"First Name": "Ana", "Home City": "Porto", "Home Country/Region": "Portugal"}
    assert parse_one(export(header_names(corpus, DESKTOP), [record])).location == "Porto, Portugal"


def test_a_row_of_defaults_and_empty_dates_is_skipped(corpus: Path) -> None:
    records = [{**DEFAULTS, "Birthday": "1/0/00", "Anniversary": "1/0/00"}, {"First Name": "Bo"}]
    result = outlook_csv.parse(export(header_names(corpus, DESKTOP), records), SOURCE)
    assert [parsed.person.display_name for parsed in result.people] == ["Bo"]
    assert [(item.line, str(item.reason)) for item in result.skipped] == [
        (2, "the row has no name, e-mail, phone or company")
    ]
    assert result.skipped[0].reason.code == "row.no_name_email_phone_or_company"


def test_a_company_only_contact_is_named_after_the_company(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, DESKTOP), [{"Company": "City Library", **DEFAULTS}]))
    assert (person.display_name, person.organisation, person.given_name) == (
        "City Library",
        "City Library",
        "",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/0/00", None),
        ("0.0.00", None),
        ("", None),
        ("1/1/4501", None),
        ("3/29/1604", PartialDate(month=3, day=29)),
        ("2/29/2000", PartialDate(month=2, day=29, year=2000)),
        ("1985-03-29", PartialDate(month=3, day=29, year=1985)),
        ("3/29/85", PartialDate(month=3, day=29, year=1985)),
    ],
)
def test_birthday_forms(corpus: Path, text: str, expected: PartialDate | None) -> None:
    person = parse_one(export(header_names(corpus, DESKTOP), [{"First Name": "Ana", "Birthday": text}]))
    assert person.birthday == expected


def test_anniversary_becomes_a_named_date(corpus: Path) -> None:
    person = parse_one(
        export(header_names(corpus, DESKTOP), [{"First Name": "Ana", "Anniversary": "6/12/2010"}])
    )
    assert person.dates == (NamedDate("anniversary", PartialDate(month=6, day=12, year=2010)),)


def test_outlook_com_export(corpus: Path) -> None:
    names = header_names(corpus, OUTLOOK_COM)
    assert outlook_csv.sniff((corpus / OUTLOOK_COM).read_bytes())
    record = {
        "First Name": "Mei",
        "Last Name": "Chen",
        "E-mail Address": "mei@example.com",
        "Mobile Phone": "+44 7700 900123",
        "Job Title": "Designer",
        "Company": "Studio Nine",
        "Home City": "Leeds",
        "Home Country/Region": "United Kingdom",
        "Personal Web Page": "https://uk.linkedin.com/in/meichen",
        "Web Page": "https://meichen.example",
        "Birthday": "7/4/1990",
    }
    person = parse_one(export(names, [record], quote_all=False))
    assert person.linkedin_url == "https://uk.linkedin.com/in/meichen"
    assert person.urls == ("https://meichen.example",)
    assert person.location == "Leeds, United Kingdom"
    assert person.birthday == PartialDate(month=7, day=4, year=1990)
    assert (person.organisation, person.title, person.phones) == (
        "Studio Nine",
        "Designer",
        ("+44 7700 900123",),
    )


def test_a_nickname_names_a_contact_without_first_or_last_name(corpus: Path) -> None:
    person = parse_one(export(header_names(corpus, OUTLOOK_COM), [{"Nickname": "Jules Verne"}]))
    assert (person.display_name, person.given_name, person.family_name) == ("Jules Verne", "Jules", "Verne")


@pytest.mark.parametrize("header", [GOOGLE_NEWER, GOOGLE_OLDER])
def test_googles_outlook_csv_drops_its_system_groups(corpus: Path, header: Path) -> None:
    names = header_names(corpus, header)
    assert outlook_csv.sniff((corpus / header).read_bytes())
    categories = "Categories" if "Categories" in names else "Categorie"
    record = {
        "First Name": "Sam",
        "Last Name": "Ortiz",
        categories: "myContacts;starred;Clients",
        "Birthday": "",
    }
    person = parse_one(export(names, [record], quote_all=False))
    assert person.tags == ("Clients",)
    assert person.display_name == "Sam Ortiz"


def test_linkedins_pre2015_outlook_style_export(corpus: Path) -> None:
    names = header_names(corpus, LINKEDIN_PRE2015)
    assert outlook_csv.sniff((corpus / LINKEDIN_PRE2015).read_bytes())
    record = {
        "First Name": "Grace",
        "Last Name": "Hopper",
        "E-mail Address": "grace@navy.example",
        "Company": "US Navy",
        "Job Title": "Rear Admiral",
        "Business City": "Arlington",
        "Web Page": "http://www.linkedin.com/pub/grace-hopper/1/2/3",
    }
    result = outlook_csv.parse(export(names, [record]), "linkedin:connections.csv")
    (parsed,) = result.people
    assert parsed.line == 2
    assert parsed.person.linkedin_url == "http://www.linkedin.com/pub/grace-hopper/1/2/3"
    assert (parsed.person.organisation, parsed.person.title) == ("US Navy", "Rear Admiral")


# Localised Outlook

GERMAN_RECORD = {
    "Anrede": "Frau",
    "Vorname": "Jürgen",
    "Nachname": "Weiß",
    "Firma": "Müller & Söhne GmbH",
    "Abteilung": "Vertrieb",
    "Position": "Geschäftsführer",
    "Ort geschäftlich": "München",
    "Land/Region geschäftlich": "Deutschland",
    "Telefon geschäftlich": "+49 89 1234567",
    "Mobiltelefon": "0176 1234567",
    "Telefon (privat)": "089 7654321",
    "E-Mail-Adresse": "j.weiss@mueller.example",
    "E-Mail-Typ": "SMTP",
    "E-Mail 2: Adresse": "juergen@privat.example",
    "Geburtstag": "29.03.1985",
    "Jahrestag": "0.0.00",
    "Geschlecht": "Keine Angabe",
    "Kategorien": "Kunden; Mentoren",
    "Notizen": "Messe 2023.\r\nKaffee statt Tee.",
    "Priorität": "Normal",
    "Privat": "Aus",
    "Vertraulichkeit": "Normal",
    "Webseite": "https://de.linkedin.com/in/juergen-weiss",
}


def test_german_outlook_in_cp1252_with_semicolons() -> None:
    data = export(
        GERMAN,
        [GERMAN_RECORD, {"Geburtstag": "0.0.00", "Priorität": "Normal"}],
        delimiter=";",
        encoding="cp1252",
    )
    assert outlook_csv.sniff(data)
    result = outlook_csv.parse(data, SOURCE)
    (parsed,) = result.people
    assert parsed.person == with_sources(
        Person(
            display_name="Jürgen Weiß",
            given_name="Jürgen",
            family_name="Weiß",
            emails=("j.weiss@mueller.example", "juergen@privat.example"),
            phones=("0176 1234567", "+49 89 1234567", "089 7654321"),
            linkedin_url="https://de.linkedin.com/in/juergen-weiss",
            organisation="Müller & Söhne GmbH",
            title="Geschäftsführer",
            location="München, Deutschland",
            tags=("Kunden", "Mentoren"),
            birthday=PartialDate(month=3, day=29, year=1985),
            notes="Messe 2023.\nKaffee statt Tee.",
        ),
        SOURCE,
    )
    assert [(item.line, str(item.reason)) for item in result.skipped] == [
        (4, "the row has no name, e-mail, phone or company")
    ]


def test_german_outlook_comma_separated_as_outlook_2013_writes_it() -> None:
    data = export(
        GERMAN, [{"Vorname": "Cornelius", "Nachname": "Weiß", "Firma": "unittest"}], encoding="cp1252"
    )
    assert parse_one(data).display_name == "Cornelius Weiß"


def test_french_outlook_reads_the_second_titre_as_job_title_and_dates_day_first() -> None:
    record = {
        "Titre": "Mme",
        "Prénom": "Émilie",
        "Nom": "Tremblay",
        "Société": "Ville de Montréal",
        "Ville (bureau)": "Montréal",
        "Pays/Région (bureau)": "Canada",
        "Tél. mobile": "514 555-0123",
        "Adresse de messagerie": "emilie@ville.example",
        "Anniversaire": "04/07/1990",
        "Catégories": "Réseau",
        "Page Web": "https://emilie.example",
        "Priorité": "Normale",
        "Privé": "Faux",
    }
    names = FRENCH
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(names)
    row = [record.get(name, "") for name in names]
    row[names.index("Titre", 1)] = "Conseillère en emploi"
    writer.writerow(row)
    person = parse_one(out.getvalue().encode("cp1252"))
    assert (person.given_name, person.family_name) == ("Émilie", "Tremblay")
    assert person.title == "Conseillère en emploi"
    assert person.birthday == PartialDate(month=7, day=4, year=1990)
    assert (person.location, person.tags, person.urls) == (
        "Montréal, Canada",
        ("Réseau",),
        ("https://emilie.example",),
    )
    assert person.phones == ("514 555-0123",)


# Detection and refusals


@pytest.mark.parametrize(
    "header",
    [
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        "First Name,Last Name,Company,Position",
        "First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,Organization Name",
        "Name,Given Name,Family Name,Group Membership,E-mail 1 - Value",
        "First Name,Last Name,Phone",
    ],
)
def test_other_exports_are_not_outlook(header: str) -> None:
    assert not outlook_csv.sniff((header + "\n").encode())


def test_unknown_header_is_refused_saying_what_was_expected() -> None:
    with pytest.raises(FormatError) as refused:
        outlook_csv.parse(b"Vorname;Telefon\nAna;1\n", SOURCE)
    assert "Outlook CSV" in str(refused.value.reason) and "Vorname, Nachname" in str(refused.value.reason)


def test_a_megabyte_line_is_refused(corpus: Path) -> None:
    data = export(header_names(corpus, DESKTOP), [{"First Name": "A"}]) + b'"' + b"x" * 1_048_576 + b'"\r\n'
    with pytest.raises(FormatError, match="1,048,578 characters") as refused:
        outlook_csv.parse(data, SOURCE)
    assert refused.value.line == 3


def test_result_format_name(corpus: Path) -> None:
    result: ParseResult = outlook_csv.parse(
        export(header_names(corpus, DESKTOP), [{"First Name": "A"}]), SOURCE
    )
    assert result.format == "outlook"
