"""Outlook CSV exports: desktop (English, German, French headers), Outlook.com, and look-alikes.

Read here: Outlook desktop 2003/2007+ (``Business Country`` or ``Business Country/Region``), the
Outlook.com People export, Google's "Outlook CSV" export, and LinkedIn's pre-2015 "export
connections" file, which used Outlook's columns. Localised Outlook translates every header and
writes Windows-1252, often with ``;`` between values; the German and French names are mapped
below. Columns are found by name, never by position.
"""

from __future__ import annotations

from orchardist.domain.messages import Message
from orchardist.domain.names import clean_name_parts, split_display_name
from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.formats.base import ParseResult
from orchardist.formats.csv_dates import read_date
from orchardist.formats.csv_people import is_profile_url, person_with_sources, unique
from orchardist.formats.csv_tables import Row, read_people, read_table, sniff_header
from orchardist.formats.messages import EXPECTED_OUTLOOK, ROW_NO_NAME_EMAIL_PHONE_OR_COMPANY

FORMAT = "outlook"


# Each field Orchardist reads, and the header names Outlook gives it in English, German and French.
# English names cover desktop 2003 and 2007+, Outlook.com and Google's "Outlook CSV".
FIRST = ("first name", "vorname", "prénom")
MIDDLE = ("middle name", "weitere vornamen", "deuxième prénom")
LAST = ("last name", "nachname", "nom")
SUFFIX = ("suffix", "suffixe")
NICKNAME = ("nickname", "surnom")
COMPANY = ("company", "firma", "société")
# French Outlook has two "Titre" columns: the courtesy title, then the job title.
JOB_TITLE = ("job title", "position", "titre #2")
EMAILS = (
    ("e-mail address", "e-mail-adresse", "adresse de messagerie", "adresse de courrier"),
    ("e-mail 2 address", "e-mail 2: adresse", "adresse de messagerie 2", "adresse de courrier 2"),
    ("e-mail 3 address", "e-mail 3: adresse", "adresse de messagerie 3", "adresse de courrier 3"),
)
PHONES = (
    ("mobile phone", "mobiltelefon", "tél. mobile"),
    ("business phone", "telefon geschäftlich", "téléphone (bureau)"),
    ("business phone 2", "telefon geschäftlich 2", "téléphone 2 (bureau)"),
    ("primary phone", "haupttelefon", "téléphone principal"),
    ("home phone", "telefon privat", "telefon (privat)", "téléphone (domicile)"),
    ("home phone 2", "telefon privat 2", "telefon (privat 2)", "téléphone 2 (domicile)"),
    ("company main phone", "telefon firma", "téléphone société"),
    ("other phone", "weiteres telefon", "téléphone (autre)"),
    ("car phone", "autotelefon", "téléphone (voiture)"),
    ("assistant's phone", "telefon assistent", "téléphone de l'assistant(e)"),
    ("callback", "rückmeldung", "rappel"),
    ("radio phone", "mobiltelefon 2", "radio téléphone"),
    ("isdn", "rnis"),
    ("pager", "récepteur de radiomessagerie"),
    ("tty/tdd phone", "telefon für hörbehinderte", "téléphone tdd/tty"),
    ("telex", "télex"),
    ("business fax", "fax geschäftlich", "télécopie (bureau)"),
    ("home fax", "fax privat", "télécopie (domicile)"),
    ("other fax", "weiteres fax", "télécopie (autre)"),
)
WEB_PAGES = ("web page", "webseite", "page web", "personal web page")
BIRTHDAY = ("birthday", "geburtstag", "anniversaire")
ANNIVERSARY = ("anniversary", "jahrestag", "anniversaire de mariage ou fête")
NOTES = ("notes", "notizen")
# Google's older "Outlook CSV" header is cut short as "Categorie" in the material we have.
CATEGORIES = ("categories", "kategorien", "catégories", "categorie")
# City, state or region, country: business address first, then home, then other.
ADDRESSES = (
    (
        ("business city", "ort geschäftlich", "ville (bureau)"),
        ("business state", "region geschäftlich", "dép/région (bureau)"),
        (
            "business country/region",
            "business country",
            "land/region geschäftlich",
            "land geschäftlich",
            "pays/région (bureau)",
            "pays (bureau)",
        ),
    ),
    (
        ("home city", "ort privat", "ville (domicile)"),
        ("home state", "bundesland/kanton privat", "region privat", "dép/région (domicile)"),
        (
            "home country/region",
            "home country",
            "land/region privat",
            "land privat",
            "pays/région (domicile)",
            "pays (domicile)",
        ),
    ),
    (
        ("other city", "weiterer ort", "ville (autre)"),
        ("other state", "weiteres/r bundesland/kanton", "weitere region", "dép/région (autre)"),
        (
            "other country/region",
            "other country",
            "weiteres/e land/region",
            "weiteres land",
            "pays/région (autre)",
            "pays (autre)",
        ),
    ),
)
# The free-text "Location" field (German "Ort", French "Emplacement"), when no address has a city.
LOCATION = ("location", "ort", "emplacement")

