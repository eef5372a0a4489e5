"""CSV tables: delimiters, header rows, records and their lines, refusals, sniffing, formulas."""

from __future__ import annotations

import codecs
from pathlib import Path
from types import ModuleType

import pytest

from orchardist.domain.messages import Message
from orchardist.domain.people import Person
from orchardist.formats import google_csv, linkedin, outlook_csv
from orchardist.formats.base import FormatError
from orchardist.formats.csv_tables import (
    Row,
    detect_delimiter,
    header_key,
    read_people,
    read_table,
    sniff_header,
)

A_TEST_FILE = Message("test.file", "a test file")
NO_FIRST_NAME = Message("test.no_first_name", "no first name")


def _has_names(keys: frozenset[str]) -> bool:
    return {"first name", "last name"} <= keys


def _rows(data: bytes) -> list[Row]:
    return list(read_table(data, _has_names, expected=A_TEST_FILE).rows)


# Line ends, line numbers and records


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_line_ends_do_not_change_records_or_their_line_numbers(newline: str) -> None:
    text = newline.join(
        ["First Name,Last Name,Notes", 'Ana,Silva,"two', 'lines"', "", "Bo,Lee,", "Cy,Kim,x", ""]
    )
    rows = _rows(text.encode())
    assert [(row.line, row.get("first name")) for row in rows] == [(2, "Ana"), (5, "Bo"), (6, "Cy")]
    assert rows[0].get("notes") == "two\nlines"


def test_records_report_the_physical_line_they_start_on_after_a_preamble() -> None:
    data = b'Notes:\n"a, quoted\nparagraph"\n\nFirst Name,Last Name\n"A\n\nB",C\nD,E\n'
    table = read_table(data, _has_names, expected=A_TEST_FILE)
    assert table.header.line == 5
    assert [(row.line, row.get("first name")) for row in table.rows] == [(6, "A\n\nB"), (9, "D")]


def test_blank_and_padding_rows_are_passed_over() -> None:
    rows = _rows(b"First Name,Last Name\n,\n\n , \nAna,Silva\n,,,,\n")
    assert [row.line for row in rows] == [5]


# Delimiters and headers


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("First Name,Last Name,Company", ","),
        ("First Name;Last Name;Company", ";"),
        ("First Name\tLast Name\tCompany", "\t"),
        ('"Smith; Jones",Acme,Engineer', ","),
        ('"a,b,c";"d,e,f";x', ";"),
        ('"only, one, quoted, value"', None),
        ("Notes:", None),
    ],
)
def test_detect_delimiter_counts_only_outside_quotes(line: str, expected: str | None) -> None:
    assert detect_delimiter(line) == expected


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_rows_are_read_with_the_header_delimiter(delimiter: str) -> None:
    text = delimiter.join(["First Name", "Last Name", "Company"]) + "\n"
    text += delimiter.join(["Ana", "Silva", '"Acme, Inc.; Ltd"']) + "\n"
    (row,) = _rows(text.encode())
    assert row.values == {"first name": "Ana", "last name": "Silva", "company": "Acme, Inc.; Ltd"}


def test_header_names_match_whatever_their_case_spacing_and_quotes() -> None:
    assert header_key('  "E-mail   Address" ') == "e-mail address"
    assert header_key("\ufeffFIRST NAME") == "first name"
    (row,) = _rows(b'"FIRST NAME" ,  last   name  ,URL\nAna,Silva,x\n')
    assert row.get("first name") == "Ana" and row.get("last name") == "Silva"


def test_columns_are_found_by_name_not_position() -> None:
    (row,) = _rows(b"Company,Last Name,First Name\nAcme,Silva,Ana\n")
    assert (row.get("first name"), row.get("last name"), row.get("company")) == ("Ana", "Silva", "Acme")


def test_a_repeated_header_name_gets_a_numbered_key() -> None:
    table = read_table(
        b"Titre,First Name,Last Name,Titre\nDr,Ana,Silva,Engineer\n", _has_names, expected=A_TEST_FILE
    )
    (row,) = table.rows
    assert table.header.keys == ("titre", "first name", "last name", "titre #2")
    assert (row.get("titre"), row.get("titre #2")) == ("Dr", "Engineer")


