"""The one table of formats: each format's name, how it is named to people, and the module that reads or
writes it, imported only when used so start-up stays fast.

A reader module defines ``sniff(data: bytes) -> bool`` (does this content look like mine?) and
``parse(data: bytes, source: str) -> ParseResult``. A writer module defines
``export(snapshot: NetworkSnapshot) -> bytes``. ``source`` is the label recorded as each field's
source; ``parse`` below makes it ``"format:file name"``, such as ``"linkedin:Connections.csv"``.

The CLI's ``--format``, the API and the web forms take a format's ``name``; their choices, labels and
file names come from here rather than being spelled again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType
from typing import TYPE_CHECKING, cast

from orchardist.domain.messages import N_, Wording
from orchardist.formats.messages import (
    AT_PATH,
    BINARY_FILE,
    EMPTY_FILE,
    IN_FIELD,
    NO_EXPORT_VERSION,
    NOT_A_DOWNLOAD,
    NOT_RECOGNISED,
    UNKNOWN_EXPORT_FORMAT,
    UNKNOWN_EXPORT_VERSION,
    UNKNOWN_FORMAT,
)

if TYPE_CHECKING:
    from orchardist.domain.limits import Problem
    from orchardist.formats.base import NetworkSnapshot, ParsedPerson, ParseResult, Skipped

# The table is read by every command's --help (the CLI's choices): what reads and checks files is
# imported by the functions that do it, so listing the formats stays light.

VCARD_VERSIONS = ("3.0", "4.0")
"""The vCard versions Orchardist writes (RFC 2426 and RFC 6350), the first by default."""


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """One file format Orchardist reads, writes or both, and how it is named to people.

    ``title`` names a file read in it (a report's "read as LinkedIn connections"); ``label`` is how
    a chooser offers it. Both, and ``purpose``, are English templates to translate where shown.
    """

    name: str
    title: str
    label: str
    module: str
    reads: bool
    writes: bool
    media_type: str = ""
    # Neutral: a file name never carries a person's name, an employer or a search; ``{day}`` is the
    # day it is written (``file_name_on``).
    file_name: str = ""
    purpose: str = ""
    heading: str = ""  # exporters: how the Export page titles the download
    about: tuple[str, ...] = ()  # exporters: what the Export page says of it, a paragraph each
    # A backup restores exactly what it holds: a record the shared limits refuse refuses the whole file
    # (naming where), where other formats pass that record over and say why.
    exact: bool = False
    # The versions of the format it writes, the first by default (vCard's 3.0 and 4.0): offered by
    # ``export --vcard-version``, the API's ``version`` and the Export page.
    versions: tuple[str, ...] = ()
    # Written as a folder of files (a vdir) rather than one file: from the command line only.
    folder: bool = False

    def file_name_on(self, day: date) -> str:
        """The name of a file of this format written on ``day``, such as ``orchardist-2026-12-06.vcf``."""
        return self.file_name.format(day=day.isoformat())

    def version(self, asked: str | None) -> str | None:
        """The version to write: ``asked``, or the default; FormatError for one not written, or for
        asking one of a format that has none."""
        from orchardist.formats.base import FormatError

        if not self.versions:
            if asked is None:
                return None
            known = tuple(spec.name for spec in FORMATS if spec.versions)
            raise FormatError(NO_EXPORT_VERSION(format=self.name, known=known))
        if asked is None:
            return self.versions[0]
        if asked not in self.versions:
            raise FormatError(
                UNKNOWN_EXPORT_VERSION(format=self.name, version=repr(asked), known=self.versions)
            )
        return asked

    def load(self) -> ModuleType:
        """The module that reads or writes this format (imported on first use)."""
        return importlib.import_module(self.module)


FORMATS: tuple[FormatSpec, ...] = (
    # Readers are tried in this order: unambiguous signatures first (a backup starts with "{", a vCard
    # with BEGIN:VCARD), then the CSV dialects by their header row. CSV is only written.
    FormatSpec(
        name="json",
        title=N_("Orchardist JSON backup"),
        label=N_("Orchardist JSON backup"),
        module="orchardist.formats.json_backup",
        reads=True,
        writes=True,
        media_type="application/json",
        file_name="orchardist-backup-{day}.json",
        purpose=N_("a full backup"),
        exact=True,
        heading=N_("JSON, a full backup"),
        about=(
            N_(
                "Everything: people, every field and where it came from, who introduced whom, every "
                "interaction, your offers, the reconnect list, snoozes and settings. Orchardist restores it "
                "exactly on any computer and any database, with the form below."
            ),
        ),
    ),
    FormatSpec(
        name="vcard",
        title=N_("vCard"),
        label=N_("vCard (.vcf)"),
        module="orchardist.formats.vcard",
        reads=True,
        writes=True,
        media_type="text/vcard",
        file_name="orchardist-{day}.vcf",
        purpose=N_("for address books"),
        heading=N_("vCard, for address books"),
        about=(
            N_(
                "Opens in your phone's contacts, Apple Contacts, Outlook, Thunderbird or Google Contacts. "
                "Names, e-mails, phones, organisations, birthdays, tags and notes go in; Orchardist's own "
                "fields travel along so Orchardist can read them back."
            ),
            N_(
                "Each card keeps the same UID from one export to the next, so an address book updates "
                "the people it has rather than adding them again. Version 3.0 suits most address books; "
                "choose 4.0 for those that ask for it."
            ),
        ),
        versions=VCARD_VERSIONS,
    ),
    FormatSpec(
        name="vdir",
        title=N_("vdir"),
        label=N_("vdir (a folder of .vcf files)"),
        module="orchardist.formats.vdir",
        reads=False,
        writes=True,
        media_type="text/vcard",
        purpose=N_("a folder with one vCard per person, for khard, vdirsyncer and CardDAV sync"),
        versions=VCARD_VERSIONS,
        folder=True,
    ),
    FormatSpec(
        name="linkedin",
        title=N_("LinkedIn connections"),
        label=N_("LinkedIn connections (Connections.csv)"),
        module="orchardist.formats.linkedin",
        reads=True,
        writes=False,
    ),
    FormatSpec(
        name="google",
        title=N_("Google Contacts CSV"),
        label=N_("Google Contacts CSV"),
        module="orchardist.formats.google_csv",
        reads=True,
        writes=False,
    ),
    FormatSpec(
        name="outlook",
        title=N_("Outlook CSV"),
        label=N_("Outlook CSV"),
        module="orchardist.formats.outlook_csv",
        reads=True,
        writes=False,
    ),
    FormatSpec(
        name="csv",
        title=N_("CSV"),
        label=N_("CSV (.csv)"),
        module="orchardist.formats.csv_export",
        reads=False,
        writes=True,
        media_type="text/csv",
        file_name="orchardist-{day}.csv",
        purpose=N_("for spreadsheets (formula-safe)"),
        heading=N_("CSV, for spreadsheets"),
        about=(
            N_(
                "One row per person, for reading, sorting and printing in Excel, LibreOffice or Google "
                "Sheets. To bring your network back into Orchardist, use the JSON backup instead."
            ),
            N_(
                "Formula-safe: a cell that starts with =, +, - or @ could run as a formula when the file "
                "is opened, so Orchardist puts an apostrophe in front of it. You will see it before some "
                "phone numbers, such as '+1 555 010 2345."
            ),
        ),
    ),
)


def downloads() -> tuple[FormatSpec, ...]:
    """The formats written as one file, which the Export page and the API hand out."""
    return tuple(candidate for candidate in FORMATS if candidate.writes and not candidate.folder)


def versions() -> tuple[str, ...]:
    """Every version any export format writes, for ``--vcard-version`` and the API's choices."""
    found: list[str] = []
    for candidate in exporters():
        found.extend(version for version in candidate.versions if version not in found)
    return tuple(found)


def importers() -> tuple[FormatSpec, ...]:
    """The formats Orchardist reads, in the order detection tries them."""
    return tuple(candidate for candidate in FORMATS if candidate.reads)


def exporters() -> tuple[FormatSpec, ...]:
    """The formats Orchardist writes, in the table's order."""
    return tuple(candidate for candidate in FORMATS if candidate.writes)


def spec(name: str) -> FormatSpec:
    """The format called ``name``; FormatError naming the known ones when there is none."""
    return _find(name, FORMATS, UNKNOWN_FORMAT)


def importer(name: str) -> FormatSpec:
    """The format called ``name`` when Orchardist reads it; FormatError naming the readable ones if not."""
    return _find(name, importers(), UNKNOWN_FORMAT)


def exporter(name: str) -> FormatSpec:
    """The format called ``name`` when Orchardist writes it; FormatError naming the writable ones if not."""
    return _find(name, exporters(), UNKNOWN_EXPORT_FORMAT)


def _find(name: str, among: tuple[FormatSpec, ...], unknown: Wording) -> FormatSpec:
    from orchardist.formats.base import FormatError

    for candidate in among:
        if candidate.name == name:
            return candidate
    raise FormatError(unknown(name=repr(name), known=tuple(candidate.name for candidate in among)))


def _looks_like_utf16(head: bytes) -> bool:
    """A UTF-16 text (Google's legacy CSV), with or without a byte-order mark, not binary data."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    even, odd = head[0::2], head[1::2]
    # Latin text in UTF-16 has a zero in every other byte, and only there.
    return (odd.count(0) >= len(odd) * 0.9 and even.count(0) == 0) or (
        even.count(0) >= len(even) * 0.9 and odd.count(0) == 0
    )


def detect(data: bytes) -> str:
    """Name the format of ``data`` from its content, or raise FormatError saying why not."""
    from orchardist.formats.base import FormatError

    if not data.strip():
        raise FormatError(EMPTY_FILE())
    if b"\x00" in data[:4096] and not _looks_like_utf16(data[:4096]):
        raise FormatError(BINARY_FILE())
    for candidate in importers():
        sniff = cast(Callable[[bytes], bool], candidate.load().sniff)
        if sniff(data):
            return candidate.name
    raise FormatError(NOT_RECOGNISED())


def parse(
    data: bytes,
    file_name: str,
    fmt: str = "auto",
    *,
    stream: Callable[[list[ParsedPerson]], None] | None = None,
) -> ParseResult:
    """Parse ``data`` in this process (callers wanting a sandbox use ``formats.sandbox``).

    Each field read is labelled with the source ``format:file name``, e.g. ``linkedin:Connections.csv``.

    With ``stream``, a format that reads row by row hands over its people as it goes
    (``base.streaming_people``): ``stream`` gets each batch once it is within the limits, and the result
    holds only the people read after the last batch. The people, and what was skipped, are the same
    and in the same order as without it.
    """
    from orchardist.formats.base import streaming_people

    reader = importer(detect(data) if fmt == "auto" else fmt)
    parse_fn = cast("Callable[[bytes, str], ParseResult]", reader.load().parse)
    source = f"{reader.name}:{file_name}"
    if stream is None:
        return within_limits(parse_fn(data, source), exact=reader.exact)
    checked = _PeopleWithinLimits(reader.exact)
    with streaming_people(lambda people: stream(checked(people))):
        result = parse_fn(data, source)
    result.skipped.extend(checked.skipped)  # after what the format skipped, as without streaming
    return within_limits(result, exact=reader.exact, first=checked.position)


class _PeopleWithinLimits:
    """Keeps, of each batch of people, those within the limits (``within_limits``'s first part), counting
    positions across batches and gathering the others as skipped."""

    def __init__(self, exact: bool) -> None:
        from orchardist.domain.limits import person_checker

        self.exact = exact
        self.position = 0
        self.skipped: list[Skipped] = []
        self._problem = person_checker()

    def __call__(self, people: list[ParsedPerson]) -> list[ParsedPerson]:
        from orchardist.formats.base import FormatError, Skipped

        kept = []
        for position, item in enumerate(people, start=self.position):
            found = self._problem(item.person) or _moment_problem(item.created_at)
            if found is None:
                kept.append(item)
                continue
            field, problem = found
            if self.exact:
                raise FormatError(AT_PATH(path=f"people[{position}].{field}", reason=problem))
            self.skipped.append(Skipped(item.line, IN_FIELD(field=repr(field), reason=problem)))
        self.position += len(people)
        return kept


def within_limits(result: ParseResult, *, exact: bool, first: int = 0) -> ParseResult:
    """``result`` with only what the shared limits (``orchardist.domain.limits``) let the store hold,
    the same limits the forms, the CLI and the API apply.

    An ``exact`` format (a backup) is refused whole at the first record refused, naming where, as
    ``people[3].every_days`` (counted from ``first``, when the people before were streamed); other
    formats pass the record over and say which field and why.
    """
    from orchardist.domain.limits import (
        interaction_problem,
        offer_problem,
        organisation_problem,
        record_problem,
    )
    from orchardist.formats.base import FormatError

    checked = _PeopleWithinLimits(exact)
    checked.position = first
    result.people = checked(result.people)
    result.skipped.extend(checked.skipped)
    kept_interactions = []
    for position, parsed in enumerate(result.interactions):
        found = interaction_problem(parsed.interaction) or _moment_problem(parsed.created_at)
        if found is None:
            kept_interactions.append(parsed)
        elif exact:
            raise FormatError(AT_PATH(path=f"interactions[{position}].{found[0]}", reason=found[1]))
        else:
            result.skipped.append(Skipped(None, IN_FIELD(field=repr(found[0]), reason=found[1])))
    result.interactions = kept_interactions
    # Only a backup carries the rest, and a backup is refused whole.
    for kind, problems in (
        ("offers", [offer_problem(offer) for offer in result.offers]),
        ("organisations", [organisation_problem(organisation) for organisation in result.organisations]),
        *(
            (kind, [record_problem(item.record) for item in items])
            for kind, items in (
                ("reconnect", result.reconnect),
                ("snoozes", result.snoozes),
                ("dismissals", result.dismissals),
                ("job_changes", result.job_changes),
                ("reconnections", result.reconnections),
            )
        ),
    ):
        for position, found in enumerate(problems):
            if found is not None:
                raise FormatError(AT_PATH(path=f"{kind}[{position}].{found[0]}", reason=found[1]))
    return result


def _moment_problem(moment: datetime | None) -> Problem | None:
    from orchardist.domain.limits import moment_problem

    problem = None if moment is None else moment_problem(moment)
    return None if problem is None else ("created_at", problem)


def export(fmt: str, snapshot: NetworkSnapshot, version: str | None = None) -> bytes:
    """Write ``snapshot`` in export format ``fmt`` (of ``version`` when it has versions); FormatError
    for a folder format, or a version not written."""
    from orchardist.formats.base import FormatError

    written = exporter(fmt)
    if written.folder:
        raise FormatError(NOT_A_DOWNLOAD(format=fmt))
    chosen = written.version(version)
    if chosen is None:
        return cast("Callable[[NetworkSnapshot], bytes]", written.load().export)(snapshot)
    return cast("Callable[[NetworkSnapshot, str], bytes]", written.load().export)(snapshot, chosen)


def export_folder(fmt: str, snapshot: NetworkSnapshot, version: str | None = None) -> dict[str, bytes]:
    """Write ``snapshot`` in folder format ``fmt``: each file's content by its name."""
    written = exporter(fmt)
    if not written.folder:
        raise ValueError(f"{fmt} is written as one file")
    chosen = written.version(version)
    export_fn = cast(
        "Callable[[NetworkSnapshot, str | None], dict[str, bytes]]", written.load().export_folder
    )
    return export_fn(snapshot, chosen)
