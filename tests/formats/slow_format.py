"""A test-only importer that misbehaves on purpose, so the sandbox's limits can be seen to work.

Never in the real registry: tests add ``SPEC`` to ``registry.FORMATS`` with ``monkeypatch.setattr``,
and the sandbox's child, given the parent's table, imports it by module path. The file's content
says what to do, e.g. ``sleep``, ``spin``, ``hog``, ``exit``, ``kill``, ``raise``, ``refuse`` or
``people:30000``.
"""

from __future__ import annotations

import os
import signal
import time

from orchardist.domain.messages import Wording
from orchardist.domain.people import NamedDate, PartialDate, Person, with_sources
from orchardist.formats.base import FormatError, ParsedPerson, ParseResult
from orchardist.formats.registry import FormatSpec

MODULE = __name__
ON_PURPOSE = Wording("test.refused_on_purpose", "refused on purpose")
SPEC = FormatSpec(name="slow", title="Slow", label="Slow", module=MODULE, reads=True, writes=False)


def sniff(data: bytes) -> bool:
    return False  # never detected: only chosen by name


def parse(data: bytes, source: str) -> ParseResult:
    command, _, argument = data.decode("ascii").partition(":")
    if command == "sleep":
        time.sleep(60)
    elif command == "spin":
        while True:
            pass
    elif command == "hog":
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))
    elif command == "exit":
        os._exit(3)
    elif command == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif command == "raise":
        raise ValueError("the importer tripped over its own feet")
    elif command == "refuse":
        raise FormatError(ON_PURPOSE(), line=7, field="Notes")
    elif command == "people":
        return ParseResult(format="slow", people=[_person(number, source) for number in range(int(argument))])
    return ParseResult(format="slow")


def _person(number: int, source: str) -> ParsedPerson:
    person = Person(
        display_name=f"Person {number} Example",
        given_name=f"Person{number}",
        family_name="Example",
        emails=(f"person{number}@example.com",),
        phones=(f"+1 555 010 {number % 10000:04d}",),
        linkedin_url=f"https://www.linkedin.com/in/person-{number}",
        organisation="Acme Corp",
        title="Engineer",
        tags=("work",),
        birthday=PartialDate(month=3, day=29, year=1985),
        dates=(NamedDate(label="connected", date=PartialDate(month=1, day=2, year=2020)),),
        notes="Met at a meetup; likes climbing.",
    )
    return ParsedPerson(person=with_sources(person, source), line=number + 2)