def test_excels_sep_hint_line_sets_the_delimiter() -> None:
    table = read_table(
        b"sep=;\nFirst Name;Last Name;Company\nAna;Silva;Acme, Inc.\n", _has_names, expected=A_TEST_FILE
    )
    assert table.header.delimiter == ";" and table.header.line == 2
    assert [row.get("company") for row in table.rows] == ["Acme, Inc."]


def test_header_and_rows_wrapped_whole_in_quotes_are_unwrapped() -> None:
    data = b'"First Name,Last Name,Company"\n"Ana,""Silva, PhD"",Acme"\n'
    (row,) = _rows(data)
    assert row.values == {"first name": "Ana", "last name": "Silva, PhD", "company": "Acme"}


def test_a_row_with_more_values_than_columns_carries_a_problem() -> None:
    rows = _rows(b"First Name,Last Name\nAna,Silva,,\nBo,Lee,Acme,Extra\n")
    assert rows[0].problem is None  # empty trailing cells are padding
    assert rows[1].line == 3
    assert rows[1].problem is not None and "4 values but the header has 2 columns" in str(rows[1].problem)
    assert (rows[1].problem.code, rows[1].problem.params) == (
        "row.too_many_values",
        {"values": 4, "columns": 2},
    )


def test_a_row_with_fewer_values_is_padded() -> None:
    (row,) = _rows(b"First Name,Last Name,Company\nAna\n")
    assert (row.get("first name"), row.get("company")) == ("Ana", "")


def test_row_get_returns_the_first_non_empty_of_several_keys() -> None:
    row = Row(1, {"a": " ", "b": " x "})
    assert row.get("a", "b") == "x"
    assert row.get("missing") == ""


# Refusals


def test_an_empty_file_is_refused() -> None:
    for data in (b"", b"  \n\r\n", codecs.BOM_UTF8 + b"\n"):
        with pytest.raises(FormatError, match="empty"):
            read_table(data, _has_names, expected=A_TEST_FILE)


def test_an_unknown_header_is_refused_naming_what_was_expected_and_what_was_found() -> None:
    with pytest.raises(FormatError) as refused:
        read_table(
            b"Foo,Bar,Baz\n1,2,3\n",
            _has_names,
            expected=Message("test.names", "a file with First Name and Last Name"),
        )
    message = str(refused.value)
    assert "a file with First Name and Last Name" in message
    assert "'Foo,Bar,Baz'" in message


def test_an_unclosed_quote_that_would_swallow_the_file_is_refused() -> None:
    data = b'First Name,Last Name\nAna,Silva\nBo,"Lee\nCy,Kim\nDi,Ray\n'
    with pytest.raises(FormatError, match="never closed") as refused:
        _rows(data)
    assert refused.value.line == 3


def test_a_multiline_value_in_the_last_row_is_not_mistaken_for_an_unclosed_quote() -> None:
    rows = _rows(b'First Name,Last Name\nAna,"Silva\nda Costa"')
    assert rows[0].get("last name") == "Silva\nda Costa"


@pytest.mark.parametrize("end", ["", "\n"])
def test_an_unclosed_quote_in_the_last_row_alone_is_refused(end: str) -> None:
    # One line, with or without its line break: read on, the rest of the row would be one value.
    data = f'First Name,Last Name,Company\nAna,Silva,Acme\nBo,"Lee,Acme{end}'.encode()
    with pytest.raises(FormatError, match="never closed") as refused:
        _rows(data)
    assert refused.value.line == 3


@pytest.mark.parametrize("end", ["", "\n"])
def test_quotes_that_open_no_value_in_the_last_row_are_read_as_written(end: str) -> None:
    rows = _rows(f'First Name,Last Name,Company\nAna,O"Brien,"Acme, Inc."{end}'.encode())
    assert (rows[0].get("last name"), rows[0].get("company")) == ('O"Brien', "Acme, Inc.")


# Sniffing


def test_sniffing_reads_only_the_start_and_never_raises() -> None:
    assert sniff_header(b"First Name,Last Name\n" + b"\x81" * 200_000, _has_names)
    assert not sniff_header(b"", _has_names)
    assert not sniff_header(bytes(range(256)), _has_names)


