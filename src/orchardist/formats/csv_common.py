"""Reading contact CSV exports: decoding, dialect, header row, and records with their line numbers.

Every CSV importer goes through ``read_table``: the bytes are decoded (UTF-8 with or without a
byte-order mark, UTF-16 with a mark, otherwise Windows-1252 for bytes that are not UTF-8), line
ends are made uniform, absurdly long lines and binary data are refused with the line they are on,
the header row is found after any preamble, and each record comes back keyed by header name with
the 1-based physical line it starts on.
"""

from __future__ import annotations

import codecs
import csv
import gc
import io
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from orchardist.domain.matching import is_linkedin_url
from orchardist.domain.people import Person
from orchardist.formats.base import FormatError

MAX_LINE_CHARS = 100_000
# How many lines a header row may be preceded by (LinkedIn's "Notes:" preamble is three).
MAX_PREAMBLE_LINES = 30
# Sniffing looks only at the start of a file.
_HEAD_BYTES = 64 * 1024

_DELIMITERS = (",", ";", "\t")
_SPACES = re.compile(r"\s+")
# C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]|\x1a(?!\Z)")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]|\x1a(?!\Z)")
# Every byte but those controls (Ctrl-Z included): deleting these from a file leaves only its
# control bytes, a quick test in C before the regular expression says where the first one is.
_TEXT_BYTES = bytes(code for code in range(256) if not (code < 0x20 or code == 0x7F) or code in b"\t\n\v\f\r")
_SEP_HINT = re.compile(r"sep=(.)", re.IGNORECASE)

# Bytes that Windows-1252 leaves undefined: no text encoding we read produces them.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


class _Undecodable(Exception):
    """A byte that is neither UTF-8 nor Windows-1252, at this offset."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as Windows-1252, one by one.

    Spreadsheets re-save exports in Windows-1252, and hand-edited files mix the two; reading each
    invalid byte as Windows-1252 gets both right.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    for index, byte in enumerate(chunk):
        if byte in _CP1252_UNDEFINED:
            raise _Undecodable(error.start + index)
    return bytes(chunk).decode("cp1252"), error.end


codecs.register_error("orchardist-cp1252", _cp1252_fallback)


def _line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based physical line holding byte ``offset`` (CR, LF and CRLF all end a line)."""
    return data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset) - data.count(b"\r\n", 0, offset) + 1


