"""Read raw vCard bytes into clean vCard 3.0 text, one card at a time, before vobject sees them.

vobject 0.9.9 cannot be handed real files directly: its parameter regex backtracks for minutes on
a short malformed line (``NOTE;X=====...``), it knows nothing of per-property ``CHARSET``, nor of
the vCard 2.1 habits of phones and Outlook. This module reads the bytes with a linear-time scanner
and deals with all of that:

- line ends CRLF, LF, CR and iOS's CR CR LF; a UTF-8 or UTF-16 byte-order mark;
- folded lines, unfolded at the byte level so a fold inside a multi-byte character is mended;
- quoted-printable values with soft line breaks (``=`` at a line end), decoded;
- ``CHARSET=`` per property (Shift_JIS, ISO-8859-1, windows-1252, ...), UTF-8 otherwise, and a
  per-card fallback for bytes that are not UTF-8;
- ``#`` comment lines, blank lines, a missing ``VERSION`` (read as 3.0), vCard 2.1 bare parameters
  (``TEL;WORK;VOICE:``), vCard 2.1 escaping, Apple ``itemN.`` groups (kept, so an ``X-ABLabel``
  stays with its value), nested vCards (``AGENT``), base64 photos (dropped unread).

Every content line's name and parameters are checked before anything else happens; a malformed
one refuses the whole file with its line number, so hostile input fails at once instead of
reaching vobject. No vobject import here: the result is plain text that vobject parses quickly.
"""

from __future__ import annotations

import binascii
import codecs
import re
from dataclasses import dataclass, field

from orchardist.domain.messages import Message
from orchardist.formats.base import FormatError
from orchardist.formats.messages import (
    BEGIN_NOT_VCARD,
    CONTROL_IN_PARAMETER,
    EMPTY_FILE,
    END_DOES_NOT_CLOSE,
    MALFORMED_LINE,
    NESTED_TOO_DEEP,
    NO_COLON,
    NO_NAME_AFTER_GROUP,
    NO_PROPERTY_NAME,
    NO_VCARD,
    PARAMETER_WITHOUT_NAME,
    STRAY_FOLDED_LINE,
    TEXT_OUTSIDE_VCARD,
    UNCLOSED_PARAMETER_QUOTE,
    UNEXPECTED_IN_PARAMETERS,
    UNSUPPORTED_VERSION,
    VCARD_BINARY,
    VCARD_LINE_TOO_LONG,
)

MAX_LINE_BYTES = 100_000
MAX_NESTING = 3
VERSIONS: dict[str, str] = {"2.1": "2.1", "3.0": "3.0", "4.0": "4.0", "3": "3.0", "4": "4.0"}
DEFAULT_VERSION = "3.0"

# Photos, logos, sounds and keys: Orchardist stores none, so their (often huge) data is skipped
# unread; it neither counts toward the line-length cap nor reaches vobject.
DROPPED = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# Commas separate values only in structured properties and lists; in any other value an unescaped
# comma is a writer's slip for a literal one (Gmail writes "FN:Doe, John") and gets escaped.
_STRUCTURED = frozenset({"N", "ADR", "ORG", "GEO"})
_LISTS = frozenset({"CATEGORIES", "NICKNAME"})
# vCard 2.1 values whose components are separated by ";"; 2.1 has backslash escapes only there.
_STRUCTURED_21 = frozenset({"N", "ADR", "ORG"})
# vCard 2.1 lets a parameter be written as its bare value: "TEL;WORK;VOICE:" means TYPE=WORK,VOICE.
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "7BIT", "8BIT"})
_BARE_VALUE_TYPES = frozenset({"INLINE", "URL", "URI", "CONTENT-ID", "CID"})
# Labels of character sets as files write them, mapped to the codec that reads what phones meant.
_CHARSET_ALIASES = {
    "SHIFT_JIS": "cp932",
    "SHIFT-JIS": "cp932",
    "SJIS": "cp932",
    "X-SJIS": "cp932",
    "ISO-8859-1": "cp1252",  # as browsers do: files labelled Latin-1 are nearly always windows-1252
    "LATIN1": "cp1252",
    "US-ASCII": "cp1252",
    "ASCII": "cp1252",
}
_FALLBACK_CHARSET = "cp1252"