def test_sniffing_reads_a_cp1252_header() -> None:
    header = "Vorname;Nachname;Straße geschäftlich\n".encode("cp1252")
    assert sniff_header(header, lambda keys: "straße geschäftlich" in keys)


_HEADERS = Path("csv-headers")
_CLAIMS: dict[str, ModuleType] = {
    "google_csv_legacy_header_from_real_export.csv": google_csv,
    "google_csv_new_header_example_52col.csv": google_csv,
    "google_export_as_outlook_csv_header_newer.csv": outlook_csv,
    "google_export_as_outlook_csv_header_older.csv": outlook_csv,
    "linkedin_Connections_2018_header.csv": linkedin,
    "linkedin_Connections_2024_preamble_and_header.csv": linkedin,
    "linkedin_pre2015_outlook_style_export_header.csv": outlook_csv,
    "outlook_com_people_export_header.csv": outlook_csv,
    "outlook_desktop_2007plus_header_en.csv": outlook_csv,
}


def test_every_corpus_header_file_is_listed_here(corpus: Path) -> None:
    assert {path.name for path in (corpus / _HEADERS).glob("*.csv")} == set(_CLAIMS)


@pytest.mark.parametrize("name", sorted(_CLAIMS))
def test_each_corpus_header_is_claimed_by_its_format_alone(corpus: Path, name: str) -> None:
    data = (corpus / _HEADERS / name).read_bytes()
    claimed = [module for module in (linkedin, google_csv, outlook_csv) if module.sniff(data)]
    assert claimed == [_CLAIMS[name]]


def test_no_other_file_of_linkedins_2018_export_is_taken_for_a_contacts_csv(corpus: Path) -> None:
    listing = (corpus / _HEADERS / "linkedin_2018_full_export_all_headers.tsv").read_text(encoding="utf-8")
    for line in listing.splitlines():
        name, header = line.split("\t")
        data = (header + "\n").encode()
        claimed = [module.FORMAT for module in (linkedin, google_csv, outlook_csv) if module.sniff(data)]
        assert claimed == (["linkedin"] if name == "Connections.csv" else []), name


# Spreadsheet formulas


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("http://x.example","click")',
        "=1+1",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1,2)",
        " =A1",
    ],
)
def test_a_row_with_a_formula_cell_is_skipped_with_the_column_named(cell: str) -> None:
    quoted = cell.replace('"', '""')
    data = f'First Name,Last Name,Company,Connected On\nAna,Ruiz,"{quoted}",1 Jan 2026\n'
    table = read_table(data.encode(), lambda keys: "first name" in keys, expected=A_TEST_FILE)
    (row,) = list(table.rows)
    assert row.problem is not None and "'Company' cell holds a spreadsheet formula" in str(row.problem)
    assert row.problem.code == "row.formula"


@pytest.mark.parametrize(
    "cell", ["+1 555 010 0100", "-- retired --", "@home office", "Smith-Jones", "C++ (systems)"]
)
def test_ordinary_values_that_start_like_a_formula_are_kept(cell: str) -> None:
    data = f'First Name,Last Name,Company,Connected On\nAna,Ruiz,"{cell}",1 Jan 2026\n'
    table = read_table(data.encode(), lambda keys: "first name" in keys, expected=A_TEST_FILE)
    (row,) = list(table.rows)
    assert row.problem is None


# From rows to people


def test_read_people_keeps_each_rows_line_and_skips_rows_with_a_problem_unread() -> None:
    data = b"First Name,Last Name\nAna,Silva\n,Nobody\nBo,Lee,Extra\nCy,Kim\n"
    read: list[int] = []

    def person_of(row: Row) -> Person | Message:
        read.append(row.line)
        first = row.get("first name")
        return Person(display_name=first) if first else NO_FIRST_NAME

    result = read_people(read_table(data, _has_names, expected=A_TEST_FILE), "test", person_of)
    assert result.format == "test"
    assert [(entry.line, entry.person.display_name) for entry in result.people] == [(2, "Ana"), (5, "Cy")]
    assert [item.line for item in result.skipped] == [3, 4]
    assert result.skipped[0].reason is NO_FIRST_NAME
    assert read == [2, 3, 5]
