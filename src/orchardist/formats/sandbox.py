"""Parse an untrusted file in a child process with CPU-time, memory and wall-clock limits.

A parser that has gone wrong cannot be stopped from inside: vobject 0.9.9's parameter regex
backtracks for minutes on 89 bytes, and any parser can be driven to exhaust memory. So imports run
in a child process under ``RLIMIT_CPU`` and an address-space limit of its own. Limits grow with the
file's size, so a legitimate 30,000-row export passes while hostile input is refused within a few
seconds of processor time.

Processor time is what a hostile file consumes, and what a busy machine does not: a child waiting
for its turn on a loaded machine uses none. So the CPU limit is the one that refuses a file, and the
parent's wall-clock limit, several times longer, only stops a child that is stuck; the message says
which of the two was reached.

A caller with one thread (a command) forks itself: the child starts at once with everything the
caller imported. A caller with threads (the web server) takes children from a fork server instead
(``spawn`` where there is none): forking a process whose other threads may hold locks is not safe,
and forking a single-threaded server that has already imported ``orchardist.formats`` is fast once
it runs. Results come back pickled over a pipe, Orchardist's
dataclasses as constructor calls (twice as fast as pickle's default for slots dataclasses) and
unpickled with the garbage collector paused, so 30,000 people cross in a fraction of a second. A
format that reads row by row sends its people in batches while it reads on (250 first, then each twice
the one before, up to 2,000), so the caller unpickles them, and can work on them, on the other processor
meanwhile. Equal texts cross once in each batch.
"""

from __future__ import annotations

import copyreg
import dataclasses
import enum
import gc
import io
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from multiprocessing.connection import Connection
from operator import attrgetter
from typing import TYPE_CHECKING, Any, cast

from orchardist.domain import interactions, messages, people, records
from orchardist.domain.fields import FIELDS, FieldSpec
from orchardist.domain.messages import Message
from orchardist.formats import base, registry
from orchardist.formats.base import FormatError, ParsedPerson, ParseResult
from orchardist.formats.messages import (
    RESULT_NOT_SENT,
    STILL_READING,
    STOPPED_BY_SIGNAL,
    STOPPED_UNEXPECTEDLY,
    TOO_LARGE,
    TOO_LONG_TO_READ,
    TOO_MUCH_MEMORY,
    UNREADABLE,
)

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext

MAX_FILE_BYTES = 100 * 1024 * 1024
BASE_SECONDS = 4.0
SECONDS_PER_MB = 3.0
MAX_SECONDS = 120.0
# The clock allows several times the processor time, and never less than a minute: on a busy machine a
# legitimate parse waits for the processor far more than it uses it.
WALL_FACTOR = 4.0
MIN_WALL_SECONDS = 60.0
BASE_MEMORY_BYTES = 512 * 1024 * 1024
MEMORY_PER_FILE_BYTE = 16
# Modules the fork server imports once so that each child starts without importing them again:
# the importers (and their libraries, vobject among them) cost more to import than to fork.
# "__main__" stays first, as in multiprocessing's default: without it every child would import the
# caller's main module (pytest's, uvicorn's) again before it could start.
PRELOAD = ["__main__", "orchardist.formats.sandbox", *(reader.module for reader in registry.importers())]
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one parse may use: CPU seconds, wall-clock seconds, extra address space in bytes."""

    cpu_seconds: float
    wall_seconds: float
    memory_bytes: int


def limits_for(size: int) -> Limits:
    """Limits for a file of ``size`` bytes: 4 s of processor time plus 3 s per MB (at most 120 s), four
    times that by the clock (at least a minute), and 512 MB plus 16x the file of memory."""
    seconds = min(BASE_SECONDS + SECONDS_PER_MB * size / _MB, MAX_SECONDS)
    return Limits(
        cpu_seconds=seconds,
        wall_seconds=max(seconds * WALL_FACTOR, MIN_WALL_SECONDS),
        memory_bytes=BASE_MEMORY_BYTES + MEMORY_PER_FILE_BYTE * size,
    )


def parse_in_sandbox(
    data: bytes,
    source: str,
    fmt: str = "auto",
    *,
    cpu_seconds: float | None = None,
    wall_seconds: float | None = None,
    on_people: Callable[[list[ParsedPerson], list[Any] | None], None] | None = None,
    prepare: Callable[[list[ParsedPerson]], list[Any]] | None = None,
) -> ParseResult:
    """``registry.parse(data, source, fmt)`` in a child process; every failure is a FormatError.

    ``source`` is the file's name; the registry labels each field read ``format:file name``.

    A format that reads row by row sends its people in batches while it reads on. With ``on_people``,
    each batch is handed to it as it arrives, so the caller can work on them while the child still
    reads, and the result holds only the people read after the last batch: the file's people are the
    batches, in order, then the result's. If the file is then refused, what was handed over is not the
    result: the caller must drop it. Without ``on_people`` the result holds them all.

    ``prepare`` (a function of a module, so a fork server's child can find it) runs in the child on each
    batch before it is sent, and what it gives comes with the batch (``on_people(batch, prepared)``;
    None without it): work the caller would do on each person, done on the child's processor while the
    caller works on the batch before.

    A FormatError raised by the importer comes back unchanged (reason, line and field); running out
    of time or memory, a crash, or any other exception in the child becomes a FormatError that says
    what happened.
    """
    if len(data) > MAX_FILE_BYTES:
        raise FormatError(TOO_LARGE(size=round(len(data) / _MB, 1), limit=MAX_FILE_BYTES // _MB))
    if fmt != "auto":
        registry.importer(fmt)  # an unknown format is refused before any child starts
    limits = limits_for(len(data))
    if cpu_seconds is not None:
        limits = replace(limits, cpu_seconds=cpu_seconds)
    if wall_seconds is not None:
        limits = replace(limits, wall_seconds=wall_seconds)
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    # A forked child holds copies of everything this process has open: it closes the pipe's other end,
    # and dies with this process (``_forked_child``).
    forked = (receiver, os.getpid()) if context.get_start_method() == "fork" else None
    child = context.Process(
        target=_run_child,
        args=(sender, data, source, fmt, registry.FORMATS, dict(FIELDS), limits, prepare, forked),
        name="orchardist-import",
        daemon=True,
    )
    deadline = time.monotonic() + limits.wall_seconds
    child.start()
    sender.close()
    people: list[ParsedPerson] = []
    try:
        while True:
            if not receiver.poll(max(0.0, deadline - time.monotonic())):
                raise FormatError(STILL_READING(seconds=round(float(limits.wall_seconds), 1)))
            try:
                kind, payload = _loads(receiver.recv_bytes())
            except (EOFError, OSError):
                child.join(timeout=5)
                raise _died(child.exitcode, limits) from None
            if kind != "people":
                break
            batch, prepared = cast(tuple[list[ParsedPerson], list[Any] | None], payload)
            if on_people is not None:
                on_people(batch, prepared)
            else:
                people.extend(batch)
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(timeout=5)
    if kind == "ok":
        result = cast(ParseResult, payload)
        if people:
            people.extend(result.people)
            result.people = people
        return result
    if kind == "format_error":
        raise cast(FormatError, payload)
    raise FormatError(cast(Message, payload))


def _context() -> ForkContext | ForkServerContext | SpawnContext:
    """Plain ``fork`` for a caller with one thread; else the fork server, or ``spawn``."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return _server_context()


@lru_cache(maxsize=1)
def _server_context() -> ForkServerContext | SpawnContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)  # takes effect when the server first starts
        return context
    return multiprocessing.get_context("spawn")


def _too_long(seconds: float) -> FormatError:
    return FormatError(TOO_LONG_TO_READ(seconds=round(float(seconds), 1)))


def _died(exitcode: int | None, limits: Limits) -> FormatError:
    cpu_limit_signal = getattr(signal, "SIGXCPU", None)  # what RLIMIT_CPU sends; not on Windows
    if cpu_limit_signal is not None and exitcode == -cpu_limit_signal:
        return _too_long(limits.cpu_seconds)
    if exitcode is not None and exitcode < 0:
        return FormatError(STOPPED_BY_SIGNAL(signal=signal.Signals(-exitcode).name))
    return FormatError(STOPPED_UNEXPECTEDLY(code=exitcode))


def _run_child(
    sender: Connection,
    data: bytes,
    source: str,
    fmt: str,
    formats: tuple[registry.FormatSpec, ...],
    person_fields: dict[str, FieldSpec],
    limits: Limits,
    prepare: Callable[[list[ParsedPerson]], list[Any]] | None = None,
    forked: tuple[Connection, int] | None = None,
) -> None:
    """The child's whole life: limit itself, parse (sending each batch of people, ``prepare``d, as it
    goes), send one message back, exit. ``forked``: the pipe's end the caller reads and the caller's
    process id, when the child was forked from it.

    The child parses with the parent's tables of formats and person fields, which a caller (a test)
    may have extended.
    """
    message: tuple[str, object]
    if forked is not None:
        _forked_child(*forked)
    try:
        _limit_resources(limits)
        registry.FORMATS = formats
        FIELDS.clear()
        FIELDS.update(person_fields)
        message = ("ok", registry.parse(data, source, fmt, stream=partial(_send_people, sender, prepare)))
    except FormatError as error:
        message = ("format_error", error)
    except messages.Refused as error:  # a value the domain refuses, such as a rhythm of 10^20 days
        message = ("format_error", FormatError(error.message, field=error.field))
    except MemoryError:
        message = ("error", TOO_MUCH_MEMORY())
    except Exception as error:  # every failure must reach the parent as a message it can show
        message = ("error", UNREADABLE(problem=f"{type(error).__name__}: {error}"))
    try:
        sender.send_bytes(_dumps(message))
    except Exception as error:  # the result itself could not be pickled or sent
        failure = RESULT_NOT_SENT(error=type(error).__name__)
        sender.send_bytes(pickle.dumps(("error", failure)))
    finally:
        sender.close()


