"""Progress: the last weeks' figures, this week against the weekly goal, and the give/ask ledger."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from orchardist.domain.progress import (
    DEFAULT_WEEKS,
    Ledger,
    WeekCounts,
    goal_met,
    week_starts,
    weekly_counts,
)
from orchardist.services.network import Network
from orchardist.services.settings import tending_in


@dataclass(frozen=True, slots=True)
class Progress:
    """The weeks (oldest first, the current one last), the weekly goal (0: none) and the ledger."""

    on: date
    weeks: list[WeekCounts]
    goal: int
    ledger: Ledger

    @property
    def this_week(self) -> WeekCounts:
        return self.weeks[-1]

    @property
    def goal_met(self) -> bool:
        """Whether this week's tended people reach the goal (never, without a goal)."""
        return goal_met(self.this_week.tended, self.goal)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.on.isoformat(),
            "goal": self.goal,
            "goal_met": self.goal_met,
            "this_week": self.this_week.to_dict(),
            "weeks": [week.to_dict() for week in self.weeks],
            "ledger": self.ledger.to_dict(),
        }


# Counting a dozen weeks reads every contact in them (some 13,000 at the benchmark's 30,000 people and
# 300,000 interactions), so the figures are kept while nothing changes: no write through this store (a
# log, a deletion, a merge, an import), no newer person or interaction in the database (another
# process, such as the CLI, adding them), and for at most a minute (another process deleting).
MAX_CACHED = 32
KEEP_SECONDS = 60.0
_cache: dict[tuple[str, date, int], tuple[tuple[Any, ...], tuple[WeekCounts, ...], Ledger]] = {}
_lock = threading.Lock()


def progress(network: Network, on: date | None = None, weeks: int = DEFAULT_WEEKS) -> Progress:
    """The ``weeks`` weeks ending with the week of ``on`` (today by default), Monday to Sunday."""
    on = on or date.today()
    starts = week_starts(on, weeks)
    first, last = starts[0], starts[-1] + timedelta(days=6)
    key = (network.key, on, weeks)
    with network.reading() as unit:
        goal = tending_in(unit).weekly_goal
        version = (network.generation, unit.newest_ids(), int(time.monotonic() // KEEP_SECONDS))
        with _lock:
            cached = _cache.get(key)
        if cached is not None and cached[0] == version:
            return Progress(on=on, weeks=list(cached[1]), goal=goal, ledger=cached[2])
        contacts = unit.tending.contacts_between(first, last)
        involved = sorted({contact.person_id for contact in contacts})
        around = unit.progress.people_around(involved, first)
        added = {**around.added, **unit.progress.added_between(first, last)}
        overall = unit.progress.ledger()
    counted = weekly_counts(contacts, around.previous, added, starts)
    with _lock:
        if len(_cache) >= MAX_CACHED:
            _cache.pop(next(iter(_cache)))
        _cache[key] = (version, tuple(counted), overall)
    return Progress(on=on, weeks=counted, goal=goal, ledger=overall)
