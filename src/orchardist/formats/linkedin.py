"""LinkedIn ``Connections.csv``, from the 2018 export to today's, including spreadsheet re-saves.

Eras handled: 2024+ files start with a ``Notes:`` preamble (a line, a quoted paragraph, a blank
line) before ``First Name,Last Name,URL,Email Address,Company,Position,Connected On`` with dates
like ``22 Nov 2026``; 2018 files have no preamble and no URL column, and dates like
``"1/8/18, 6:14 PM"``; files re-saved by a spreadsheet may carry a byte-order mark, Windows-1252,
``;`` delimiters, CRLF, preamble lines padded to ``Notes:,,,,,,``, rows wrapped whole in quotes
and dates like ``29-Mar-21``, ``11 Jun 2021`` or ``2021-06-11``. The pre-2015 Outlook-style
export (59 Outlook columns) is read by the Outlook importer.
"""

from __future__ import annotations

from functools import lru_cache

from orchardist.domain.matching import linkedin_key
from orchardist.domain.messages import Message
from orchardist.domain.names import clean_name_parts
from orchardist.domain.people import NamedDate, PartialDate, Person
from orchardist.formats.base import ParseResult
from orchardist.formats.csv_dates import read_date
from orchardist.formats.csv_people import is_profile_url, person_with_sources
from orchardist.formats.csv_tables import Row, read_people, read_table, sniff_header
from orchardist.formats.messages import (
    EXPECTED_LINKEDIN,
    ROW_CANNOT_BE_TOLD_APART,
    ROW_NO_NAME_OR_PROFILE,
    ROW_ONLY_CONNECTION_DATE,
)

FORMAT = "linkedin"

FIRST = "first name"
LAST = "last name"
URL = "url"
EMAIL = "email address"
COMPANY = "company"
POSITION = "position"
CONNECTED = "connected on"

# Every column any era of Connections.csv has had.
COLUMNS = frozenset({FIRST, LAST, URL, EMAIL, COMPANY, POSITION, CONNECTED})


def is_header(keys: frozenset[str]) -> bool:
    """A Connections.csv header: both name columns and ``Connected On``, or only LinkedIn's columns.

    Google and Outlook exports also have ``First Name`` and ``Last Name``, but never
    ``Connected On``, and always columns LinkedIn does not have (``Middle Name``, ``Labels``...).
    """
    if FIRST not in keys or LAST not in keys:
        return False
    if CONNECTED in keys:
        return True
    return bool(keys & {COMPANY, POSITION}) and keys <= COLUMNS


def sniff(data: bytes) -> bool:
    """Whether ``data`` is a LinkedIn Connections.csv (a header row within its first lines)."""
    return sniff_header(data, is_header)


@lru_cache(maxsize=8192)
def _connected_on(text: str) -> tuple[NamedDate, ...]:
    """The ``connected`` date, or nothing when the text is not a date (the person is still kept).

    Cached: thousands of connections share each date, and the result is immutable.
    """
    parsed = read_date(text)
    if parsed is None:
        return ()
    try:
        return (NamedDate("connected", PartialDate(month=parsed.month, day=parsed.day, year=parsed.year)),)
    except ValueError:
        return ()


def _person(row: Row, source: str) -> Person | Message:
    """The person in ``row``, or the reason it is skipped."""
    values = row.values
    first = (values.get(FIRST) or "").strip()
    last = (values.get(LAST) or "").strip()
    url = (values.get(URL) or "").strip()
    email = (values.get(EMAIL) or "").strip()
    company = (values.get(COMPANY) or "").strip()
    position = (values.get(POSITION) or "").strip()
    connected = (values.get(CONNECTED) or "").strip()
    if not (first or last or url or email or company or position):
        if connected:
            return ROW_ONLY_CONNECTION_DATE(date=connected)
        return ROW_NO_NAME_OR_PROFILE()
    if not (first or last or url):
        return ROW_CANNOT_BE_TOLD_APART()

    # Where a member hides their address LinkedIn writes its member id (urn:li:member:123...),
    # and anything else without an "@" is no e-mail either.
    emails = (email,) if "@" in email else ()
    # The URL column holds the profile URL; keep it as written (matching canonicalises it).
    linkedin_url = url if url and is_profile_url(url) else ""
    urls = (url,) if url and not linkedin_url else ()
    given, family, pronouns = clean_name_parts(first, last)
    display = f"{first} {last}".strip()
    if not display:
        key = linkedin_key(url)
        display = key.rsplit("/", 1)[-1] if key else url
    return person_with_sources(
        source,
        display,
        given_name=given,
        family_name=family,
        pronouns=pronouns,
        emails=emails,
        urls=urls,
        linkedin_url=linkedin_url,
        organisation=company,
        title=position,
        dates=_connected_on(connected) if connected else (),
    )


def parse(data: bytes, source: str) -> ParseResult:
    """Read every connection in a LinkedIn Connections.csv export."""
    table = read_table(data, is_header, expected=EXPECTED_LINKEDIN())
    return read_people(table, FORMAT, lambda row: _person(row, source))
