"""CSV exports from bytes to text: encodings, Ctrl-Z, overlong lines and binary data."""

from __future__ import annotations

import codecs

import pytest

from orchardist.domain.messages import Message
from orchardist.formats.base import FormatError
from orchardist.formats.csv_decoding import MAX_LINE_CHARS, decode
from orchardist.formats.csv_tables import Row, read_table

A_TEST_FILE = Message("test.file", "a test file")


def _has_names(keys: frozenset[str]) -> bool:
    return {"first name", "last name"} <= keys


def _rows(data: bytes) -> list[Row]:
    return list(read_table(data, _has_names, expected=A_TEST_FILE).rows)


# Encodings


@pytest.mark.parametrize(
    "encoded",
    [
        "First Name,Last Name\nJosé,Müller\n".encode(),
        codecs.BOM_UTF8 + "First Name,Last Name\nJosé,Müller\n".encode(),
        "First Name,Last Name\nJosé,Müller\n".encode("utf-16"),
        codecs.BOM_UTF16_BE + "First Name,Last Name\nJosé,Müller\n".encode("utf-16-be"),
        "First Name,Last Name\nJosé,Müller\n".encode("utf-16-le"),
        "First Name,Last Name\nJosé,Müller\n".encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-no-bom", "cp1252"],
)
def test_every_encoding_reads_the_same(encoded: bytes) -> None:
    (row,) = _rows(encoded)
    assert (row.get("first name"), row.get("last name")) == ("José", "Müller")


def test_bytes_that_are_not_utf8_are_read_as_cp1252_one_by_one() -> None:
    # A UTF-8 file with one name typed in by a spreadsheet in Windows-1252.
    data = "Zoë,".encode() + "Geneviève".encode("cp1252") + b" \x93Gigi\x94\n"
    assert decode(data) == "Zoë,Geneviève “Gigi”\n"


def test_a_byte_that_is_not_even_cp1252_is_refused_with_its_line() -> None:
    data = b"First Name,Last Name\r\nAna,Silva\r\nBad,\x81\x8d\r\n"
    with pytest.raises(FormatError) as refused:
        decode(data)
    assert refused.value.line == 3
    assert (refused.value.reason.code, refused.value.reason.params) == (
        "file.undecodable_byte",
        {"byte": "0x81"},
    )
    assert "0x81" in str(refused.value.reason) and "UTF-8" in str(refused.value.reason)


def test_damaged_utf16_is_refused_with_its_line() -> None:
    data = "a,b\nc,d\n".encode("utf-16") + b"\x00\xd8"  # a lone high surrogate at the end
    with pytest.raises(FormatError) as refused:
        decode(data)
    assert refused.value.line == 3


# Control characters and line lengths


def test_ctrl_z_at_the_end_of_an_old_dos_file_is_ignored() -> None:
    assert [row.get("first name") for row in _rows(b"First Name,Last Name\r\nAna,Silva\r\n\x1a")] == ["Ana"]


def test_ctrl_z_inside_the_file_is_binary_data() -> None:
    with pytest.raises(FormatError, match="0x1A") as refused:
        _rows(b"First Name,Last Name\r\nAna,Sil\x1ava\r\nBo,Lee\r\n")
    assert refused.value.line == 2


def test_a_megabyte_line_is_refused_with_its_line_number() -> None:
    data = b"First Name,Last Name\n" + b"a,b\n" * 5 + b"x" * 1_048_576 + b"\nc,d\n"
    with pytest.raises(FormatError) as refused:
        read_table(data, _has_names, expected=A_TEST_FILE)
    assert refused.value.line == 7
    assert str(refused.value) == (
        "line 7: the line is 1,048,576 characters long; a contacts export has no line that long"
    )


def test_a_line_at_the_cap_is_accepted() -> None:
    data = b"First Name,Last Name\n" + b"a," + b"b" * (MAX_LINE_CHARS - 2) + b"\n"
    (row,) = _rows(data)
    assert len(row.get("last name")) == MAX_LINE_CHARS - 2


def test_a_file_half_csv_and_half_binary_is_refused_at_the_first_binary_line() -> None:
    binary = bytes(range(256)) * 8
    data = b"First Name,Last Name\nAna,Silva\nBo,Lee\n" + binary
    with pytest.raises(FormatError) as refused:
        read_table(data, _has_names, expected=A_TEST_FILE)
    assert refused.value.line == 4


def test_control_characters_in_text_are_refused_as_binary() -> None:
    with pytest.raises(FormatError, match="binary data") as refused:
        read_table(b"First Name,Last Name\nAna,Sil\x00va\n", _has_names, expected=A_TEST_FILE)
    assert refused.value.line == 2