_LINE_END = re.compile(rb"\r*\n|\r+")
_NAME = re.compile(rb"[A-Za-z0-9_-]+")
_PEEK_NAME = re.compile(rb"(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)")
_UNQUOTED_PARAM = re.compile(rb'[^";:,\x00-\x08\x0a-\x1f\x7f]*')
_PARAM_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")
_BASE64_DATA = re.compile(rb"[A-Za-z0-9+/=]+")
_TEXT_CONTROL = re.compile(r'["\x00-\x1f\x7f]')
_ESCAPES_21 = {sep: re.compile(rf"\\([\\;:,])|({sep})|([^\\{sep}]+|\\)") for sep in ";,"}
_ESCAPES_30 = re.compile(r"\\(.)|([^\\]+|\\)", re.DOTALL)
_TOKENS_30 = re.compile(r"\\(.)|(,)|([^\\,]+)|\\", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ContentLine:
    """One property of a card, decoded to text and written in vCard 3.0 escaping.

    ``params`` holds upper-case names with their values; vCard 2.1 bare parameters are given
    their names (``TYPE``, ``ENCODING`` or ``VALUE``), and ``CHARSET``/``ENCODING`` are gone once
    the value is decoded. ``group`` is Apple's ``item1`` prefix, kept so that an ``X-ABLabel``
    with the same group stays associated with its value.
    """

    line: int
    name: str
    value: str
    group: str = ""
    params: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def param(self, name: str) -> tuple[str, ...]:
        """All values of parameter ``name`` (upper case), in order."""
        return tuple(value for key, values in self.params if key == name for value in values)

    def to_text(self) -> str:
        """The line as vobject reads it; every parameter value quoted so its regex cannot stray."""
        head = f"{self.group}.{self.name}" if self.group else self.name
        params = "".join(
            f";{key}=" + ",".join(f'"{value}"' for value in values) for key, values in self.params
        )
        return f"{head}{params}:{self.value}"


@dataclass(frozen=True, slots=True)
class Card:
    """One vCard: the 1-based line of its ``BEGIN:VCARD``, the version it declared, its properties."""

    line: int
    version: str
    lines: tuple[ContentLine, ...]

    def to_text(self) -> str:
        """The card as clean vCard 3.0 text (CRLF, unfolded) for vobject."""
        body = "".join(f"{line.to_text()}\r\n" for line in self.lines)
        return f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}END:VCARD\r\n"


def clean(data: bytes) -> list[Card]:
    """Read every card in ``data`` (nested ones too, in the order they begin).

    Raises FormatError, with the line number, when the file is empty, binary, holds no vCard, or
    has a malformed or over-long line.
    """
    text = _as_utf8_bytes(data)
    if not text.strip():
        raise FormatError(EMPTY_FILE())
    cards = _Reader(depth=0).read(text)
    if not cards:
        raise FormatError(NO_VCARD())
    return sorted(cards, key=lambda card: card.line)


def _as_utf8_bytes(data: bytes) -> bytes:
    """Drop a byte-order mark; UTF-16 files (with their mark) are re-encoded as UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    elif b"\x00" in data[:4096]:
        raise FormatError(VCARD_BINARY())
    return data.rstrip(b"\x1a")  # a DOS end-of-file mark some old tools append


class _Malformed(Exception):
    """A line that is not a well-formed content line; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class _Head:
    group: str
    name: str
    params: list[tuple[str, list[bytes]]]
    value_start: int


def _parse_head(raw: bytes) -> _Head:
    """Split ``group.NAME;PARAM=value,...:`` off a logical line in one left-to-right pass.

    Parameter values follow RFC 6350 (anything but ``"``, ``;``, ``:``, ``,`` and control
    characters, or a quoted string); names are letters, digits, ``-`` and ``_``.
    """
    match = _NAME.match(raw)
    if match is None:
        raise _Malformed(NO_PROPERTY_NAME(text=_show(raw)))
    group, pos = "", match.end()
    if raw[pos : pos + 1] == b".":
        group = match.group().decode("ascii")
        match = _NAME.match(raw, pos + 1)
        if match is None:
            raise _Malformed(NO_NAME_AFTER_GROUP(group=repr(group)))
        pos = match.end()
    name = match.group().decode("ascii").upper()
    params: list[tuple[str, list[bytes]]] = []
    while True:
        char = raw[pos : pos + 1]
        if char == b":":
            return _Head(group, name, params, pos + 1)
        if not char:
            raise _Malformed(NO_COLON(name=name))
        if char != b";":
            raise _Malformed(UNEXPECTED_IN_PARAMETERS(text=_show(raw[pos:]), name=name))
        match = _NAME.match(raw, pos + 1)
        if match is None:
            raise _Malformed(PARAMETER_WITHOUT_NAME(name=name, text=_show(raw[pos:])))
        param, pos = match.group().decode("ascii").upper(), match.end()
        values: list[bytes] = []
        if raw[pos : pos + 1] == b"=":
            while True:
                pos += 1
                if raw[pos : pos + 1] == b'"':
                    end = raw.find(b'"', pos + 1)
                    if end < 0:
                        raise _Malformed(UNCLOSED_PARAMETER_QUOTE(parameter=param, name=name))
                    value, pos = raw[pos + 1 : end], end + 1
                    if _PARAM_CONTROL.search(value):
                        raise _Malformed(CONTROL_IN_PARAMETER(parameter=param, name=name))
                else:
                    unquoted = _UNQUOTED_PARAM.match(raw, pos)
                    assert unquoted is not None  # the pattern matches the empty string
                    value, pos = unquoted.group(), unquoted.end()
                values.append(value)
                if raw[pos : pos + 1] != b",":
                    break
        params.append((param, values))


