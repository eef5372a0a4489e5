"""The one table of formats: name to module, imported lazily so start-up stays fast.

An importer module defines ``sniff(data: bytes) -> bool`` (does this content look like mine?) and
``parse(data: bytes, source: str) -> ParseResult``. An exporter module defines
``export(snapshot: NetworkSnapshot) -> bytes``. ``source`` is the label recorded as each field's
source; ``parse`` below makes it ``"format:file name"``, such as ``"linkedin:Connections.csv"``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import cast

from orchardist.formats.base import FormatError, NetworkSnapshot, ParseResult

# Detection order matters: unambiguous signatures first, CSV dialects by their header last.
IMPORTERS: dict[str, str] = {
    "json": "orchardist.formats.json_backup",
    "vcard": "orchardist.formats.vcard",
    "linkedin": "orchardist.formats.linkedin",
    "google": "orchardist.formats.google_csv",
    "outlook": "orchardist.formats.outlook_csv",
}

EXPORTERS: dict[str, str] = {
    "vcard": "orchardist.formats.vcard",
    "csv": "orchardist.formats.csv_export",
    "json": "orchardist.formats.json_backup",
}

# Media type and neutral file name per export format: names never carry people or employers.
EXPORT_FILES: dict[str, tuple[str, str]] = {
    "vcard": ("text/vcard", "contacts.vcf"),
    "csv": ("text/csv", "contacts.csv"),
    "json": ("application/json", "orchardist-backup.json"),
}


def _importer(name: str) -> ModuleType:
    try:
        return importlib.import_module(IMPORTERS[name])
    except KeyError:
        raise FormatError(f"unknown format {name!r}; known: {', '.join(IMPORTERS)}") from None


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
    if not data.strip():
        raise FormatError("the file is empty")
    if b"\x00" in data[:4096] and not _looks_like_utf16(data[:4096]):
        raise FormatError("this is a binary file, not a contacts export (CSV, vCard or JSON backup)")
    for name in IMPORTERS:
        sniff = cast(Callable[[bytes], bool], _importer(name).sniff)
        if sniff(data):
            return name
    raise FormatError(
        "the format was not recognised: expected a LinkedIn, Google or Outlook CSV export, "
        "a vCard file or an Orchardist JSON backup"
    )


def parse(data: bytes, file_name: str, fmt: str = "auto") -> ParseResult:
    """Parse ``data`` in this process (callers wanting a sandbox use ``formats.sandbox``).

    Each field read is labelled with the source ``format:file name``, e.g. ``linkedin:Connections.csv``.
    """
    name = detect(data) if fmt == "auto" else fmt
    parse_fn = cast(Callable[[bytes, str], ParseResult], _importer(name).parse)
    return parse_fn(data, f"{name}:{file_name}")


def export(fmt: str, snapshot: NetworkSnapshot) -> bytes:
    """Write ``snapshot`` in export format ``fmt``."""
    try:
        module = importlib.import_module(EXPORTERS[fmt])
    except KeyError:
        raise FormatError(f"unknown export format {fmt!r}; known: {', '.join(EXPORTERS)}") from None
    export_fn = cast(Callable[[NetworkSnapshot], bytes], module.export)
    return export_fn(snapshot)
