"""Writing rows as they come: an aligned text table and a JSON array (an item a line), a page at a time.

``people list`` on 30,000 people would otherwise build the whole table (or the whole JSON document) in
memory before writing its first line. Columns take their widths from the first page, within a cap;
a longer value later is cut with "…", so the columns stay aligned all the way down.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import click

GAP = "  "


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (East Asian) characters two, combining marks none."""
    width = 0
    for character in text:
        if unicodedata.combining(character):
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


def fitted(text: str, width: int) -> str:
    """``text`` padded to ``width`` cells, or cut to it with "…" when longer."""
    text = " ".join(text.split())  # a line break in a value would break the row
    taken = cells(text)
    if taken <= width:
        return text + " " * (width - taken)
    kept, used = [], 0
    for character in text:
        size = cells(character)
        if used + size > width - 1:
            break
        kept.append(character)
        used += size
    return "".join(kept) + "…" + " " * (width - 1 - used)


def write_table(headers: Sequence[str], pages: Iterable[Sequence[Sequence[str]]], caps: Sequence[int]) -> int:
    """Write the rows of each page under ``headers``, aligned; each column at most its cap in cells.
    Returns how many rows were written."""
    widths: list[int] | None = None
    written = 0
    for rows in pages:
        if not rows:
            continue
        if widths is None:
            widths = [
                min(cap, max(cells(header), *(cells(" ".join(row[index].split())) for row in rows)))
                for index, (header, cap) in enumerate(zip(headers, caps, strict=True))
            ]
            click.echo(_line(headers, widths))
        click.echo("\n".join(_line(row, widths) for row in rows))
        written += len(rows)
    return written


def _line(values: Sequence[str], widths: Sequence[int]) -> str:
    return GAP.join(fitted(value, width) for value, width in zip(values, widths, strict=True)).rstrip()


def write_json_array(pages: Iterable[Sequence[Any]]) -> None:
    """Write the items of each page as one JSON array, an item a line (``[``, then each item, then
    ``]``): as quick to write as JSON gets (an indented document takes the slow, pure-Python encoder:
    twenty times longer at 30,000 people), and as easy to read line by line or to search."""
    write_json_lines([json.dumps(item, ensure_ascii=False) for item in items] for items in pages)


def write_json_lines(pages: Iterable[Sequence[str]]) -> None:
    """``write_json_array`` of items already written as JSON, one text each (on one line)."""
    first = True
    for items in pages:
        if not items:
            continue
        click.echo(("[\n" if first else ",\n") + ",\n".join(items), nl=False)
        first = False
    click.echo("[]" if first else "\n]")