def _forked_child(inherited: Connection, parent: int) -> None:
    """In a child forked from the caller: close the caller's end of the pipe (else, the caller gone, the
    child would wait forever to send into a pipe nobody reads), and, on Linux, ask to be killed when the
    caller dies (a command killed mid-import leaves no child reading on, holding its output open).

    The caller's objects are frozen out of the collector: a collection walks only what the child makes,
    rather than every object a long-running caller holds, which would also copy each of their pages."""
    gc.freeze()
    inherited.close()
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl to be had: the closed pipe ends the child at its next send
        return
    if os.getppid() != parent:  # the caller died before the line above
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _send_people(
    sender: Connection, prepare: Callable[[list[ParsedPerson]], list[Any]] | None, people: list[ParsedPerson]
) -> None:
    """Send a batch of people read, and what ``prepare`` makes of it, while the child reads on."""
    sender.send_bytes(_dumps(("people", (people, prepare(people) if prepare is not None else None))))


# Texts and sources read in one file repeat (employers, titles, given names, the same fields from the same
# file): each is sent once, and pickle's memo sends the others as references to it, so the parent
# builds one object for all of them. Filled for one message at a time.
_SHARED: dict[object, object] = {}


def _dumps(message: tuple[str, object]) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _reducers()
    _SHARED.clear()
    try:
        with _collector_paused():
            pickler.dump(message)
    finally:
        _SHARED.clear()
    return buffer.getvalue()


def _loads(blob: bytes) -> tuple[str, object]:
    with _collector_paused():
        return cast(tuple[str, object], pickle.loads(blob))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the garbage collector, which would otherwise rescan the growing heap again and again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@lru_cache(maxsize=1)
def _reducers() -> dict[type, Callable[[Any], Any]]:
    """Pickle Orchardist's dataclasses as ``cls(*fields)`` and its enums by member name.

    Pickle's default for slots dataclasses calls ``dataclasses.fields`` in Python for every object,
    both ways; a positional constructor call is twice as fast and checks the values again.
    """
    table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    for module in (people, interactions, messages, records, base):
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != module.__name__:
                continue
            if issubclass(value, enum.Enum):
                table[value] = _by_member_name
            elif dataclasses.is_dataclass(value) and all(field.init for field in dataclasses.fields(value)):
                table[value] = _by_constructor(value)
    table[people.Person] = _person_shared(_by_constructor(people.Person))
    return table


def _person_shared(reduce: Callable[[Any], tuple[object, ...]]) -> Callable[[Any], tuple[object, ...]]:
    """A person as ``Person(*fields)``, each text and each dict of sources the first equal one sent."""
    names = [field.name for field in dataclasses.fields(people.Person)]
    texts = [at for at, field in enumerate(dataclasses.fields(people.Person)) if field.type == "str"]
    sources_at = names.index("sources")
    shared = _SHARED.setdefault

    def reduce_shared(person: Any) -> tuple[object, ...]:
        cls, values = reduce(person)
        values = list(cast(tuple[object, ...], values))
        for at in texts:
            text = values[at]
            if text and type(text) is str:
                values[at] = shared(text, text)
        if sources := values[sources_at]:
            items = tuple(cast(dict[str, object], sources).items())
            if all(type(labels) is tuple for _name, labels in items):
                values[sources_at] = shared(items, sources)
        return cls, tuple(values)

    return reduce_shared


def _by_constructor(cls: type) -> Callable[[Any], tuple[object, ...]]:
    names = [field.name for field in dataclasses.fields(cls)]
    getter = attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (getter(obj),))
    return lambda obj: (cls, getter(obj))


def _by_member_name(member: enum.Enum) -> tuple[object, ...]:
    return getattr, (type(member), member.name)


def _limit_resources(limits: Limits) -> None:
    """CPU seconds (whole seconds, rounded up) and address space on top of what the child already maps."""
    try:
        import resource
    except ImportError:  # Windows: the wall-clock limit in the parent is the only one
        return
    cpu = max(1, math.ceil(limits.cpu_seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    mapped = _address_space()
    if mapped is not None:
        ceiling = mapped + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def _address_space() -> int | None:
    """Bytes of address space this process maps now (Linux), or None where that cannot be read."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")
