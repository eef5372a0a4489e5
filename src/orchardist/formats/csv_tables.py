"""Reading contact CSV exports as tables: dialect, header row, and records with their line numbers.

Every CSV importer goes through ``read_table``: the text comes from ``csv_decoding``, the header row
is found after any preamble and its delimiter sniffed, and each record comes back keyed by header
name with the 1-based physical line it starts on. ``read_people`` then turns the records into
people, or into skipped rows with their reason.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

from orchardist.domain.messages import Message
from orchardist.domain.people import Person
from orchardist.formats.base import (
    FIRST_PEOPLE_CHUNK,
    PEOPLE_CHUNK,
    FormatError,
    ParsedPerson,
    ParseResult,
    Skipped,
    people_sink,
)
from orchardist.formats.csv_decoding import decode_head, normalise_line_ends, prepare_text
from orchardist.formats.messages import (
    CSV_MALFORMED,
    CSV_NOT_A_ROW,
    EMPTY_FILE,
    NO_HEADER,
    ROW_HOLDS_FORMULA,
    ROW_TOO_MANY_VALUES,
    TAB,
    UNCLOSED_QUOTE,
)

# How many lines a header row may be preceded by (LinkedIn's "Notes:" preamble is three).
MAX_PREAMBLE_LINES = 30

_DELIMITERS = (",", ";", "\t")
_SPACES = re.compile(r"\s+")
_SEP_HINT = re.compile(r"sep=(.)", re.IGNORECASE)


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
    problem: Message | None = None

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
            raise FormatError(CSV_MALFORMED(problem=str(error)), line=header.line + consumed + 1) from None
        first = consumed + 1
        consumed = reader.line_num
        line = header.line + first
        if consumed >= total_lines:
            _check_closed(text, start, consumed - first + 1, line, delimiter)
        if len(cells) == 1 and width > 1 and delimiter in cells[0]:
            # A whole row wrapped in quotes by a spreadsheet.
            cells = _parse_line(cells[0], delimiter)
        if not "".join(cells).strip():
            continue
        if len(cells) == 1 and width >= 3 and _FOREIGN_LINE.match(cells[0]):
            # A vCard, JSON or XML line where a row should be: the file is part something else.
            shown = cells[0].strip()[:40]
            raise FormatError(
                CSV_NOT_A_ROW(text=repr(shown), delimiter=_delimiter_name(delimiter)), line=line
            )
        problem = None
        if len(cells) > width and any(cell.strip() for cell in cells[width:]):
            problem = ROW_TOO_MANY_VALUES(values=len(cells), columns=width)
        else:
            problem = _formula_problem(cells, header.names)
        yield Row(line, dict(zip(keys, cells, strict=False)), problem)


# A spreadsheet formula or DDE command hidden in a cell: "=HYPERLINK(…)", "+cmd|' /C calc'!A0",
# "@SUM(…)". A leading "=" never starts a name, employer or title; after "+", "-" or "@" only a
# function call or a pipe is taken as one, so "+1 555 0100" and "-- retired --" stay data.
_FORMULA = re.compile(r"\s*(?:=|[+\-@]\s*(?:[A-Za-z_][A-Za-z0-9_.]*\(|[^|]*\|))")


def _formula_problem(cells: list[str], names: tuple[str, ...]) -> Message | None:
    # Only cells under a column name: a row reaches here with nothing but blanks beyond them.
    for name, cell in zip(names, cells, strict=False):
        if cell and cell.lstrip()[:1] in "=+-@" and _FORMULA.match(cell):
            shown = cell.strip() if len(cell.strip()) <= 40 else cell.strip()[:39] + "…"
            return ROW_HOLDS_FORMULA(column_name=repr(name), formula=shown)
    return None


_FOREIGN_LINE = re.compile(r"\s*(?:[A-Za-z][A-Za-z0-9.-]*(?:;[^:]*)?:|[{\[<])")


def _delimiter_name(delimiter: str) -> str | Message:
    return TAB() if delimiter == "\t" else repr(delimiter)


def _check_closed(text: str, start: int, lines: int, line: int, delimiter: str) -> None:
    """Refuse the last record (``lines`` lines long, ending the file) when it runs to the end of the file
    because a quote was never closed.

    Without this, one stray quote silently turns every following row, or the rest of the last one, into
    a single value. The csv module reads such a record to the end of the file without a word; read
    again strictly, it says it met the end of the data inside the quotes. (A quote inside a value that
    does not start with one, as in ``O"Brien``, is part of the value either way.) The record is found
    from the end of the file, so the check costs the same whatever the file's length.
    """
    offset = len(text) - 1 if text.endswith("\n") else len(text)
    for _ in range(lines):
        offset = text.rfind("\n", start, offset)
        if offset < 0:
            break
    offset = max(offset + 1, start)
    if '"' not in text[offset:]:
        return
    try:
        for _record in csv.reader(io.StringIO(text[offset:]), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        if "end of data" in str(error):
            raise FormatError(UNCLOSED_QUOTE(), line=line) from None


def read_table(data: bytes, recognise: HeaderTest, *, expected: Message) -> Table:
    """Read an export whose header row ``recognise`` accepts; ``expected`` describes it for errors.

    Raises FormatError for an empty file, an undecodable byte, an overlong line, binary data, or
    when no header row is recognised in the first lines (the message says what was expected and
    what the file starts with).
    """
    if not data.strip():
        raise FormatError(EMPTY_FILE())
    text = prepare_text(data)
    if not text.strip():
        raise FormatError(EMPTY_FILE())
    found = find_header(text, recognise)
    if found is None:
        opening = repr(first_line(text))
        raise FormatError(NO_HEADER(expected=expected, lines=MAX_PREAMBLE_LINES, start=opening))
    header, start = found
    return Table(header=header, rows=_rows(text, header, start))


def sniff_header(data: bytes, recognise: HeaderTest) -> bool:
    """Whether a header row that ``recognise`` accepts is among the first lines of ``data``."""
    if not data.strip():
        return False
    text = normalise_line_ends(decode_head(data))
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


PersonOfRow = Callable[[Row], Person | Message]
"""A format's reading of one row: the person in it, or the reason the row is skipped."""


def read_people(table: Table, format_name: str, person_of: PersonOfRow) -> ParseResult:
    """Every row of ``table`` as a person or a skipped row (with its line and why), in file order.

    A row with a problem of its own (too many values, a formula) is skipped without being read.
    """
    result = ParseResult(format=format_name)
    sink = people_sink()
    chunk = FIRST_PEOPLE_CHUNK
    with collector_paused():
        for row in table.rows:
            if row.problem is not None:
                result.skipped.append(Skipped(row.line, row.problem))
                continue
            outcome = person_of(row)
            if isinstance(outcome, Message):
                result.skipped.append(Skipped(row.line, outcome))
            else:
                result.people.append(ParsedPerson(outcome, line=row.line))
                if sink is not None and len(result.people) >= chunk:
                    sink(result.people)
                    result.people = []
                    chunk = min(2 * chunk, PEOPLE_CHUNK)
    return result
