"""khal, a real calendar on the command line, imports the reminders and the occasions calendar; importing
the same files again, as a calendar re-reading a feed, updates its entries rather than adding them twice
(each entry has a stable UID and a DTSTAMP)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar

from orchardist.domain.interactions import Direction
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.reminders import calendar, occasions
from tests.clients.conftest import client, fill, run


def _config(tmp_path: Path) -> Path:
    folder = tmp_path / "calendar"
    folder.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[orchardist]]\npath = {folder}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "[default]\ndefault_calendar = orchardist\n"
        f"[sqlite]\npath = {tmp_path / 'khal.db'}\n",
        encoding="utf-8",
    )
    return config


def _listed(config: Path, tmp_path: Path, start: date, days: int) -> list[str]:
    done = run(
        client("khal"),
        "-c",
        config,
        "list",
        "--format",
        "{start-date}|{title}|{uid}",
        "--day-format",
        "",
        start.isoformat(),
        f"{days}d",
        home=tmp_path,
    )
    return sorted(line for line in done.stdout.splitlines() if line.count("|") == 2)


def _uids(data: bytes) -> set[str]:
    return {str(event["uid"]) for event in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_khal_imports_the_reminders_and_again_without_doubling_them(
    today: date, local_network: Network, tmp_path: Path
) -> None:
    people = fill(local_network)
    for person in people[:2]:
        log_interaction(
            local_network,
            [person.id or 0],
            direction=Direction.ASKED,
            kind="coffee",
            summary="x",
            on=today - timedelta(days=9),
        )
    first = calendar(local_network, today, days=14)
    again = calendar(local_network, today, days=14)
    assert _uids(first) and _uids(first) == _uids(again)
    config = _config(tmp_path)
    khal = client("khal")
    target = tmp_path / "reminders.ics"
    target.write_bytes(first)
    run(khal, "-c", config, "import", "--batch", "-a", "orchardist", target, home=tmp_path)
    listed = _listed(config, tmp_path, today, 14)
    assert {line.rsplit("|", 1)[1] for line in listed} == _uids(first)
    assert all("Orchardist: reach out to" in line for line in listed)
    target.write_bytes(again)
    run(khal, "-c", config, "import", "--batch", "-a", "orchardist", target, home=tmp_path)
    assert _listed(config, tmp_path, today, 14) == listed


def test_khal_shows_the_occasions_every_year(local_network: Network, tmp_path: Path) -> None:
    fill(local_network)
    config = _config(tmp_path)
    target = tmp_path / "occasions.ics"
    target.write_bytes(occasions(local_network))
    khal = client("khal")
    for _ in range(2):
        run(khal, "-c", config, "import", "--batch", "-a", "orchardist", target, home=tmp_path)
    listed = _listed(config, tmp_path, date(2027, 1, 1), 365)
    assert [line.split("|")[:2] for line in listed] == [
        ["2027-02-28", "Orchardist: an anniversary"],  # 29 February, in a year without one
        ["2027-06-01", "Orchardist: a work anniversary"],
        ["2027-12-10", "Orchardist: a birthday"],
    ]
    leap = _listed(config, tmp_path, date(2028, 2, 1), 60)
    assert [line.split("|")[:2] for line in leap] == [["2028-02-29", "Orchardist: an anniversary"]]
