"""A vdir folder kept up to date: files written whole and private, unchanged ones left alone, the files
of people deleted since removed, and never a file Orchardist did not write."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from orchardist.store.failures import StoreError
from orchardist.store.folders import MARKER, FolderWritten, write_folder


def test_a_new_folder_gets_each_file_private_and_a_marker_naming_them(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "cards"
    assert write_folder(folder, {"a.vcf": b"A", "b.vcf": b"B"}) == FolderWritten(2, 0, 0)
    assert sorted(path.name for path in folder.iterdir()) == [MARKER, "a.vcf", "b.vcf"]
    assert (folder / "a.vcf").read_bytes() == b"A"
    assert stat.S_IMODE((folder / "a.vcf").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert json.loads((folder / MARKER).read_text())["files"] == ["a.vcf", "b.vcf"]
    assert not list(folder.glob("*.partial"))


def test_unchanged_files_stay_as_they_are_and_deleted_people_go(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    write_folder(folder, {"a.vcf": b"A", "b.vcf": b"B", "c.vcf": b"C"})
    before = (folder / "a.vcf").stat().st_mtime_ns, (folder / "a.vcf").stat().st_ino
    assert write_folder(folder, {"a.vcf": b"A", "c.vcf": b"C2", "d.vcf": b"D"}) == FolderWritten(2, 1, 1)
    assert ((folder / "a.vcf").stat().st_mtime_ns, (folder / "a.vcf").stat().st_ino) == before
    assert sorted(path.name for path in folder.iterdir()) == [MARKER, "a.vcf", "c.vcf", "d.vcf"]
    assert (folder / "c.vcf").read_bytes() == b"C2"
    assert json.loads((folder / MARKER).read_text())["files"] == ["a.vcf", "c.vcf", "d.vcf"]


def test_files_it_did_not_write_are_never_removed(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "mine.vcf").write_bytes(b"the user's own card")
    (folder / "notes.txt").write_bytes(b"x")
    write_folder(folder, {"a.vcf": b"A"})
    assert write_folder(folder, {}) == FolderWritten(0, 0, 1)
    assert sorted(path.name for path in folder.iterdir()) == [MARKER, "mine.vcf", "notes.txt"]


@pytest.mark.parametrize(
    "marker",
    [b"not json", b"[]", b'{"format": "other", "files": ["mine.vcf"]}', b'{"format": "orchardist-vdir"}'],
)
def test_a_marker_it_cannot_read_removes_nothing(tmp_path: Path, marker: bytes) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    (folder / "mine.vcf").write_bytes(b"kept")
    (folder / MARKER).write_bytes(marker)
    assert write_folder(folder, {"a.vcf": b"A"}) == FolderWritten(1, 0, 0)
    assert (folder / "mine.vcf").read_bytes() == b"kept"


def test_a_marker_naming_paths_outside_the_folder_removes_nothing_there(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    outside = tmp_path / "outside.vcf"
    outside.write_bytes(b"kept")
    marker = {"format": "orchardist-vdir", "files": ["../outside.vcf", "/etc/passwd", ".."]}
    (folder / MARKER).write_text(json.dumps(marker))
    write_folder(folder, {})
    assert outside.read_bytes() == b"kept"


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "cards"
    target.write_bytes(b"a file")
    with pytest.raises(StoreError) as refused:
        write_folder(target, {"a.vcf": b"A"})
    assert refused.value.message.code == "write.not_a_folder"
    assert target.read_bytes() == b"a file"
