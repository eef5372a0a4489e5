"""Files holding the network are private (0600 in 0700 folders) and written whole or not at all."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from orchardist.domain.people import Person
from orchardist.services.exporting import backup, write_export
from orchardist.services.network import Network, open_network
from orchardist.services.people import add_person
from orchardist.store import files, messages
from orchardist.store.engine import Store, StoreError
from orchardist.store.migrate import backup_before_migration


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems give (022): without the care taken, files come out 0644."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def on_file(tmp_path: Path) -> Iterator[Network]:
    network = open_network(str(tmp_path / "data" / "orchardist.sqlite3"))
    add_person(network, Person(display_name="Ada Lovelace"))
    yield network
    network.close()


def test_a_new_store_is_private_and_so_is_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "orchardist.sqlite3"
    network = open_network(str(path))
    try:
        add_person(network, Person(display_name="Ada Lovelace"))  # the WAL and its index now exist
        assert mode(path) == 0o600
        for companion in ("-wal", "-shm"):
            assert mode(path.with_name(path.name + companion)) == 0o600
        assert mode(path.parent) == 0o700 and mode(path.parent.parent) == 0o700
        assert [p.name for p in path.parent.iterdir() if p.name.startswith(".orchardist-")] == []
    finally:
        network.close()


def test_a_store_an_earlier_version_left_readable_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "orchardist.sqlite3"
    open_network(str(path)).close()
    path.chmod(0o644)
    Store(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o600


def test_someone_elses_folder_is_left_alone_but_orchardists_own_is_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "Documents"
    shared.mkdir(mode=0o755)
    open_network(str(shared / "network.sqlite3")).close()
    assert mode(shared) == 0o755
    own = tmp_path / "share" / "orchardist"
    own.mkdir(parents=True, mode=0o755)
    monkeypatch.setattr("orchardist.store.location.default_sqlite_path", lambda: own / "orchardist.sqlite3")
    Store(f"sqlite:///{own / 'orchardist.sqlite3'}").dispose()
    assert mode(own) == 0o700


def test_backups_and_exports_are_private(on_file: Network, tmp_path: Path) -> None:
    copy, exported = tmp_path / "out" / "backup.sqlite3", tmp_path / "export.csv"
    exported.write_bytes(b"an earlier export, readable by all")
    exported.chmod(0o644)
    assert backup(on_file, copy) == "sqlite"
    assert write_export(on_file, "csv", exported) > 0
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    assert mode(exported) == 0o600 and b"Ada" in exported.read_bytes()
    assert sorted(p.name for p in tmp_path.rglob(".orchardist-*")) == []


def test_the_copies_kept_before_a_migration_and_a_restore_are_private(
    on_file: Network, tmp_path: Path
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'data' / 'orchardist.sqlite3'}")
    try:
        kept = backup_before_migration(store, "0004")
        assert kept is not None and mode(kept) == 0o600
    finally:
        store.dispose()
    copy = tmp_path / "copy.sqlite3"
    backup(on_file, copy)
    on_file.replace_file_with(copy)
    aside = tmp_path / "data" / "orchardist.before-restore.sqlite3"
    assert aside.exists() and mode(aside) == 0o600


def test_a_failed_write_leaves_the_earlier_file_and_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_bytes(b"yesterday's export")
    with pytest.raises(StoreError) as refused, files.replacing(target) as temporary:
        temporary.write_bytes(b"half of today's")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert refused.value.message.code == "write.not_written"
    assert str(refused.value) == (
        f"{target} was not written (the disk is full); any earlier file there is unchanged"
    )
    assert target.read_bytes() == b"yesterday's export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv"]


def test_a_failed_check_leaves_nothing_either(tmp_path: Path) -> None:
    with pytest.raises(StoreError), files.replacing(tmp_path / "backup.sqlite3") as temporary:
        sqlite3.connect(temporary).close()
        raise StoreError(messages.NOT_A_STORE(file=str(temporary)))
    assert list(tmp_path.iterdir()) == []


def test_a_symbolic_link_stays_and_the_file_it_names_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    files.write_file(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new" and mode(real) == 0o600


def test_a_target_that_is_not_a_file_is_written_to_as_it_is(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        files.write_file(pipe, b"streamed")
        assert os.read(reader, 100) == b"streamed"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk is full"),
        (OSError(errno.EFBIG, "File too large"), "the file would be larger than this computer allows"),
        (OSError(errno.EACCES, "Permission denied"), "Permission denied"),
    ],
)
def test_why_a_write_failed_is_said_plainly(error: OSError, said: str) -> None:
    assert str(files.failure_reason(error)) == said


def test_sqlite_says_a_full_disk_by_its_code() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13  # type: ignore[attr-defined]
    failed = sqlite3.OperationalError("disk I/O error")
    failed.sqlite_errorcode = 778  # type: ignore[attr-defined]  # SQLITE_IOERR_WRITE
    assert str(files.failure_reason(full)) == "the disk is full"
    assert str(files.failure_reason(failed)) == "the disk refused the write, it may be full"
