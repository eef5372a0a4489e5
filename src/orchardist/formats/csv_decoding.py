"""CSV exports from bytes to text: encodings, line ends, and refusing what is not text.

An export is decoded as UTF-8 with or without a byte-order mark, UTF-16 with a mark or the zero
bytes of UTF-16 text, and otherwise Windows-1252 for each byte that is not UTF-8. Line ends are made
uniform, and absurdly long lines and binary data are refused with the line they are on.
"""

from __future__ import annotations

import codecs
import re

from orchardist.formats.base import FormatError
from orchardist.formats.messages import BAD_UTF16, CSV_BINARY_DATA, CSV_LINE_TOO_LONG, UNDECODABLE_BYTE

MAX_LINE_CHARS = 100_000
# Sniffing looks only at the start of a file.
_HEAD_BYTES = 64 * 1024

# C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]|\x1a(?!\Z)")
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]|\x1a(?!\Z)")
# Every byte but those controls (Ctrl-Z included): deleting these from a file leaves only its
# control bytes, a quick test in C before the regular expression says where the first one is.
_TEXT_BYTES = bytes(code for code in range(256) if not (code < 0x20 or code == 0x7F) or code in b"\t\n\v\f\r")

# Bytes that Windows-1252 leaves undefined: no text encoding we read produces them.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


class _Undecodable(Exception):
    """A byte that is neither UTF-8 nor Windows-1252, at this offset."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as Windows-1252, one by one.

    Spreadsheets re-save exports in Windows-1252, and hand-edited files mix the two; reading each
    invalid byte as Windows-1252 gets both right.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    for index, byte in enumerate(chunk):
        if byte in _CP1252_UNDEFINED:
            raise _Undecodable(error.start + index)
    return bytes(chunk).decode("cp1252"), error.end


codecs.register_error("orchardist-cp1252", _cp1252_fallback)


def _line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based physical line holding byte ``offset`` (CR, LF and CRLF all end a line)."""
    return data.count(b"\n", 0, offset) + data.count(b"\r", 0, offset) - data.count(b"\r\n", 0, offset) + 1


def _utf16_encoding(data: bytes) -> str | None:
    """``utf-16`` for a file with a UTF-16 byte-order mark or the zero bytes of UTF-16 text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(data) >= 4 and data[0] and not data[1] and data[2] and not data[3]:
        return "utf-16-le"
    if len(data) >= 4 and not data[0] and data[1] and not data[2] and data[3]:
        return "utf-16-be"
    return None


def decode(data: bytes) -> str:
    """Decode an export to text, or raise FormatError naming the line of a byte that is not text."""
    encoding = _utf16_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
            problem = BAD_UTF16(problem=error.reason, byte=f"{error.start:,}")
            raise FormatError(problem, line=line) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8", errors="orchardist-cp1252")
    except _Undecodable as error:
        raise FormatError(
            UNDECODABLE_BYTE(byte=f"0x{data[error.offset]:02X}"), line=_line_of_offset(data, error.offset)
        ) from None


def decode_head(data: bytes) -> str:
    """The start of the file as text, for sniffing; never raises."""
    head = data[:_HEAD_BYTES]
    encoding = _utf16_encoding(head)
    if encoding is not None:
        return head[: len(head) & ~1].decode(encoding, errors="replace")
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    # A character cut at the end of the slice decodes as junk after the lines sniffing reads.
    try:
        return head.decode("utf-8", errors="orchardist-cp1252")
    except _Undecodable:
        return head.decode("utf-8", errors="replace")


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR (old Mac exports) become LF, so every physical line ends in ``\\n``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_text(text: str, *, binary_checked: bool = False) -> None:
    """Refuse text with a line over ``MAX_LINE_CHARS`` or with binary data, naming the line.

    ``text`` has LF line ends. The length cap keeps a damaged or hostile file from tying up the
    importer; no real contacts export has a line anywhere near that long. ``binary_checked`` says
    the bytes were already searched for binary data.
    """
    if len(text) > MAX_LINE_CHARS:
        lines = text.split("\n")
        longest = max(lines, key=len)
        if len(longest) > MAX_LINE_CHARS:
            number = lines.index(longest) + 1
            raise FormatError(CSV_LINE_TOO_LONG(length=f"{len(longest):,}"), line=number)
    if binary_checked:
        return
    binary = _BINARY.search(text)
    if binary is not None:
        raise _binary_error(ord(binary.group()), text.count("\n", 0, binary.start()) + 1)


def _binary_error(code: int, line: int) -> FormatError:
    return FormatError(CSV_BINARY_DATA(character=f"0x{code:02X}"), line=line)


def prepare_text(data: bytes) -> str:
    """Decode, make line ends uniform and check: the text every CSV importer reads."""
    utf16 = _utf16_encoding(data) is not None
    if not utf16 and data.translate(None, _TEXT_BYTES):
        # Binary data is looked for before decoding, so the first binary line is the one named.
        binary = _BINARY_BYTES.search(data)
        if binary is not None:
            raise _binary_error(binary.group()[0], _line_of_offset(data, binary.start()))
    text = normalise_line_ends(decode(data))
    # Ctrl-Z marked the end of file on DOS; some old exports still end with it.
    text = text.rstrip("\x1a")
    # Vertical tabs and form feeds stand for line breaks inside values in some exports.
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", " ").replace("\x0c", " ")
    check_text(text, binary_checked=not utf16)
    return text
