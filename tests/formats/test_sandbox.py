"""Parsing in a child process: hostile input dies fast, failures come back as clear FormatErrors.

The misbehaving importer in ``slow_format`` is registered for these tests only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from orchardist.domain.people import NamedDate, PartialDate
from orchardist.formats import registry, sandbox, vcard
from orchardist.formats.base import FormatError, ParsedPerson
from orchardist.formats.sandbox import MAX_FILE_BYTES, limits_for, parse_in_sandbox
from tests.formats import slow_format

HOSTILE_DEADLINE = 5.0


# Tests not about the way this process starts children: run once.
_ONE_START_METHOD = {
    "test_a_legitimate_30000_card_file_passes_on_a_busy_machine",
    "test_a_legitimate_30000_card_file_passes_the_default_limits",
    "test_a_command_killed_mid_import_leaves_no_child_behind",  # its own caller, started here
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Each test runs with children from the fork server (a caller with threads, the web server) and
    forked from the caller itself (a command, which has one thread)."""
    once = metafunc.function.__name__ in _ONE_START_METHOD
    metafunc.parametrize("start_method", ["fork server"] if once else ["fork server", "fork"], indirect=True)


@pytest.fixture(autouse=True)
def start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    threads = 1 if request.param == "fork" else 2
    monkeypatch.setattr(sandbox.threading, "active_count", lambda: threads)
    return str(request.param)


def test_a_caller_with_one_thread_forks_itself_and_one_with_threads_uses_the_fork_server(
    start_method: str,
) -> None:
    expected = "fork" if start_method == "fork" else "forkserver"
    assert sandbox._context().get_start_method() == expected


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(registry, "FORMATS", (*registry.FORMATS, slow_format.SPEC))
    return slow_format.SPEC.name


def refused(data: bytes, fmt: str, **limits: float) -> tuple[FormatError, float]:
    started = time.perf_counter()
    with pytest.raises(FormatError) as error:
        parse_in_sandbox(data, "test", fmt, **limits)
    return error.value, time.perf_counter() - started


@pytest.mark.parametrize("fmt", ["auto", "vcard"])
@pytest.mark.parametrize("name", ["param-backtracking.vcf", "vobject-error.vcf"])
def test_hostile_corpus_files_are_refused_quickly(corpus: Path, name: str, fmt: str) -> None:
    error, elapsed = refused((corpus / "hostile" / name).read_bytes(), fmt)
    assert elapsed < HOSTILE_DEADLINE
    assert error.line is not None


@pytest.mark.parametrize(
    "line",
    [
        "TEL;TYPE" + "=" * 40,
        "X-FOO;X-BAR" + "=" * 64,
        "ADR;LABEL=" + "=" * 30,
        "NOTE" + ";" * 20_000 + ":x",
        "EMAIL;" + "TYPE=a," * 10_000,
        'ORG;X="' + "=" * 50_000,
    ],
    ids=["tel-type-equals", "x-param-equals", "adr-label-equals", "semicolon-run", "comma-run", "open-quote"],
)
def test_synthesized_hostile_lines_are_refused_quickly(line: str) -> None:
    data = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane King\r\n{line}\r\nEND:VCARD\r\n".encode()
    error, elapsed = refused(data, "vcard")
    assert elapsed < HOSTILE_DEADLINE
    assert error.line == 4


def test_deep_nesting_is_refused_quickly() -> None:
    data = b"BEGIN:VCARD\r\nFN:x\r\n" * 5_000 + b"END:VCARD\r\n" * 5_000
    error, elapsed = refused(data, "vcard")
    assert elapsed < HOSTILE_DEADLINE
    assert error.reason.code == "vcard.nested_too_deep"


def test_equals_runs_before_a_colon_are_read_quickly_not_backtracked() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane King\r\nNOTE;X" + b"=" * 60 + b":hi\r\nEND:VCARD\r\n"
    started = time.perf_counter()
    result = parse_in_sandbox(data, "test", "vcard")
    assert time.perf_counter() - started < HOSTILE_DEADLINE
    assert [(entry.person.display_name, entry.person.notes) for entry in result.people] == [
        ("Jane King", "hi")
    ]


@pytest.mark.parametrize("fmt", ["auto", "vcard"])
def test_a_vcard_parses_the_same_in_the_sandbox(corpus: Path, fmt: str) -> None:
    data = (
        corpus / "vcard/ez-vcard/src__test__resources__ezvcard__io__text__John_Doe_IPHONE.vcf"
    ).read_bytes()
    result = parse_in_sandbox(data, "iphone.vcf", fmt)
    assert result == registry.parse(data, "iphone.vcf", "vcard") == vcard.parse(data, "vcard:iphone.vcf")
    assert result.people[0].person.sources["emails"] == ("vcard:iphone.vcf",)


