"""Build export files for tests on the real headers in the shared corpus (rows are our own)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path


def linkedin_2024(corpus: Path, rows: Sequence[Sequence[str]]) -> bytes:
    """A 2024+ ``Connections.csv``: LinkedIn's own preamble and header, then ``rows``.

    Each row is ``(first, last, url, email, company, position, connected_on)``.
    """
    head = (corpus / "csv-headers" / "linkedin_Connections_2024_preamble_and_header.csv").read_bytes()
    body = io.StringIO()
    csv.writer(body, lineterminator="\n").writerows(rows)
    return head.rstrip(b"\n") + b"\n" + body.getvalue().encode("utf-8")


def vcard(*cards: dict[str, str]) -> bytes:
    """A vCard 3.0 file with one card per mapping of property name to value."""
    lines = []
    for card in cards:
        lines += [
            "BEGIN:VCARD",
            "VERSION:3.0",
            *(f"{name}:{value}" for name, value in card.items()),
            "END:VCARD",
        ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
