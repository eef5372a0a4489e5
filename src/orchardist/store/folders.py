"""A folder of exported files (a vdir) kept up to date: each file written whole, and the files of
people deleted since the last export into it removed, but only files Orchardist wrote there.

A marker file in the folder lists the files the last export wrote. Before writing, the marker is
widened to name the files about to be written, so a run cut short leaves nothing Orchardist would not
recognise later; once every file is in place, those no longer exported and named by the marker are
removed, and the marker then names exactly the files there. A file Orchardist did not write (one the
marker does not name) is never touched, and a file whose content is already right is left as it is,
so a sync tool sees only what changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from orchardist.store import messages
from orchardist.store.failures import StoreError
from orchardist.store.files import _flush_folder, failure_reason, private_folder, write_file

MARKER = ".orchardist-vdir.json"
_MARKER_FORMAT = "orchardist-vdir"


@dataclass(frozen=True, slots=True)
class FolderWritten:
    """What an export into a folder did: files written (new or changed), left as they were, removed."""

    written: int
    unchanged: int
    removed: int


def _is_plain_name(name: str) -> bool:
    return bool(name) and name not in {".", "..", MARKER} and "/" not in name and "\\" not in name


def _listed(folder: Path) -> set[str]:
    """The files the marker says Orchardist wrote here; none when there is no marker or it is not one."""
    try:
        found = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(found, dict) or found.get("format") != _MARKER_FORMAT:
        return set()
    names = found.get("files")
    if not isinstance(names, list):
        return set()
    return {name for name in names if isinstance(name, str) and _is_plain_name(name)}


def _write_marker(folder: Path, names: set[str]) -> None:
    document = {"format": _MARKER_FORMAT, "files": sorted(names)}
    write_file(folder / MARKER, (json.dumps(document, indent=1) + "\n").encode("utf-8"))


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and path.read_bytes() == data
    except OSError:
        return False


def write_folder(folder: Path, files: Mapping[str, bytes]) -> FolderWritten:
    """Make ``folder`` hold ``files`` (content by file name): each written privately and whole, the
    files of an earlier export into it that are no longer in ``files`` removed. StoreError says why
    when the folder cannot be made or written (nothing Orchardist did not write is touched)."""
    for name in files:
        if not _is_plain_name(name):
            raise ValueError(f"not a file name: {name!r}")
    if folder.exists() and not folder.is_dir():
        raise StoreError(messages.NOT_A_FOLDER(folder=str(folder)))
    try:
        private_folder(folder)
    except OSError as error:
        raise StoreError(messages.NOT_WRITTEN(file=str(folder), reason=failure_reason(error))) from error
    before = _listed(folder)
    wanted = set(files)
    if not wanted <= before:
        _write_marker(folder, before | wanted)
    written = unchanged = 0
    for name, data in files.items():
        target = folder / name
        if _same(target, data):
            unchanged += 1
            continue
        write_file(target, data)
        written += 1
    removed = 0
    for name in sorted(before - wanted):
        try:
            (folder / name).unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError as error:
            raise StoreError(
                messages.NOT_WRITTEN(file=str(folder / name), reason=failure_reason(error))
            ) from error
    if before != wanted:
        _write_marker(folder, wanted)
    _flush_folder(folder)  # the removals too last through a power cut
    return FolderWritten(written=written, unchanged=unchanged, removed=removed)