@pytest.mark.parametrize(
    ("data", "words"),
    [(b"", "empty"), (b"\x00\x01\x02\x03" * 100, "binary")],
)
def test_empty_and_binary_files_are_refused(data: bytes, words: str) -> None:
    error, _ = refused(data, "vcard")
    assert words in str(error.reason)


def test_a_one_megabyte_line_is_refused_with_its_line_number() -> None:
    data = b"BEGIN:VCARD\r\nFN:x\r\nNOTE:" + b"x" * 1_048_576 + b"\r\nEND:VCARD\r\n"
    error, _ = refused(data, "vcard")
    assert error.line == 3


def test_format_errors_cross_unchanged(slow: str) -> None:
    error, _ = refused(b"refuse", slow)
    assert (error.reason, error.line, error.field) == (slow_format.ON_PURPOSE(), 7, "Notes")
    assert str(error) == "line 7, field 'Notes': refused on purpose"


def test_a_slow_importer_is_stopped_by_the_wall_clock(slow: str) -> None:
    error, elapsed = refused(b"sleep", slow, wall_seconds=0.5)
    assert str(error.reason) == (
        "the file was still being read after 0.5 s by the clock, though it had not used up its processor "
        "time: the computer is probably too busy; try again when it is less busy"
    )
    assert error.reason.code == "file.still_reading"
    assert elapsed < 3


def test_a_spinning_importer_is_stopped_by_the_cpu_limit(slow: str) -> None:
    error, elapsed = refused(b"spin", slow, cpu_seconds=1, wall_seconds=30)
    assert str(error.reason) == (
        "reading the file used more than 1.0 s of processor time, the most a file of its size may; it "
        "may be malformed or hostile"
    )
    assert error.reason.code == "file.too_long_to_read"
    assert elapsed < 15


def test_an_importer_using_too_much_memory_is_stopped(slow: str) -> None:
    error, _ = refused(b"hog", slow)
    assert error.reason.code == "file.too_much_memory"


def test_a_crashing_importer_is_reported(slow: str) -> None:
    error, _ = refused(b"exit", slow)
    assert str(error.reason) == (
        "reading the file stopped unexpectedly (exit code 3); it may be malformed or hostile"
    )


def test_a_killed_importer_is_reported(slow: str) -> None:
    error, _ = refused(b"kill", slow)
    assert (error.reason.code, error.reason.params) == ("file.stopped_by_signal", {"signal": "SIGKILL"})
    assert "stopped by signal SIGKILL" in str(error.reason)


def test_other_exceptions_name_their_type(slow: str) -> None:
    error, _ = refused(b"raise", slow)
    assert (
        str(error.reason) == "the file could not be read: ValueError: the importer tripped over its own feet"
    )


def test_an_unknown_format_is_refused_before_any_child_starts() -> None:
    error, _ = refused(b"BEGIN:VCARD", "no-such-format")
    assert "unknown format 'no-such-format'" in str(error.reason)
    assert error.reason.code == "file.unknown_format"


def test_files_over_100_mb_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_child() -> None:
        raise AssertionError("a child process was started")

    monkeypatch.setattr(sandbox, "_context", no_child)
    error, elapsed = refused(b"x" * (MAX_FILE_BYTES + 1), "vcard")
    assert str(error.reason) == "the file is too large to import (100.0 MB); the limit is 100 MB"
    assert elapsed < 1


def test_limits_grow_with_the_file_and_are_capped() -> None:
    small, three_mb, huge = limits_for(100), limits_for(3 * 1024 * 1024), limits_for(MAX_FILE_BYTES)
    assert 4 <= small.cpu_seconds < 4.01 and small.wall_seconds == 60  # the clock allows a minute at least
    assert three_mb.cpu_seconds == pytest.approx(13.0) and three_mb.wall_seconds == 60
    assert huge.cpu_seconds == 120 and huge.wall_seconds == 480  # four times the processor time
    assert small.memory_bytes < three_mb.memory_bytes < huge.memory_bytes