def _show(raw: bytes) -> str:
    """A short, printable excerpt of raw bytes for an error message."""
    excerpt = raw[:24].decode("utf-8", errors="replace")
    return repr(excerpt + ("…" if len(raw) > 24 else ""))


def _is_property(raw: bytes) -> bool:
    try:
        _parse_head(raw)
    except _Malformed:
        return False
    return True


@dataclass(slots=True)
class _Logical:
    """A logical line being assembled from its physical lines."""

    line: int
    name: str
    dropped: bool
    quoted_printable: bool
    parts: list[bytes] = field(default_factory=list)
    size: int = 0
    head_complete: bool = False
    tail: bytes = b""  # the last physical line, kept even when the data itself is not

    def add(self, piece: bytes) -> None:
        self.tail = piece
        if self.dropped and self.head_complete:
            return  # photo data: skipped once the name and parameters have been read
        self.size += len(piece)
        if self.dropped and b":" in piece:
            joined = b"".join(self.parts) + piece
            try:
                head = _parse_head(joined)
            except _Malformed:
                pass  # not complete yet, or malformed: _finish will say which
            else:
                self.parts, self.head_complete = [joined[: head.value_start]], True
                return
        if self.size > MAX_LINE_BYTES:
            raise FormatError(VCARD_LINE_TOO_LONG(limit=f"{MAX_LINE_BYTES:,}"), line=self.line)
        self.parts.append(piece)

    def wants_soft_break(self) -> bool:
        """A quoted-printable value ending in "=" continues on the next physical line."""
        return self.quoted_printable and self.tail.rstrip(b" \t").endswith(b"=")

    def join_soft_break(self, piece: bytes) -> None:
        if not self.dropped:
            self.parts[-1] = self.parts[-1].rstrip(b" \t")[:-1]
        self.add(piece)

    def ends_with_backslash(self) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(b"\\")

    def join_backslash_line(self, piece: bytes) -> None:
        """vCard 2.1 from some phones: a value line ending in "\\" goes on with a line break."""
        self.parts[-1] = self.parts[-1][:-1]
        self.add(b"\n" + piece)


@dataclass(frozen=True, slots=True)
class _RawLine:
    line: int
    group: str
    name: str
    params: tuple[tuple[str, tuple[bytes, ...]], ...]
    value: bytes


@dataclass(slots=True)
class _OpenCard:
    line: int
    version: str = DEFAULT_VERSION
    saw_version: bool = False
    lines: list[_RawLine] = field(default_factory=list)


