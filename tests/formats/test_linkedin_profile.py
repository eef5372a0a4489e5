"""LinkedIn's profile export: Profile.csv and Positions.csv, alone or in the export's zip, read safely."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from orchardist.formats import linkedin_profile
from orchardist.formats.base import FormatError
from orchardist.formats.linkedin_profile import month, read_export


def _headers(corpus: Path) -> dict[str, str]:
    """The real export's header of each file (from the shared corpus)."""
    lines = (corpus / "csv-headers" / "linkedin_2018_full_export_all_headers.tsv").read_text().splitlines()
    return dict(line.split("\t", 1) for line in lines if "\t" in line)


@pytest.fixture
def profile_csv(corpus: Path) -> bytes:
    header = _headers(corpus)["Profile.csv"]
    columns = header.split(",")
    values = dict.fromkeys(columns, "")
    values.update(
        {
            "First Name": "Amélie",
            "Last Name": "Côté",
            "Headline": "Data Analyst at Maple Health",
            "Geo Location": "Montreal, Quebec, Canada",
            "Websites": "[PERSONAL:https://amelie.example]",
        }
    )
    row = ",".join(f'"{values[column]}"' for column in columns)
    return f"{header}\n{row}\n".encode()


@pytest.fixture
def positions_csv(corpus: Path) -> bytes:
    header = _headers(corpus)["Positions.csv"]
    rows = [
        'Maple Health,Data Analyst,"Dashboards, forecasts","Montréal, QC",Mar 2021,',
        "Contoso,Junior Analyst,,Toronto,Jun 2018,Feb 2021",
    ]
    return "\n".join([header, *rows, ""]).encode()


def _zip(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_both_files_alone(profile_csv: bytes, positions_csv: bytes) -> None:
    found = read_export(profile_csv, "Profile.csv")
    assert (found.display_name, found.headline, found.location) == (
        "Amélie Côté",
        "Data Analyst at Maple Health",
        "Montreal, Quebec, Canada",
    )
    assert found.website == "https://amelie.example" and found.files == ("Profile.csv",)
    position = read_export(positions_csv, "Positions.csv")
    assert (position.title, position.employer, position.position_start) == (
        "Data Analyst",
        "Maple Health",
        "2021-03",
    )
    assert position.positions == 2 and position.location == "Montréal, QC"


def test_the_exports_zip(profile_csv: bytes, positions_csv: bytes) -> None:
    data = _zip(
        {
            "Basic_LinkedInDataExport/Profile.csv": profile_csv,
            "Positions.csv": positions_csv,
            "Connections.csv": b"x",
        }
    )
    found = read_export(data, "export.zip")
    assert found.files == ("Positions.csv", "Profile.csv")
    assert (found.display_name, found.title, found.position_start) == (
        "Amélie Côté",
        "Data Analyst",
        "2021-03",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mar 2019", "2019-03"),
        ("2019-03", "2019-03"),
        ("03/2019", "2019-03"),
        ("janv. 2020", "2020-01"),
        ("", ""),
    ],
)
def test_months(text: str, expected: str) -> None:
    assert month(text) == expected


def test_a_bad_month_names_the_file_line_and_field(positions_csv: bytes) -> None:
    broken = positions_csv.replace(b"Jun 2018", b"Someday")
    with pytest.raises(FormatError) as refused:
        read_export(broken, "Positions.csv")
    assert (
        str(refused.value)
        == "Positions.csv line 3, Started On: “Someday” is not a month such as “Mar 2019” or “2019-03”"
    )


def test_a_missing_column_is_named() -> None:
    with pytest.raises(FormatError, match="Positions.csv line 1: no Started On column"):
        read_export(b"Company Name,Title,Started\nA,B,C\n", "Positions.csv")


def test_a_file_that_is_neither_is_refused() -> None:
    with pytest.raises(FormatError, match="is not LinkedIn"):
        read_export(b"hello,world\n", "notes.csv")
    with pytest.raises(FormatError, match="holds neither"):
        read_export(_zip({"Connections.csv": b"x"}), "export.zip")
    with pytest.raises(FormatError, match="is not LinkedIn"):
        read_export(b"PK\x03\x04 broken", "export.zip")


@pytest.mark.parametrize(
    "name", ["../Profile.csv", "/etc/Profile.csv", "a\\..\\Profile.csv", "C:/Profile.csv"]
)
def test_a_name_that_climbs_out_is_refused(name: str, profile_csv: bytes) -> None:
    with pytest.raises(FormatError, match="points outside the archive"):
        read_export(_zip({name: profile_csv}), "export.zip")


def test_a_zip_bomb_is_refused_before_it_is_read() -> None:
    bomb = _zip({"Profile.csv": b"First Name,Last Name,Headline\n" + b"\0" * (5 * 1024 * 1024)})
    assert len(bomb) < 50_000
    with pytest.raises(FormatError, match="compressed over 100 times"):
        read_export(bomb, "export.zip")


def test_too_many_members_or_too_large_is_refused(
    monkeypatch: pytest.MonkeyPatch, profile_csv: bytes
) -> None:
    monkeypatch.setattr(linkedin_profile, "MAX_MEMBERS", 3)
    with pytest.raises(FormatError, match="more than 3 files"):
        read_export(_zip({f"f{number}.txt": b"x" for number in range(4)}), "export.zip")
    monkeypatch.setattr(linkedin_profile, "MAX_TOTAL", 100)
    with pytest.raises(FormatError, match="unpacks to more than"):
        read_export(_zip({"Profile.csv": profile_csv}), "export.zip")


def test_a_member_larger_than_the_archive_says_is_refused(profile_csv: bytes) -> None:
    data = bytearray(_zip({"Profile.csv": profile_csv}, zipfile.ZIP_STORED))
    # Shrink the declared size in the central directory: the reader must stop at it.
    central = data.rfind(b"PK\x01\x02")
    size_at = central + 24
    data[size_at : size_at + 4] = (10).to_bytes(4, "little")
    with pytest.raises(FormatError):
        read_export(bytes(data), "export.zip")