def _utf16_encoding(data: bytes) -> str | None:
    """``utf-16`` for a file with a UTF-16 byte-order mark or the zero bytes of UTF-16 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) >= 4 and data[0] and not data[1] and data[2] and not data[3]:
        return "utf-16-le"
    if len(data) >= 4 and not data[0] and data[1] and not data[2] and data[3]:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode an export to text, or raise FormatError naming the line of a byte that is not text."""
    encoding = _utf16_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
            raise FormatError(
                f"the file starts as UTF-16 text but {error.reason} at byte {error.start:,}", line=line
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8", errors="orchardist-cp1252")
    except _Undecodable as error:
        raise FormatError(
            f"byte 0x{data[error.offset]:02X} is not text in UTF-8 or Windows-1252: "
            "this is a binary file or a damaged export, not a CSV contacts export",
            line=_line_of_offset(data, error.offset),
        ) from None


def _decode_head(data: bytes) -> str:
    """The start of the file as text, for sniffing; never raises."""
    head = data[:_HEAD_BYTES]
    encoding = _utf16_encoding(head)
    if encoding is not None:
        return head[: len(head) & ~1].decode(encoding, errors="replace")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    # A character cut at the end of the slice decodes as junk after the lines sniffing reads.
    try:
        return head.decode("utf-8", errors="orchardist-cp1252")
    except _Undecodable:
        return head.decode("utf-8", errors="replace")


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR (old Mac exports) become LF, so every physical line ends in ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_text(text: str, *, binary_checked: bool = False) -> None:
    """Refuse text with a line over ``MAX_LINE_CHARS`` or with binary data, naming the line.

    ``text`` has LF line ends. The length cap keeps a damaged or hostile file from tying up the
    importer; no real contacts export has a line anywhere near that long. ``binary_checked`` says
    the bytes were already searched for binary data.
    """
    if len(text) > MAX_LINE_CHARS:
        lines = text.split("\n")
        longest = max(lines, key=len)
        if len(longest) > MAX_LINE_CHARS:
            number = lines.index(longest) + 1
            raise FormatError(
                f"the line is {len(longest):,} characters long; a contacts export has no line that long",
                line=number,
            )
    if binary_checked:
        return
    binary = _BINARY.search(text)
    if binary is not None:
        raise _binary_error(ord(binary.group()), text.count("\n", 0, binary.start()) + 1)


def _binary_error(code: int, line: int) -> FormatError:
    return FormatError(
        f"the file holds binary data (control character 0x{code:02X}) here, not text: "
        "it is not a CSV contacts export or it is damaged",
        line=line,
    )


def header_key(name: str) -> str:
    """How header names are compared: case-blind, spaces collapsed, outer quotes and BOM removed.

    ``lower`` rather than ``casefold``: casefolding turns German "Straße" into "strasse".
    """
    return _SPACES.sub(" ", name.replace("\ufeff", "").strip().strip('"').strip()).lower()


def detect_delimiter(line: str) -> str | None:
    """The delimiter used in ``line`` (``,``, ``;`` or tab), counting only outside quotes."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else None


def _parse_line(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def split_header_line(line: str) -> tuple[str, list[str]]:
    """Split one physical line into ``(delimiter, cells)``, unwrapping a line quoted as a whole.

    Spreadsheets sometimes write a whole row as one quoted value (``"First Name,Last Name,..."``).
    """
    delimiter = detect_delimiter(line)
    cells = _parse_line(line, delimiter or ",")
    if len(cells) == 1:
        inner_delimiter = detect_delimiter(cells[0])
        if inner_delimiter is not None:
            return inner_delimiter, _parse_line(cells[0], inner_delimiter)
    return delimiter or ",", cells


@dataclass(frozen=True, slots=True)
class Header:
    """The header row: names as written, their comparison keys, where it is and its delimiter.

    ``keys`` has one entry per column; a name that appears twice gets ``" #2"`` appended to its
    second key (French Outlook has two ``Titre`` columns: courtesy title, then job title).
    """

    names: tuple[str, ...]
    keys: tuple[str, ...]
    line: int
    delimiter: str

    @property
    def key_set(self) -> frozenset[str]:
        return frozenset(key for key in self.keys if key)


def make_header(cells: list[str], line: int, delimiter: str) -> Header:
    """Build a Header from the cells of a header row."""
    names = tuple(cell.replace("\ufeff", "").strip() for cell in cells)
    keys: list[str] = []
    seen: dict[str, int] = {}
    for name in names:
        key = header_key(name)
        if key:
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key = f"{key} #{seen[key]}"
        keys.append(key)
    return Header(names=names, keys=tuple(keys), line=line, delimiter=delimiter)


HeaderTest = Callable[[frozenset[str]], bool]


def find_header(text: str, recognise: HeaderTest) -> tuple[Header, int] | None:
    """The first line among the first ``MAX_PREAMBLE_LINES`` that ``recognise`` accepts as a header.

    Returns the header and the character offset where the records after it begin. A first line
    ``sep=;`` (Excel's delimiter hint) is honoured.
    """
    offset = 0
    forced: str | None = None
    for number in range(1, MAX_PREAMBLE_LINES + 1):
        if offset >= len(text):
            return None
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        line = text[offset:end]
        offset = end + 1
        if number == 1:
            hint = _SEP_HINT.fullmatch(line.strip())
            if hint is not None:
                forced = hint.group(1)
                continue
        if not line.strip():
            continue
        if forced is not None:
            delimiter, cells = forced, _parse_line(line, forced)
            if len(cells) == 1 and forced in cells[0]:
                cells = _parse_line(cells[0], forced)
        else:
            delimiter, cells = split_header_line(line)
        header = make_header(cells, number, delimiter)
        if recognise(header.key_set):
            return header, min(offset, len(text))
    return None


def first_line(text: str) -> str:
    """The first non-blank line of ``text``, shortened for an error message."""
    for line in text.split("\n", MAX_PREAMBLE_LINES)[:MAX_PREAMBLE_LINES]:
        if line.strip():
            return line.strip()[:120]
    return ""


class Row(NamedTuple):
    """One record: values by header key, the physical line it starts on, and any problem with it.

    A named tuple rather than a frozen dataclass: it is built once per row of large files.
    """

    line: int
    values: Mapping[str, str]
    problem: str | None = None

    def get(self, key: str, *more: str) -> str:
        """The value under header key ``key`` (or the first non-empty one among ``more``), stripped."""
        value = self.values.get(key)
        value = value.strip() if value else ""
        if value or not more:
            return value
        return self.get(*more)


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV export: its header and an iterator over its non-blank records."""

    header: Header
    rows: Iterator[Row]


def _rows(text: str, header: Header, start: int) -> Iterator[Row]:
    keys = header.keys
    width = len(keys)
    delimiter = header.delimiter
    reader = csv.reader(io.StringIO(text[start:]), delimiter=delimiter)
    total_lines = text.count("\n", start) + (0 if text.endswith("\n") else 1)
    consumed = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FormatError(f"the CSV is malformed: {error}", line=header.line + consumed + 1) from None
        first = consumed + 1
        consumed = reader.line_num
        line = header.line + first
        if consumed >= total_lines and consumed > first:
            _check_closed(text, start, first, line)
        if len(cells) == 1 and width > 1 and delimiter in cells[0]:
            # A whole row wrapped in quotes by a spreadsheet.
            cells = _parse_line(cells[0], delimiter)
        if not "".join(cells).strip():
            continue
        if len(cells) == 1 and width >= 3 and _FOREIGN_LINE.match(cells[0]):
            # A vCard, JSON or XML line where a row should be: the file is part something else.
            shown = cells[0].strip()[:40]
            raise FormatError(
                f"{shown!r} has no {_delimiter_name(delimiter)} separators, so it is not a row of this CSV "
                "(is the file part CSV and part something else?)",
                line=line,
            )
        problem = None
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            problem = (
                f"the row has {len(cells)} values but the header has {width} columns, "
                "so its values cannot be matched to columns (an unquoted delimiter in a value?)"
            )
        else:
            problem = _formula_problem(cells, header.names)
        yield Row(line, dict(zip(keys, cells, strict=False)), problem)


# A spreadsheet formula or DDE command hidden in a cell: "=HYPERLINK(…)", "+cmd|' /C calc'!A0",
# "@SUM(…)". A leading "=" never starts a name, employer or title; after "+", "-" or "@" only a
# function call or a pipe is taken as one, so "+1 555 0100" and "-- retired --" stay data.
_FORMULA = re.compile(r"\s*(?:=|[+\-@]\s*(?:[A-Za-z_][A-Za-z0-9_.]*\(|[^|]*\|))")


def _formula_problem(cells: list[str], names: tuple[str, ...]) -> str | None:
    for index, cell in enumerate(cells):
        if cell and cell.lstrip()[:1] in "=+-@" and _FORMULA.match(cell):
            column = names[index] if index < len(names) else f"column {index + 1}"
            shown = cell.strip() if len(cell.strip()) <= 40 else cell.strip()[:39] + "…"
            return f"the {column!r} cell holds a spreadsheet formula ({shown}), so the row was not imported"
    return None


_FOREIGN_LINE = re.compile(r"\s*(?:[A-Za-z][A-Za-z0-9.-]*(?:;[^:]*)?:|[{\[<])")


def _delimiter_name(delimiter: str) -> str:
    return {"\t": "tab", ",": "','", ";": "';'"}.get(delimiter, repr(delimiter))


def _check_closed(text: str, start: int, first: int, line: int) -> None:
    """Refuse a last record that runs to the end of the file because a quote was never closed.

    Without this, one stray quote silently turns every following row into a single value.
    """
    offset = start
    for _ in range(first - 1):
        offset = text.index("\n", offset) + 1
    if text.count('"', offset) % 2:
        raise FormatError(
            "a quoted value opened on this line is never closed, so the rest of the file would be "
            "read as one value",
            line=line,
        )


def prepare_text(data: bytes) -> str:
    """Decode, make line ends uniform and check: the text every CSV importer reads."""
    utf16 = _utf16_encoding(data) is not None
    if not utf16 and data.translate(None, _TEXT_BYTES):
        # Binary data is looked for before decoding, so the first binary line is the one named.
        binary = _BINARY_BYTES.search(data)
        if binary is not None:
            raise _binary_error(binary.group()[0], _line_of_offset(data, binary.start()))
    text = normalise_line_ends(decode(data))
    # Ctrl-Z marked the end of file on DOS; some old exports still end with it.
    text = text.rstrip("\x1a")
    # Vertical tabs and form feeds stand for line breaks inside values in some exports.
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", " ").replace("\x0c", " ")
    check_text(text, binary_checked=not utf16)
    return text


def read_table(data: bytes, recognise: HeaderTest, *, expected: str) -> Table:
    """Read an export whose header row ``recognise`` accepts; ``expected`` describes it for errors.

    Raises FormatError for an empty file, an undecodable byte, an overlong line, binary data, or
    when no header row is recognised in the first lines (the message says what was expected and
    what the file starts with).
    """
    if not data.strip():
        raise FormatError("the file is empty")
    text = prepare_text(data)
    if not text.strip():
        raise FormatError("the file is empty")
    found = find_header(text, recognise)
    if found is None:
        raise FormatError(
            f"no header row of {expected} was found in the first {MAX_PREAMBLE_LINES} lines; "
            f"the file starts with: {first_line(text)!r}"
        )
    header, start = found
    return Table(header=header, rows=_rows(text, header, start))


def sniff_header(data: bytes, recognise: HeaderTest) -> bool:
    """Whether a header row that ``recognise`` accepts is among the first lines of ``data``."""
    if not data.strip():
        return False
    text = normalise_line_ends(_decode_head(data))
    return find_header(text, recognise) is not None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an import builds its people.

    A large import creates tens of thousands of dicts and dataclasses that all survive, and every
    automatic collection walks all of them again: about a quarter of a 30,000-row import's time.
    Nothing built here forms reference cycles. The collector is re-enabled only if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# The shape of nearly every profile URL in an export; anything else goes through matching's parser.
_PLAIN_LINKEDIN_URL = re.compile(
    r"https?://(?:www\.|[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[^/?#\s]", re.IGNORECASE
)


def is_profile_url(url: str) -> bool:
    """``matching.is_linkedin_url``, with a fast answer for the usual ``https://www.linkedin.com/in/...``."""
    return bool(_PLAIN_LINKEDIN_URL.match(url)) or is_linkedin_url(url)


def person_with_sources(source: str, display_name: str, **fields: object) -> Person:
    """A Person built with ``source`` recorded for each field it fills.

    Equal to ``people.with_sources(Person(...), source)``, built in one step: replacing a
    26-field dataclass for each of 30,000 rows is a third of a large import's time. Pass only
    fields that hold something; empty values are left out of the sources.
    """
    # Every field value here is a string, a tuple or None, so falsy means empty.
    filled = {name: value for name, value in fields.items() if value}
    origin = (source,)
    sources = dict.fromkeys(("display_name", *filled) if display_name else filled, origin)
    return Person(display_name=display_name, sources=sources, **filled)  # type: ignore[arg-type]


def split_multi(value: str, separator: str) -> list[str]:
    """Split a multi-value cell (``a ::: b``), dropping empty parts."""
    return [part.strip() for part in value.split(separator) if part.strip()]


def unique(values: list[str]) -> tuple[str, ...]:
    """``values`` without repeats, in first-seen order."""
    return tuple(dict.fromkeys(value for value in values if value))


_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "jan january janv janvier jän jänner",
        "feb february fév févr février feb februar",
        "mar march mars mär märz mrz",
        "apr april avr avril",
        "may mai",
        "jun june juin juni",
        "jul july juil juillet juli",
        "aug august aoû août",
        "sep sept september septembre",
        "oct october okt oktober",
        "nov november novembre",
        "dec december déc décembre dez dezember",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?")
_NUMERIC_DATE = re.compile(
    r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s\-/.]+([^\W\d_]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")


@dataclass(frozen=True, slots=True)
class DayMonthYear:
    """A calendar date read from text, not yet checked (a partial date validates itself)."""

    year: int
    month: int
    day: int


def _full_year(year: str, pivot: int) -> int:
    """Four digits as given; two digits are 20YY up to ``pivot``, 19YY after it."""
    value = int(year)
    if len(year) > 2:
        return value
    return 2000 + value if value <= pivot else 1900 + value


@lru_cache(maxsize=4096)
def read_date(text: str, *, day_first: bool = False, pivot: int = 99) -> DayMonthYear | None:
    """Read the dates contact exports write; ``None`` when ``text`` is not one of them.

    Accepts ISO ``2021-06-11``; ``11 Jun 2021``, ``29-Mar-21``, ``Jun 11, 2021`` (English, French
    and German month names); numeric ``6/11/2021``, ``1/8/18, 6:14 PM``, ``11.06.2021``. Numeric
    dates are month first unless ``day_first`` (or the first number is over 12, or dots separate
    them, as German writes). Cached: an export repeats the same dates many times.
    """
    text = text.strip()
    if not text:
        return None
    match = _ISO_DATE.fullmatch(text)
    if match is not None:
        return DayMonthYear(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _NUMERIC_DATE.fullmatch(text)
    if match is not None:
        first, separator, second, year = match.groups()
        a, b = int(first), int(second)
        if day_first or separator == "." or a > 12:
            a, b = b, a
        return DayMonthYear(_full_year(year, pivot), a, b)
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is not None:
        month = _MONTHS.get(match.group(2).casefold())
        if month is None:
            return None
        return DayMonthYear(_full_year(match.group(3), pivot), month, int(match.group(1)))
    match = _MONTH_DAY_YEAR.fullmatch(text)
    if match is not None:
        month = _MONTHS.get(match.group(1).casefold())
        if month is None:
            return None
        return DayMonthYear(int(match.group(3)), month, int(match.group(2)))
    return None