@pytest.mark.slow
def test_thirty_thousand_people_come_back_intact(slow: str) -> None:
    # This is about the round trip, not the limits: a 12-byte input gets the smallest allowance (4 s of
    # processor time), which making 30,000 people overran on a slow machine busy with the browser tests.
    result = parse_in_sandbox(b"people:30000", "test", slow, cpu_seconds=60, wall_seconds=120)
    assert len(result.people) == 30_000
    assert result.people[-1] == slow_format._person(29_999, "slow:test")
    person = result.people[123].person
    assert person.birthday == PartialDate(3, 29, 1985)
    assert person.dates == (NamedDate("connected", PartialDate(1, 2, 2020)),)


def _thirty_thousand_cards() -> bytes:
    return b"".join(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %d\r\nORG:Acme\r\nEMAIL:person%d@example.com\r\n"
        b"TEL:+1 555 010 %04d\r\nEND:VCARD\r\n" % (n, n, n % 10_000)
        for n in range(30_000)
    )


@pytest.mark.slow
def test_a_legitimate_30000_card_file_passes_on_a_busy_machine() -> None:
    # Three processes spinning on a two-core machine: the parse waits for the processor, which uses
    # none of its processor time, so the file is read, not refused as too slow.
    busy = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(max(3, os.cpu_count() or 1))
    ]
    try:
        result = parse_in_sandbox(_thirty_thousand_cards(), "vcard:big.vcf", "vcard")
    finally:
        for process in busy:
            process.kill()
            process.wait()
    assert len(result.people) == 30_000


@pytest.mark.slow
def test_a_legitimate_30000_card_file_passes_the_default_limits() -> None:
    data = _thirty_thousand_cards()
    assert 3 * 1024 * 1024 < len(data) < 4 * 1024 * 1024
    result = parse_in_sandbox(data, "vcard:big.vcf", "vcard")
    assert len(result.people) == 30_000
    assert result.people[-1].person.emails == ("person29999@example.com",)


def _connections(rows: int) -> bytes:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    return (
        header
        + "".join(
            f"Zoë{n % 7},O’Brien{n % 11},https://www.linkedin.com/in/p-{n},,"
            f"Maple {n % 5},Nurse,{1 + n % 28} Nov 2026\n"
            for n in range(rows)
        )
    ).encode()


def test_a_linkedin_file_comes_back_as_parsed_in_process_sharing_what_repeats() -> None:
    data = _connections(300)
    result = parse_in_sandbox(data, "Connections.csv")
    assert result == registry.parse(data, "Connections.csv")
    batches: list[list[ParsedPerson]] = []
    rest = parse_in_sandbox(data, "Connections.csv", on_people=lambda batch, _: batches.append(batch))
    assert [len(batch) for batch in batches] == [250]
    # Equal texts and sources cross once in each message: the people of a batch (or of the result) who
    # share them share one object in the parent.
    for people in ([item.person for item in batches[0]], [item.person for item in rest.people]):
        by_employer: dict[str, list[str]] = {}
        for person in people:
            by_employer.setdefault(person.organisation, []).append(person.organisation)
        assert any(len(names) > 1 for names in by_employer.values())
        for names in by_employer.values():
            assert all(name is names[0] for name in names)
        shapes = {tuple(person.sources): person.sources for person in people}
        assert all(person.sources is shapes[tuple(person.sources)] for person in people)


def test_sharing_keeps_unequal_values_apart(slow: str) -> None:
    result = parse_in_sandbox(b"people:50", "test", slow, wall_seconds=30)
    assert [item.person for item in result.people] == [
        slow_format._person(n, "slow:test").person for n in range(50)
    ]


_KILLED_MID_PARSE = """
import sys
from orchardist.formats import registry
from orchardist.formats.sandbox import parse_in_sandbox
from tests.formats import slow_format

if __name__ == "__main__":
    registry.FORMATS = (*registry.FORMATS, slow_format.SPEC)
    parse_in_sandbox(b"sleep", "test", slow_format.SPEC.name, wall_seconds=120)
"""


def _children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_command_killed_mid_import_leaves_no_child_behind(tmp_path: Path) -> None:
    script = tmp_path / "killed.py"
    script.write_text(_KILLED_MID_PARSE)
    root = Path(__file__).resolve().parents[2]
    caller = subprocess.Popen(
        [sys.executable, str(script)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": f"{root / 'src'}{os.pathsep}{root}"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not (children := _children_of(caller.pid)):
            assert time.monotonic() < deadline, "the caller started no child"
            time.sleep(0.05)
        (child,) = children  # a caller with one thread forks its child itself
    finally:
        caller.kill()
        caller.wait()
    deadline = time.monotonic() + 10
    while _alive(child):
        assert time.monotonic() < deadline, "the child outlived the caller"
        time.sleep(0.05)