class _Reader:
    """The scanner: physical lines in, cards out. ``fixed_line`` numbers an AGENT's inner cards."""

    def __init__(self, depth: int, fixed_line: int | None = None) -> None:
        self.depth = depth
        self.fixed_line = fixed_line
        self.stack: list[_OpenCard] = []
        self.cards: list[Card] = []

    def read(self, data: bytes) -> list[Card]:
        current: _Logical | None = None
        for index, raw in enumerate(_LINE_END.split(data), start=1):
            number = self.fixed_line or index
            if current is not None:
                if current.wants_soft_break():
                    current.join_soft_break(raw)
                    continue
                if raw[:1] in (b" ", b"\t"):
                    current.add(raw[1:])
                    continue
                if current.dropped and _BASE64_DATA.fullmatch(raw):
                    continue  # vCard 2.1 base64 written without indentation, up to a blank line
                if (
                    raw
                    and not raw.startswith(b"#")
                    and self.stack
                    and self.stack[-1].version == "2.1"
                    and current.ends_with_backslash()
                    and not _is_property(raw)
                ):
                    current.join_backslash_line(raw)
                    continue
                self._finish(current)
                current = None
            if not raw or raw.startswith(b"#"):
                continue
            if raw[:1] in (b" ", b"\t"):
                if raw.strip():
                    raise FormatError(STRAY_FOLDED_LINE(), line=number)
                continue
            current = self._start(raw, number)
        if current is not None:
            self._finish(current)
        while self.stack:  # a card cut off before END:VCARD is read as if it ended there
            self.cards.append(_close(self.stack.pop()))
        return self.cards

    def _start(self, raw: bytes, number: int) -> _Logical:
        peek = _PEEK_NAME.match(raw)
        name = peek.group(1).decode("ascii").upper() if peek else ""
        colon = raw.find(b":")
        quoted_printable = colon >= 0 and b"QUOTED-PRINTABLE" in raw[:colon].upper()
        logical = _Logical(line=number, name=name, dropped=name in DROPPED, quoted_printable=quoted_printable)
        logical.add(raw)
        return logical

    def _finish(self, logical: _Logical) -> None:
        if not self.stack and logical.name != "BEGIN":
            raise FormatError(TEXT_OUTSIDE_VCARD(), line=logical.line)
        raw = b"".join(logical.parts)
        try:
            head = _parse_head(raw)
        except _Malformed as error:
            raise FormatError(MALFORMED_LINE(reason=error.message), line=logical.line) from None
        if logical.dropped:
            return
        value = raw[head.value_start :]
        if head.name == "BEGIN":
            self._begin(value, logical.line)
        elif head.name == "END":
            self._end(value, logical.line)
        elif head.name == "VERSION":
            self._version(value, logical.line)
        elif head.name == "AGENT":
            self._agent(value, logical.line)
        elif head.name != "PROFILE":  # "PROFILE:VCARD" says nothing, and vobject rejects it
            params = tuple((name, tuple(values)) for name, values in head.params)
            self.stack[-1].lines.append(_RawLine(logical.line, head.group, head.name, params, value))

    def _begin(self, value: bytes, line: int) -> None:
        kind = value.strip().decode("utf-8", errors="replace")
        if kind.upper() != "VCARD":
            raise FormatError(BEGIN_NOT_VCARD(kind=kind), line=line)
        if self.depth + len(self.stack) >= MAX_NESTING:
            raise FormatError(NESTED_TOO_DEEP(depth=MAX_NESTING), line=line)
        self.stack.append(_OpenCard(line=line))

    def _end(self, value: bytes, line: int) -> None:
        kind = value.strip().decode("utf-8", errors="replace")
        card = self.stack.pop()
        if kind.upper() != "VCARD":
            raise FormatError(END_DOES_NOT_CLOSE(kind=kind, line=card.line), line=line)
        self.cards.append(_close(card))

    def _version(self, value: bytes, line: int) -> None:
        declared = value.strip().decode("utf-8", errors="replace")
        if declared not in VERSIONS:
            raise FormatError(UNSUPPORTED_VERSION(version=repr(declared)), line=line)
        card = self.stack[-1]
        if not card.saw_version:
            card.version, card.saw_version = VERSIONS[declared], True

    def _agent(self, value: bytes, line: int) -> None:
        """vCard 3.0 may embed a whole card in AGENT's value; it is read as a card of its own.

        vCard 2.1 writes the embedded card on the following lines instead, which the BEGIN
        handling nests; any other AGENT value (a name, a URI) is not kept.
        """
        text = value.decode("utf-8", errors="replace")
        if "BEGIN:VCARD" not in text.upper():
            return
        inner = _Reader(depth=self.depth + len(self.stack), fixed_line=line)
        self.cards.extend(inner.read(unescape(text).encode("utf-8")))


def _close(card: _OpenCard) -> Card:
    """Decode every property of a finished card and rewrite its value in vCard 3.0 escaping."""
    fallback = _card_charset(card)
    lines = tuple(_decode_line(raw, card.version, fallback) for raw in card.lines)
    return Card(line=card.line, version=card.version, lines=lines)


def _card_charset(card: _OpenCard) -> str:
    """The charset for undeclared bytes that are not UTF-8: the card's first declared one, else cp1252."""
    for raw in card.lines:
        for name, values in raw.params:
            if name == "CHARSET" and values:
                codec = _codec(values[0].decode("ascii", errors="replace"))
                if codec is not None and codec != "utf-8":
                    return codec
    return _FALLBACK_CHARSET


def _codec(label: str) -> str | None:
    """Python's codec name for a charset label, or None when Python knows no such charset."""
    label = label.strip().upper()
    try:
        return codecs.lookup(_CHARSET_ALIASES.get(label, label)).name
    except LookupError:
        return None


