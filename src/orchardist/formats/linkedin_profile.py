"""The profile part of LinkedIn's data export: ``Profile.csv`` (name, headline, location, web sites)
and ``Positions.csv`` (each position, the current ones with no end), alone or inside the export's zip.

**The zip is read, never unpacked.** Only the two files are read, into memory, and only after the
archive passes these checks: at most ``MAX_MEMBERS`` members; no member whose name is absolute,
climbs out of the archive (``..``), uses a drive or backslashes, or is a link; the sizes the archive
declares add up to at most ``MAX_TOTAL`` bytes; a file large enough to matter is compressed at most
``MAX_RATIO`` times (real CSV compresses about 5 to 10 times; a zip bomb, thousands); and each file
is read in pieces that stop at its declared size, so an archive that lies about a size is refused.

The current position is the one with no "Finished On", the most recently started if there are
several; LinkedIn writes its months as "Mar 2019" (older exports), "2019-03" or "03/2019".
"""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from orchardist.domain import presence_wording as words
from orchardist.formats.base import FormatError
from orchardist.formats.csv_decoding import prepare_text

PROFILE_FILE = "Profile.csv"
POSITIONS_FILE = "Positions.csv"
MAX_MEMBERS = 10_000
MAX_TOTAL = 200 * 1024 * 1024
MAX_FILE = 20 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024
"""Files smaller than this (uncompressed) are not held to ``MAX_RATIO``: a short run of blank cells
compresses well and harms nobody."""
_CHUNK = 64 * 1024
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "janv", "january", "janvier"),
            ("feb", "fev", "févr", "february", "février", "fevrier"),
            ("mar", "mars", "march"),
            ("apr", "avr", "april", "avril"),
            ("may", "mai"),
            ("jun", "juin", "june"),
            ("jul", "juil", "july", "juillet"),
            ("aug", "aout", "août", "august"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "déc", "december", "décembre"),
        ),
        start=1,
    )
    for name in names
}
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?")
_SLASH_MONTH = re.compile(r"(\d{1,2})/(\d{4})")
_URL = re.compile(r"https?://[^\s,\]\[]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LinkedInProfile:
    """What the export says of the user: their name, headline, location and first web site, and the
    current position's title, company, location and start month (``YYYY-MM``, "" when unknown)."""

    display_name: str = ""
    headline: str = ""
    location: str = ""
    website: str = ""
    title: str = ""
    employer: str = ""
    position_start: str = ""
    positions: int = 0
    files: tuple[str, ...] = ()


def month(text: str) -> str:
    """A LinkedIn month as ``YYYY-MM``; "" for ""; ValueError for anything else."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return ""
    for pattern, year_group, month_group in ((_ISO_MONTH, 1, 2), (_SLASH_MONTH, 2, 1)):
        found = pattern.fullmatch(cleaned)
        if found:
            number = int(found.group(month_group))
            if 1 <= number <= 12:
                return f"{found.group(year_group)}-{number:02d}"
            raise ValueError(cleaned)
    found = _NAMED_MONTH.fullmatch(cleaned)
    if found and found.group(1).casefold() in _MONTHS:
        return f"{found.group(2)}-{_MONTHS[found.group(1).casefold()]:02d}"
    raise ValueError(cleaned)


def _safe_name(info: zipfile.ZipInfo) -> bool:
    name = info.filename
    if "\\" in name or name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return False
    if ".." in PurePosixPath(name).parts:
        return False
    mode = info.external_attr >> 16
    return not stat.S_ISLNK(mode)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> bytes:
    """One member's bytes, read no further than its declared size."""
    if info.file_size > MAX_FILE:
        raise FormatError(words.ZIP_TOO_BIG(file=source, limit=f"{MAX_FILE // (1024 * 1024)} MB"))
    parts = []
    read = 0
    with archive.open(info) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > info.file_size:
                raise FormatError(words.ZIP_SIZE_LIES(file=source, member=info.filename))
            parts.append(chunk)
    return b"".join(parts)


def files_in_zip(data: bytes, source: str) -> dict[str, bytes]:
    """``Profile.csv`` and ``Positions.csv`` from an export's zip, by name, read safely (see above)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise FormatError(words.NOT_AN_EXPORT(file=source)) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise FormatError(words.ZIP_TOO_MANY(file=source, limit=f"{MAX_MEMBERS:,}"))
        if sum(info.file_size for info in members) > MAX_TOTAL:
            raise FormatError(words.ZIP_TOO_BIG(file=source, limit=f"{MAX_TOTAL // (1024 * 1024)} MB"))
        for info in members:
            if not _safe_name(info):
                raise FormatError(words.ZIP_UNSAFE_NAME(file=source, member=info.filename))
            if info.file_size >= RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise FormatError(words.ZIP_BOMB(file=source, member=info.filename, ratio=f"{MAX_RATIO:,}"))
        found: dict[str, bytes] = {}
        for info in members:
            name = PurePosixPath(info.filename).name
            if name in (PROFILE_FILE, POSITIONS_FILE) and not info.is_dir() and name not in found:
                try:
                    found[name] = _member(archive, info, source)
                except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
                    raise FormatError(words.NOT_AN_EXPORT(file=source)) from None
    if not found:
        raise FormatError(words.NO_PROFILE_FILES(file=source))
    return found


def _rows(data: bytes, name: str, needed: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of one CSV file with their line numbers; FormatError naming the file and line."""
    try:
        text = prepare_text(data)
    except FormatError as error:
        raise FormatError(words.IN_FILE(file=name, reason=error.located())) from None
    reader = csv.reader(io.StringIO(text))
    try:
        header = [cell.strip() for cell in next(reader, [])]
        missing = [column for column in needed if column not in header]
        if missing:
            raise FormatError(words.MISSING_COLUMN(file=name, line=1, field=missing[0]))
        rows = []
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append(
                    (reader.line_num, dict(zip(header, (cell.strip() for cell in row), strict=False)))
                )
    except csv.Error as error:
        raise FormatError(words.BAD_CSV(file=name, line=reader.line_num, problem=str(error))) from None
    return rows


def _website(text: str) -> str:
    found = _URL.search(text)
    return found.group(0) if found else ""


def _profile(data: bytes) -> dict[str, str]:
    rows = _rows(data, PROFILE_FILE, ("First Name", "Last Name"))
    if not rows:
        return {}
    _line, row = rows[0]
    name = " ".join(part for part in (row.get("First Name", ""), row.get("Last Name", "")) if part)
    location = row.get("Geo Location", "") or row.get("Location", "") or row.get("Country", "")
    return {
        "display_name": name,
        "headline": row.get("Headline", ""),
        "location": location,
        "website": _website(row.get("Websites", "")),
    }


def _positions(data: bytes) -> tuple[dict[str, str], int]:
    rows = _rows(data, POSITIONS_FILE, ("Company Name", "Title", "Started On"))
    current: list[tuple[str, int, dict[str, str]]] = []
    for line, row in rows:
        for column in ("Started On", "Finished On"):
            try:
                row[column] = month(row.get(column, ""))
            except ValueError:
                problem = words.NOT_A_LINKEDIN_MONTH(value=row.get(column, ""))
                raise FormatError(
                    words.BAD_FIELD(file=POSITIONS_FILE, line=line, field=column, problem=problem)
                ) from None
        if not row["Finished On"]:
            current.append((row["Started On"], -line, row))
    if not current:
        return {}, len(rows)
    _start, _line, row = max(current, key=lambda item: (item[0], item[1]))
    return {
        "title": row.get("Title", ""),
        "employer": row.get("Company Name", ""),
        "position_start": row["Started On"],
        "position_location": row.get("Location", ""),
    }, len(rows)


def read_export(data: bytes, source: str) -> LinkedInProfile:
    """What ``Profile.csv``, ``Positions.csv`` or an export's zip (``data``, from the file ``source``)
    says of the user; FormatError naming the file, line and field of what cannot be read."""
    if data.startswith(b"PK"):
        files = files_in_zip(data, source)
    else:
        name = PurePosixPath(source.replace("\\", "/")).name
        head = data[:4096].decode("utf-8", errors="replace")
        if name.casefold() in (PROFILE_FILE.casefold(), POSITIONS_FILE.casefold()):
            files = {PROFILE_FILE if name.casefold() == PROFILE_FILE.casefold() else POSITIONS_FILE: data}
        elif "Company Name" in head and "Started On" in head:
            files = {POSITIONS_FILE: data}
        elif "First Name" in head and "Headline" in head:
            files = {PROFILE_FILE: data}
        else:
            raise FormatError(words.NOT_AN_EXPORT(file=name))
    profile = _profile(files[PROFILE_FILE]) if PROFILE_FILE in files else {}
    position, count = _positions(files[POSITIONS_FILE]) if POSITIONS_FILE in files else ({}, 0)
    return LinkedInProfile(
        display_name=profile.get("display_name", ""),
        headline=profile.get("headline", ""),
        location=profile.get("location", "") or position.get("position_location", ""),
        website=profile.get("website", ""),
        title=position.get("title", ""),
        employer=position.get("employer", ""),
        position_start=position.get("position_start", ""),
        positions=count,
        files=tuple(sorted(files)),
    )
