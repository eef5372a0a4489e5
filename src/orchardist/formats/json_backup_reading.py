"""Reading a JSON backup's values: each one checked for its type and form, or refused naming where it is
in the document, as ``people[3].emails[0]``.

What a value may hold (lengths, ranges, ids) is checked afterwards by the shared limits
(``orchardist.domain.limits`` through ``formats.registry.within_limits``), as for every other format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TypeVar

from orchardist.domain.messages import Message, Wording
from orchardist.domain.people import PartialDate
from orchardist.formats.base import FormatError
from orchardist.formats.messages import (
    AT_PATH,
    CONSTANT_NOT_ALLOWED,
    EXPECTED_DATE,
    EXPECTED_ID,
    EXPECTED_KEY,
    EXPECTED_LIST,
    EXPECTED_OBJECT,
    EXPECTED_TEXT,
    FIELD_TWICE,
    MISSING_FIELD,
    NESTED_TOO_DEEPLY,
    NO_SUCH_KEY,
    NOT_A_DATE,
    NOT_A_DATE_TIME,
    NOT_A_VALID_BACKUP,
    NOT_UTF8,
    NOT_VALID_JSON,
    TIME_ZONE_NEEDED,
    UNKNOWN_FIELD,
    UNKNOWN_VALUE,
)

T = TypeVar("T")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def shown(value: object) -> str:
    """A value as the backup spells it, cut short to be quoted in a message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def refuse(path: str, problem: Message) -> FormatError:
    """The backup refused, saying where (``path``) and why."""
    return FormatError(AT_PATH(path=path, reason=problem))


def missing(path: str, name: str) -> FormatError:
    return refuse(path, MISSING_FIELD(name=shown(name)))


def typed(value: object, kind: type[T], path: str, expected: Wording) -> T:
    """``value`` when it is a ``kind``; refused as ``expected`` (naming what was found) when not."""
    # bool is a subclass of int, but true is not a number of days.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise refuse(path, expected(found=shown(value)))
    return value


def fields_of(value: object, path: str, allowed: tuple[str, ...]) -> dict[str, object]:
    """An object whose fields are all among ``allowed``."""
    found = typed(value, dict, path, EXPECTED_OBJECT)
    for name in found:
        if name not in allowed:
            raise refuse(path, UNKNOWN_FIELD(name=shown(name)))
    return found


def listed(found: Mapping[str, object], name: str, path: str) -> list[object]:
    """The list ``name`` of an object (empty when absent), as ``path`` names it."""
    return typed(found.get(name, []), list, path, EXPECTED_LIST)


def text(found: Mapping[str, object], name: str, path: str, *, required: bool = False) -> str:
    if name not in found:
        if required:
            raise missing(path, name)
        return ""
    return typed(found[name], str, f"{path}.{name}", EXPECTED_TEXT)


def texts(found: Mapping[str, object], name: str, path: str) -> tuple[str, ...]:
    values = typed(found.get(name, []), list, f"{path}.{name}", EXPECTED_LIST)
    return tuple(
        typed(value, str, f"{path}.{name}[{index}]", EXPECTED_TEXT) for index, value in enumerate(values)
    )


def partial_date(value: object, path: str) -> PartialDate:
    """A date whose year may be unknown: ``1985-03-29`` or ``--03-29``."""
    written = typed(value, str, path, EXPECTED_DATE)
    try:
        if not written.startswith("--") and not _ISO_DAY.fullmatch(written):
            raise ValueError(written)
        return PartialDate.parse(written)
    except ValueError:
        raise refuse(path, NOT_A_DATE(text=shown(written))) from None


def day(found: Mapping[str, object], name: str, path: str) -> date:
    """The day ``name`` of an object, required, written ``YYYY-MM-DD``."""
    if name not in found:
        raise missing(path, name)
    written = typed(found[name], str, f"{path}.{name}", EXPECTED_DATE)
    try:
        if not _ISO_DAY.fullmatch(written):
            raise ValueError(written)
        return date.fromisoformat(written)
    except ValueError:
        raise refuse(f"{path}.{name}", NOT_A_DATE(text=shown(written))) from None


def moment(found: Mapping[str, object], name: str, path: str, *, required: bool = False) -> datetime | None:
    """The date and time ``name`` of an object, with its time zone; None when absent or null."""
    if found.get(name) is None:
        if required:
            raise missing(path, name)
        return None
    written = text(found, name, path)
    try:
        when = datetime.fromisoformat(written)
    except ValueError:
        raise refuse(f"{path}.{name}", NOT_A_DATE_TIME(text=shown(written))) from None
    if when.tzinfo is None:
        raise refuse(f"{path}.{name}", TIME_ZONE_NEEDED(text=shown(written)))
    return when


def record_id(found: Mapping[str, object], path: str) -> int | None:
    """The ``id`` a record had, or None when the backup does not say (versions 1 and 2)."""
    value = found.get("id")
    return None if value is None else typed(value, int, f"{path}.id", EXPECTED_ID)


def person_of(found: Mapping[str, object], path: str, keys: set[str]) -> str:
    """The key of the person a record is about (its ``person``), one of ``keys``."""
    if "person" not in found:
        raise missing(path, "person")
    key = typed(found["person"], str, f"{path}.person", EXPECTED_KEY)
    if key not in keys:
        raise refuse(f"{path}.person", NO_SUCH_KEY(key=shown(key)))
    return key


def choice(found: Mapping[str, object], name: str, path: str, read: Callable[[str], T], default: T) -> T:
    """One of a set of values (``read`` raises ValueError for any other); ``default`` when absent."""
    if name not in found:
        return default
    written = typed(found[name], str, f"{path}.{name}", EXPECTED_TEXT)
    try:
        return read(written)
    except ValueError:
        raise refuse(f"{path}.{name}", UNKNOWN_VALUE(text=shown(written))) from None


class _Invalid(ValueError):
    """What the JSON reader's hooks refuse, said in our own words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


def _refuse_constant(name: str) -> object:
    raise _Invalid(CONSTANT_NOT_ALLOWED(name=name))


def _no_repeated_names(pairs: list[tuple[str, object]]) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, value in pairs:
        if name in found:
            raise _Invalid(FIELD_TWICE(name=shown(name)))
        found[name] = value
    return found


def load(data: bytes) -> object:
    """The JSON document in ``data``: UTF-8, no repeated field in an object, no NaN or Infinity."""
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(NOT_UTF8(byte=error.start)) from None
    try:
        return json.loads(decoded, object_pairs_hook=_no_repeated_names, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        problem = NOT_VALID_JSON(problem=error.msg, column=error.colno)
        raise FormatError(problem, line=error.lineno) from None
    except _Invalid as error:
        raise FormatError(NOT_A_VALID_BACKUP(reason=error.message)) from None
    except ValueError as error:  # Python's own, such as an integer too long to convert
        raise FormatError(NOT_A_VALID_BACKUP(reason=str(error))) from None
    except RecursionError:
        raise FormatError(NESTED_TOO_DEEPLY()) from None