def _decode_line(raw: _RawLine, version: str, fallback: str) -> ContentLine:
    charset: str | None = None
    encoding = ""
    params: list[tuple[str, tuple[str, ...]]] = []
    for name, values in raw.params:
        if not values:  # a vCard 2.1 bare parameter: its name is its value
            name, values = _bare_parameter(name), (name.encode("ascii"),)
        if name == "CHARSET":
            charset = _codec(values[0].decode("ascii", errors="replace")) if values else None
            continue
        if name == "ENCODING":
            encoding = values[0].decode("ascii", errors="replace").upper() if values else ""
            continue
        texts = tuple(_clean_param(_decode_text(value, None, fallback)) for value in values)
        params.append((name, texts))
    value = raw.value
    if encoding == "QUOTED-PRINTABLE":
        value = binascii.a2b_qp(value)
    elif encoding in ("B", "BASE64"):
        try:
            value = binascii.a2b_base64(b"".join(value.split()))
        except binascii.Error:
            pass  # not base64 after all: keep the text as written
    text = _decode_text(value, charset, fallback)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ContentLine(
        line=raw.line,
        name=raw.name,
        value=_to_vcard30(text, raw.name, version),
        group=raw.group,
        params=tuple(params),
    )


def _bare_parameter(value: str) -> str:
    if value in _BARE_ENCODINGS:
        return "ENCODING"
    if value in _BARE_VALUE_TYPES:
        return "VALUE"
    return "TYPE"


def _decode_text(value: bytes, charset: str | None, fallback: str) -> str:
    """Declared charset first; otherwise UTF-8, and the card's fallback when the bytes are not UTF-8."""
    if charset is not None:
        return value.decode(charset, errors="replace")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode(fallback, errors="replace")


def _clean_param(value: str) -> str:
    """A decoded parameter value cannot hold a quote or a line break once it is quoted again."""
    return _TEXT_CONTROL.sub(lambda match: "'" if match.group() == '"' else " ", value)


def _to_vcard30(text: str, name: str, version: str) -> str:
    """Rewrite a decoded value in vCard 3.0 escaping (3.0 and 4.0 values already are, bar line breaks).

    vCard 2.1 escapes only inside structured values, where a backslash protects ``\\``, ``;``,
    ``:`` and ``,``; everywhere else its backslashes and commas are literal text.
    """
    if version != "2.1":
        return _normalise_30(text, keep_commas=name in _STRUCTURED or name in _LISTS)
    if name in _STRUCTURED_21:
        return ";".join(escape(part) for part in _split_21(text, ";"))
    if name in _LISTS:
        return ",".join(escape(part) for part in _split_21(text, ","))
    return escape(text)


def _normalise_30(text: str, keep_commas: bool) -> str:
    """Leave only the escapes vCard 3.0 defines, so that every reader sees the same text.

    ``\\:`` (Gmail's ``http\\://``) and other needless escapes lose their backslash; an unescaped
    comma is escaped unless it separates values; line breaks from quoted-printable become ``\\n``.
    """
    if "\\" not in text and "," not in text and "\n" not in text:
        return text  # nearly every value
    out: list[str] = []
    for match in _TOKENS_30.finditer(text):
        escaped, comma, plain = match.groups()
        if escaped is not None:
            if escaped in "\\;,":
                out.append("\\" + escaped)
            elif escaped in "nN\n":
                out.append("\\n")
            else:
                out.append(escaped)
        elif comma is not None:
            out.append("," if keep_commas else "\\,")
        elif plain is not None:
            out.append(plain.replace("\n", "\\n"))
        else:
            out.append("\\\\")  # a lone backslash at the very end
    return "".join(out)


def _split_21(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    for match in _ESCAPES_21[separator].finditer(text):
        escaped, split, plain = match.groups()
        if split:
            parts.append("".join(current))
            current = []
        else:
            current.append(escaped or plain)
    parts.append("".join(current))
    return parts


def escape(text: str) -> str:
    """Escape text for a vCard 3.0 value: backslash, semicolon, comma and line break."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def unescape(text: str) -> str:
    """Undo vCard 3.0 escaping: ``\\n``/``\\N`` is a line break, a backslash keeps the next character."""
    if "\\" not in text:
        return text
    out: list[str] = []
    for match in _ESCAPES_30.finditer(text):
        escaped, plain = match.groups()
        if escaped is None:
            out.append(plain)
        else:
            out.append("\n" if escaped in "nN" else escaped)
    return "".join(out)
