"""A full disk leaves nothing broken behind: no empty store, no half backup, no truncated export.

Each command runs in a child process whose files may not grow past a limit (``RLIMIT_FSIZE``, with
SIGXFSZ ignored so that a write past it fails with EFBIG instead of killing the process), the way a
disk that fills up mid-write behaves. Where the system allows a private mount, one test also fills
a real (tiny) tmpfs, where writes fail with ENOSPC.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import orchardist
from orchardist.domain.people import Person
from orchardist.services.network import Network, open_network
from orchardist.services.people import add_person

SOURCES = str(Path(orchardist.__file__).resolve().parents[1])
# Sets the limit, then runs the orchardist command with the remaining arguments.
LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from orchardist.cli.main import cli
cli(sys.argv[2:], prog_name="orchardist")
"""
# SQLite's shared-memory index alone is 32 KiB; the store must still open for reading.
LIMIT = 48 * 1024
NAME = "Ada Lovelace"


def orchardist_limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCES, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def refused_plainly(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a refused command prints: exit 2, no traceback, no one's name."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and NAME not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("orchardist: "), result.stderr
    return lines[0]


@pytest.fixture
def big_network(tmp_path: Path) -> Network:
    """A store well over the limit, with exports over it too."""
    network = open_network(str(tmp_path / "store" / "orchardist.sqlite3"))
    note = "Met at the spring networking breakfast; wants to hear about data roles. " * 3
    with network.writing() as unit:
        for number in range(400):
            unit.people.add(Person(display_name=f"Person {number}", notes=note))
    add_person(network, Person(display_name=NAME))
    network.close()
    return network


def test_a_new_store_on_a_full_disk_leaves_no_empty_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    result = orchardist_limited(LIMIT, "--db", str(folder / "orchardist.sqlite3"), "info")
    line = refused_plainly(result)
    assert line.startswith(f"orchardist: the store at {folder / 'orchardist.sqlite3'} was not created (")
    assert line.endswith("; nothing was left behind")
    assert list(folder.iterdir()) == []


def test_a_backup_on_a_full_disk_keeps_the_earlier_one(tmp_path: Path, big_network: Network) -> None:
    target = tmp_path / "backups" / "orchardist.sqlite3"
    target.parent.mkdir()
    target.write_bytes(b"last week's backup")
    result = orchardist_limited(LIMIT, "--db", big_network.describe(), "backup", str(target))
    line = refused_plainly(result)
    assert line.startswith(f"orchardist: backup failed: {target} was not written (")
    assert line.endswith("); any earlier file there is unchanged")
    assert target.read_bytes() == b"last week's backup"
    assert [path.name for path in target.parent.iterdir()] == ["orchardist.sqlite3"]


def test_an_export_on_a_full_disk_keeps_the_earlier_one(tmp_path: Path, big_network: Network) -> None:
    target = tmp_path / "exports" / "network.csv"
    target.parent.mkdir()
    target.write_bytes(b"last week's export")
    result = orchardist_limited(
        LIMIT, "--db", big_network.describe(), "export", "--format", "csv", "-o", str(target)
    )
    assert refused_plainly(result) == (
        f"orchardist: {target} was not written (the file would be larger than this computer allows); "
        "any earlier file there is unchanged"
    )
    assert target.read_bytes() == b"last week's export"
    assert [path.name for path in target.parent.iterdir()] == ["network.csv"]


def test_the_same_commands_succeed_with_room_to_spare(tmp_path: Path, big_network: Network) -> None:
    """The limit is what refused them above: with room, they write whole, private files."""
    target = tmp_path / "exports" / "network.csv"
    result = orchardist_limited(
        64 * 1024 * 1024, "--db", big_network.describe(), "export", "--format", "csv", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > LIMIT and target.stat().st_mode & 0o777 == 0o600


def _can_mount_privately() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_privately(), reason="no private mounts here (unshare -rm)")
def test_a_backup_onto_a_really_full_disk_says_the_disk_is_full(tmp_path: Path, big_network: Network) -> None:
    disk = tmp_path / "usb-key"
    disk.mkdir()
    script = (
        f'mount -t tmpfs -o size=64k tmpfs "{disk}" && echo "last week" > "{disk}/backup.sqlite3" && '
        f'"{sys.executable}" -c "$0" "$@"; echo "exit $?"; ls -A "{disk}"; cat "{disk}/backup.sqlite3"'
    )
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, LIMITED, str(2**40), "--db", big_network.describe()]
        + ["backup", f"{disk}/backup.sqlite3"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCES, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert result.stdout.splitlines() == ["exit 2", "backup.sqlite3", "last week"], result.stderr
    assert result.stderr.strip() == (
        f"orchardist: backup failed: {disk}/backup.sqlite3 was not written (the disk is full); "
        "any earlier file there is unchanged"
    )
