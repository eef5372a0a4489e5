"""A format that reads row by row hands its people over in batches while it reads on: the same people
and the same skipped rows, in the same order, as when it keeps them all; a file refused after some
were handed over is still refused whole."""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import Any

import pytest

from orchardist.formats import registry, sandbox
from orchardist.formats.base import FIRST_PEOPLE_CHUNK, PEOPLE_CHUNK, FormatError, ParsedPerson
from orchardist.formats.sandbox import parse_in_sandbox
from tests.exports import linkedin_2024

_URL = "https://www.linkedin.com/in/"


def connections(count: int) -> list[tuple[str, ...]]:
    """``count`` rows with rows the format skips (a formula, no name) and rows the limits refuse (a
    title over 500 characters) spread before, between and after the batches."""
    rows = [
        (f"Given{n}", f"Family{n}", f"{_URL}p{n}", "", f"Org {n % 7}", "Role", "1 Jan 2026")
        for n in range(count)
    ]
    for at in (5, PEOPLE_CHUNK + 500):
        rows[at] = ("=HYPERLINK(1)", "X", f"{_URL}f{at}", "", "Org", "Role", "1 Jan 2026")
    for at in (PEOPLE_CHUNK - 1, 2 * PEOPLE_CHUNK + 100, count - 2):
        rows[at] = (f"Long{at}", "Title", f"{_URL}t{at}", "", "Org", "x" * 600, "1 Jan 2026")
    rows[PEOPLE_CHUNK + 900] = ("", "", "", "", "", "", "3 Mar 2026")
    return rows


@pytest.fixture
def data(corpus: Path) -> bytes:
    return linkedin_2024(corpus, connections(2 * PEOPLE_CHUNK + 800))


def test_people_handed_over_in_batches_are_those_read_whole(data: bytes) -> None:
    whole = registry.parse(data, "Connections.csv", "linkedin")
    batches: list[list[ParsedPerson]] = []
    streamed = registry.parse(data, "Connections.csv", "linkedin", stream=batches.append)
    # The first batch small, so the importing process starts early; each after it twice the one before
    # (the fourth holds a row over the limits, which are checked after the format has read a batch).
    assert [FIRST_PEOPLE_CHUNK * 2**at for at in range(4)] == [250, 500, 1000, PEOPLE_CHUNK]
    assert [len(batch) for batch in batches] == [250, 500, 1000, PEOPLE_CHUNK - 1]
    assert [*chain.from_iterable(batches), *streamed.people] == whole.people
    assert len(whole.people) == 2 * PEOPLE_CHUNK + 800 - 6
    assert streamed.skipped == whole.skipped
    assert [item.reason.code for item in whole.skipped] == [
        "row.formula",
        "row.formula",
        "row.only_connection_date",
        *["file.in_field"] * 3,  # the limits' after the format's, as when read whole
    ]


def test_the_sandbox_hands_people_over_in_file_order_then_returns_the_rest(data: bytes) -> None:
    whole = registry.parse(data, "Connections.csv", "linkedin")
    batches: list[list[ParsedPerson]] = []
    result = parse_in_sandbox(data, "Connections.csv", on_people=lambda batch, _: batches.append(batch))
    handed = [*chain.from_iterable(batches)]
    assert [len(batch) for batch in batches] == [250, 500, 1000, PEOPLE_CHUNK - 1]  # one over the limits
    assert [*handed, *result.people] == whole.people  # the batches, then those read after them
    assert parse_in_sandbox(data, "Connections.csv").people == whole.people  # without: all in the result
    assert result.skipped == whole.skipped


def test_a_file_refused_after_people_were_handed_over_is_refused(corpus: Path) -> None:
    rows = connections(2 * PEOPLE_CHUNK + 200)
    data = linkedin_2024(corpus, rows) + b"BEGIN:VCARD\n"  # part of the file is something else
    seen: list[ParsedPerson] = []
    with pytest.raises(FormatError) as refused:
        parse_in_sandbox(data, "Connections.csv", on_people=lambda batch, _: seen.extend(batch))
    assert refused.value.reason.code == "csv.not_a_row"
    assert refused.value.line is not None and refused.value.line > 2 * PEOPLE_CHUNK
    assert len(seen) >= PEOPLE_CHUNK  # handed over before the refusal: the caller drops them


def _names(people: list[ParsedPerson]) -> list[str]:
    return [item.person.display_name for item in people]


@pytest.mark.parametrize("threads", [1, 2], ids=["forked", "from the fork server"])
def test_what_the_child_makes_of_each_batch_comes_with_it(
    data: bytes, threads: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox.threading, "active_count", lambda: threads)
    handed: list[tuple[list[ParsedPerson], list[Any] | None]] = []
    parse_in_sandbox(data, "Connections.csv", on_people=lambda *pair: handed.append(pair), prepare=_names)
    assert handed and all(prepared == _names(batch) for batch, prepared in handed)
