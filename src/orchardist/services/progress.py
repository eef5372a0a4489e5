"""Progress: the last weeks' figures, this week against the weekly goal, and the give/ask ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from orchardist.domain.progress import (
    DEFAULT_WEEKS,
    Ledger,
    Tally,
    WeekCounts,
    goal_met,
    week_counts,
    week_starts,
)
from orchardist.services.network import Network
from orchardist.services.settings import tending_in
from orchardist.store.unit import Unit


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


def progress(network: Network, on: date | None = None, weeks: int = DEFAULT_WEEKS) -> Progress:
    """The ``weeks`` weeks ending with the week of ``on`` (today by default), Monday to Sunday.

    The figures are kept as contacts and people are written, so this reads a row a week and the
    ledger's sums, however many contacts the weeks hold.
    """
    with network.reading() as unit:
        return progress_in(unit, on or date.today(), weeks)


def progress_in(unit: Unit, on: date, weeks: int = DEFAULT_WEEKS) -> Progress:
    """``progress`` within a transaction already open (a counsellor's caseload reads many)."""
    starts = week_starts(on, weeks)
    goal = tending_in(unit).weekly_goal
    kept = unit.progress.weeks(starts[0], starts[-1])
    overall = unit.progress.ledger()
    counted = [week_counts(start, kept.get(start, Tally())) for start in starts]
    return Progress(on=on, weeks=counted, goal=goal, ledger=overall)