# Columns only Outlook-style exports have, by language; a header needs two of its language's.
_MARKERS = {
    "first name": frozenset(
        {
            "middle name", "suffix", "e-mail address", "e-mail 2 address", "job title", "business phone",
            "mobile phone", "home phone", "web page", "categories", "business city", "home city",
            "business street", "home street", "department",
        }
    ),
    "vorname": frozenset(
        {
            "weitere vornamen", "nachname", "e-mail-adresse", "firma", "position", "mobiltelefon",
            "telefon geschäftlich", "kategorien", "notizen", "geburtstag", "abteilung",
        }
    ),
    "prénom": frozenset(
        {
            "deuxième prénom", "nom", "adresse de messagerie", "société", "tél. mobile",
            "téléphone (bureau)", "catégories", "page web", "anniversaire", "service",
        }
    ),
}  # fmt: skip
_LAST_NAME = {"first name": "last name", "vorname": "nachname", "prénom": "nom"}
# Google's own CSV (its "Outlook CSV" export has none of these) and LinkedIn's Connections.csv.
_NOT_OUTLOOK = frozenset({"labels", "file as", "phonetic first name", "group membership", "connected on"})
# Groups that every Google contact is in, and "* "-marked system labels, are not the user's tags.
_SYSTEM_CATEGORIES = frozenset({"mycontacts", "my contacts", "starred", "starred in android"})
# Outlook's "no date" sentinel year, and years that stand for "year unknown".
_NO_DATE_YEARS = frozenset({4501})
_UNKNOWN_YEARS = frozenset({1601, 1604})


def _language(keys: frozenset[str]) -> str | None:
    """The key of the first-name column this header uses, which says its language; None if none."""
    for first, last in _LAST_NAME.items():
        if first in keys and last in keys:
            return first
    return None


def is_header(keys: frozenset[str]) -> bool:
    """An Outlook-style header in English, German or French, and not Google's or LinkedIn's CSV."""
    if keys & _NOT_OUTLOOK:
        return False
    language = _language(keys)
    return language is not None and len(keys & _MARKERS[language]) >= 2


def sniff(data: bytes) -> bool:
    """Whether ``data`` is an Outlook-style CSV export."""
    return sniff_header(data, is_header)


def _date(text: str, *, day_first: bool) -> PartialDate | None:
    """An Outlook date; the empty ones (``0.0.00``, ``1/0/00``, year 4501) give None."""
    parsed = read_date(text, day_first=day_first, pivot=29)
    if parsed is None or parsed.year in _NO_DATE_YEARS:
        return None
    year = None if parsed.year in _UNKNOWN_YEARS else parsed.year
    try:
        return PartialDate(month=parsed.month, day=parsed.day, year=year)
    except ValueError:
        return None


def _tags(cell: str) -> tuple[str, ...]:
    """Categories (``Business;Personal``, Google's ``myContacts;starred``) minus system groups."""
    tags = []
    for part in cell.replace(",", ";").split(";"):
        tag = part.strip()
        if tag and not tag.startswith("*") and tag.casefold() not in _SYSTEM_CATEGORIES:
            tags.append(tag)
    return unique(tags)


def _location(row: Row) -> str:
    for city, region, country in ADDRESSES:
        parts = [row.get(*city), row.get(*region), row.get(*country)]
        if parts[0] or parts[2]:
            return ", ".join(part for part in parts if part)
    return row.get(*LOCATION)


def _person(row: Row, source: str, *, day_first: bool) -> Person | Message:
    """The person in ``row``, or the reason it is skipped."""
    first = row.get(*FIRST)
    middle = row.get(*MIDDLE)
    last = row.get(*LAST)
    company = row.get(*COMPANY)
    # Exchange contacts carry an internal X.500 address ("/o=ExchangeLabs/...") instead of an e-mail.
    emails = unique([email for email in (row.get(*names) for names in EMAILS) if "@" in email])
    phones = unique([row.get(*names) for names in PHONES])

    display = " ".join(part for part in (first, middle, last, row.get(*SUFFIX)) if part)
    if first or last:
        given, family, pronouns = clean_name_parts(first, last)
    else:
        display = row.get(*NICKNAME)
        given, family = split_display_name(display)
        pronouns = clean_name_parts(display, "")[2]
    display = display or company or (emails[0] if emails else "") or (phones[0] if phones else "")
    if not display:
        return ROW_NO_NAME_EMAIL_PHONE_OR_COMPANY()

    linkedin_url = ""
    urls: list[str] = []
    for url in (row.get(key) for key in WEB_PAGES):
        if not url:
            continue
        if not linkedin_url and is_profile_url(url):
            linkedin_url = url
        else:
            urls.append(url)
    anniversary = _date(row.get(*ANNIVERSARY), day_first=day_first)
    return person_with_sources(
        source,
        display,
        given_name=given,
        family_name=family,
        pronouns=pronouns,
        emails=emails,
        phones=phones,
        urls=unique(urls),
        linkedin_url=linkedin_url,
        organisation=company,
        title=row.get(*JOB_TITLE),
        location=_location(row),
        tags=_tags(row.get(*CATEGORIES)),
        birthday=_date(row.get(*BIRTHDAY), day_first=day_first),
        dates=(NamedDate("anniversary", anniversary),) if anniversary is not None else (),
        notes=row.get(*NOTES),
    )


def parse(data: bytes, source: str) -> ParseResult:
    """Read every contact in an Outlook-style CSV export."""
    table = read_table(data, is_header, expected=EXPECTED_OUTLOOK())
    # English Outlook writes month/day/year; French writes day/month/year; German uses dots.
    day_first = _language(table.header.key_set) != "first name"
    return read_people(table, FORMAT, lambda row: _person(row, source, day_first=day_first))
