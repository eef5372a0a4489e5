"""Every importer, fed real files damaged at random: it reads what it can or refuses the file with a
FormatError, never fails another way, never hangs, and never lets through a value the store could not
hold (the shared limits of domain/limits.py).

The seeds are real exports from the shared corpus (LinkedIn, Google, Outlook headers with a few rows
under them; Android vCards) and Orchardist's own vCard and JSON backup. Hypothesis damages them:
bytes inserted, deleted, repeated, swapped, the file cut short. The number of examples is bounded
so CI runs it on every change; ``--hypothesis-seed`` replays a failure.
"""

from __future__ import annotations

import csv
import io
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from orchardist.domain.interactions import Direction, Interaction
from orchardist.domain.limits import interaction_problem, person_problem
from orchardist.domain.people import NamedDate, PartialDate, Person, Tier
from orchardist.formats import registry
from orchardist.formats.base import FormatError, NetworkSnapshot, ParseResult
from tests.conftest import CORPUS

# One parse may take this long in-process before the test calls it a hang (the sandbox's own limits
# are tested in test_sandbox.py; here a hang is a finding).
HANG_SECONDS = 20
CSV_SEEDS = {
    "linkedin": "csv-headers/linkedin_Connections_2024_preamble_and_header.csv",
    "google": "csv-headers/google_csv_new_header_example_52col.csv",
    "outlook": "csv-headers/outlook_desktop_2007plus_header_en.csv",
}
VCARD_SEEDS = (
    "vcard/android/tests__res__raw__v21_complicated.vcf",
    "vcard/android/tests__res__raw__v30_simple.vcf",
    "vcard/android/tests__res__raw__v21_japanese_1.vcf",
)
ROWS = (
    ("Ana", "Silva", "ana@example.org", "Acme", "Analyst", "+1 555 010 1234", "1985-03-29"),
    ("Zoë", "Ng-Ōta", "zoe@example.org", "Initech", "Lead, Data", "555-0100", "--02-29"),
    ("Bo", "Chen", "", "", "", "", ""),
)


def _csv_with_rows(header_file: str) -> bytes:
    """A real header (and LinkedIn's preamble) with a few rows, each column given a plausible value."""
    text = (CORPUS / header_file).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    header_at = max(index for index, line in enumerate(lines) if line.count(",") > 3)
    columns = next(csv.reader([lines[header_at]]))
    out = io.StringIO()
    out.write("\n".join(lines[: header_at + 1]) + "\r\n")
    writer = csv.writer(out)
    for first, family, email, org, title, phone, birthday in ROWS:
        values = []
        for column in columns:
            name = column.lower()
            values.append(
                first
                if "first" in name
                else family
                if "last" in name
                else email
                if "mail" in name and "label" not in name
                else org
                if "company" in name or "organization name" in name
                else title
                if "position" in name or "title" in name
                else phone
                if "phone" in name and "label" not in name
                else birthday
                if "birthday" in name
                else "x"
                if "note" in name
                else ""
            )
        writer.writerow(values)
    return out.getvalue().encode("utf-8")


def _snapshot() -> NetworkSnapshot:
    people = [
        Person(
            display_name="Ana Silva",
            id=1,
            given_name="Ana",
            family_name="Silva",
            emails=("ana@example.org",),
            tags=("mentor",),
            tier=Tier.INNER,
            every_days=30,
            birthday=PartialDate(month=3, day=29),
            dates=(NamedDate("connected", PartialDate(month=1, day=2, year=2020)),),
            notes="Line one\nLine two",
        ),
        Person(display_name="Bo Chen", id=2, met_through_id=1, organisation="Acme"),
    ]
    interactions = [
        Interaction(
            on=date(2026, 3, 1), direction=Direction.GAVE, kind="coffee", summary="Coffee", person_ids=(1, 2)
        )
    ]
    return NetworkSnapshot(people=people, interactions=interactions)


@lru_cache(maxsize=1)
def seeds() -> tuple[tuple[str, bytes], ...]:
    """(format, content) of every seed file."""
    found = [(fmt, _csv_with_rows(path)) for fmt, path in CSV_SEEDS.items()]
    found += [("vcard", (CORPUS / path).read_bytes()) for path in VCARD_SEEDS]
    found += [(fmt, registry.export(fmt, _snapshot())) for fmt in ("vcard", "json")]
    return tuple(found)


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    fmt, data = draw(st.sampled_from(seeds()))
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buffer:
            break
        at = draw(st.integers(0, len(buffer) - 1))
        change = draw(st.sampled_from(("insert", "delete", "repeat", "replace", "cut", "swap")))
        if change == "insert":
            noise = draw(
                st.binary(min_size=1, max_size=40)
                | st.sampled_from(
                    [b"\x00", b'"', b",", b"\r\n", b"\\", b":", b";", b"=", b"\xff\xfe", b"\xed\xa0\x80"]
                )
                | st.sampled_from([b'"\\ud800"', b"99999999999999999999", b"-1", b"null", b"[]", b"{}"])
            )
            buffer[at:at] = noise
        elif change == "delete":
            del buffer[at : at + draw(st.integers(1, 64))]
        elif change == "repeat":
            piece = bytes(buffer[at : at + draw(st.integers(1, 200))])
            buffer[at:at] = piece * draw(st.integers(1, 20))
        elif change == "replace":
            buffer[at] = draw(st.integers(0, 255))
        elif change == "cut":
            del buffer[at:]
        else:
            other = draw(st.integers(0, len(buffer) - 1))
            buffer[at], buffer[other] = buffer[other], buffer[at]
    return draw(st.sampled_from((fmt, "auto"))), bytes(buffer)


@contextmanager
def no_hang(seconds: int) -> Iterator[None]:
    def stop(_signum: int, _frame: object) -> None:
        raise AssertionError(f"an importer ran for more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _within_limits(result: ParseResult) -> None:
    for item in result.people:
        assert person_problem(item.person) is None, item
    for parsed in result.interactions:
        assert interaction_problem(parsed.interaction) is None, parsed


def test_every_seed_reads_whole() -> None:
    for fmt, data in seeds():
        result = registry.parse(data, "seed", fmt)
        assert result.people, fmt
        assert not result.skipped, (fmt, result.skipped)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_a_damaged_file_is_read_or_refused_never_anything_else(case: tuple[str, bytes]) -> None:
    fmt, data = case
    with no_hang(HANG_SECONDS):
        try:
            result = registry.parse(data, "fuzz", fmt)
        except FormatError as error:
            event(f"refused: {error.message.code}")
            assert str(error)  # says why
            assert error.message.code  # and has a code the API answers with
            return
    event(f"read as {result.format}: {'some skipped' if result.skipped else 'whole'}")
    _within_limits(result)
    for skipped in result.skipped:
        assert str(skipped.reason)


@pytest.mark.slow
@settings(max_examples=3_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_many_damaged_files_are_read_or_refused(case: tuple[str, bytes]) -> None:
    test_a_damaged_file_is_read_or_refused_never_anything_else.hypothesis.inner_test(case)  # type: ignore[attr-defined]
