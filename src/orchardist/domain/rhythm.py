"""The stay-in-touch rhythm: how often to be in touch with someone, and when they are next due.

Rules:

- Each tier has a number of days (editable per network): inner 30, active 90, casual 180. Dormant has no
  rhythm: a dormant person is never due.
- A person's own number of days (``every_days``) overrides their tier's. On a dormant person it is kept
  for when they move back to a tier, and does nothing meanwhile.
- Any logged interaction, whatever its direction, resets the clock: the person is next due that many days
  after the latest contact. Someone with no logged contact is due that many days after they were added.
- Due on the due day itself; "days overdue" count from it. The rhythm in force is always the current one, so
  changing it mid-way moves the due date at once.
- Losing touch: at least twice the rhythm without contact, or an inner or active person past their due date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from orchardist.domain import wording
from orchardist.domain.holidays import BY_CODE
from orchardist.domain.messages import InputRefused
from orchardist.domain.people import MOST_DAYS, Tier

DEFAULT_DAYS: dict[Tier, int] = {Tier.INNER: 30, Tier.ACTIVE: 90, Tier.CASUAL: 180}
MAX_DAYS = MOST_DAYS
MAX_WEEKLY_GOAL = 100
MAX_TODAY_SIZE = 100
LOSING_TOUCH_FACTOR = 2
CLOSE_TIERS = frozenset({Tier.INNER, Tier.ACTIVE})


@dataclass(frozen=True, slots=True)
class TendingSettings:
    """A network's tending choices: rhythm per tier, the weekly goal, the size of Today, holidays.

    ``today_size`` caps the people Today suggests by rhythm (overdue, reconnect, give before ask); owed
    thank-yous and follow-ups and occasions always show. ``holidays`` are codes of
    ``orchardist.domain.holidays``, greeted in the inner and active tiers.
    """

    inner_days: int = DEFAULT_DAYS[Tier.INNER]
    active_days: int = DEFAULT_DAYS[Tier.ACTIVE]
    casual_days: int = DEFAULT_DAYS[Tier.CASUAL]
    weekly_goal: int = 5
    today_size: int = 10
    holidays: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in ("inner_days", "active_days", "casual_days"):
            value = getattr(self, name)
            if not 1 <= value <= MAX_DAYS:
                raise InputRefused(wording.DAYS_BETWEEN(most=MAX_DAYS, value=value), field=name)
        if not 0 <= self.weekly_goal <= MAX_WEEKLY_GOAL:
            raise InputRefused(
                wording.WEEKLY_GOAL_RANGE(most=MAX_WEEKLY_GOAL, value=self.weekly_goal), field="weekly_goal"
            )
        if not 1 <= self.today_size <= MAX_TODAY_SIZE:
            raise InputRefused(
                wording.NUMBER_RANGE(least=1, most=MAX_TODAY_SIZE, value=self.today_size), field="today_size"
            )
        unknown = [code for code in self.holidays if code not in BY_CODE]
        if unknown:
            raise InputRefused(
                wording.UNKNOWN_HOLIDAY(code=repr(unknown[0]), known=", ".join(BY_CODE)), field="holidays"
            )

    def tier_days(self, tier: Tier) -> int | None:
        """The tier's number of days; None for dormant."""
        return {
            Tier.INNER: self.inner_days,
            Tier.ACTIVE: self.active_days,
            Tier.CASUAL: self.casual_days,
        }.get(tier)


def rhythm_days(tier: Tier, every_days: int | None, settings: TendingSettings) -> int | None:
    """How many days between contacts: the person's own number, else the tier's; None when dormant."""
    if tier is Tier.DORMANT:
        return None
    return every_days if every_days is not None else settings.tier_days(tier)


def clock_start(last_contact: date | None, added_on: date) -> date:
    """Where the clock runs from: the latest contact, or the day the person was added."""
    return last_contact if last_contact is not None else added_on


def next_due(
    tier: Tier, every_days: int | None, last_contact: date | None, added_on: date, settings: TendingSettings
) -> date | None:
    """The day the person is next due (possibly past); None for dormant."""
    days = rhythm_days(tier, every_days, settings)
    if days is None:
        return None
    return clock_start(last_contact, added_on) + timedelta(days=days)


@dataclass(frozen=True, slots=True)
class Standing:
    """Where someone stands against their rhythm on a given day."""

    person_id: int
    rhythm: int
    due: date
    days_since: int  # since the latest contact, or since they were added
    never_contacted: bool

    @property
    def days_overdue(self) -> int:
        """Days past the due date (0 on the due day, negative before)."""
        return self.days_since - self.rhythm

    @property
    def overdue_ratio(self) -> float:
        """Days overdue relative to the rhythm: Today ranks people by it."""
        return self.days_overdue / self.rhythm


def standing(
    person_id: int,
    tier: Tier,
    every_days: int | None,
    last_contact: date | None,
    added_on: date,
    settings: TendingSettings,
    on: date,
) -> Standing | None:
    """The person's standing on ``on``; None for dormant people."""
    days = rhythm_days(tier, every_days, settings)
    if days is None:
        return None
    start = clock_start(last_contact, added_on)
    return Standing(
        person_id=person_id,
        rhythm=days,
        due=start + timedelta(days=days),
        days_since=(on - start).days,
        never_contacted=last_contact is None,
    )


def is_due(found: Standing | None) -> bool:
    return found is not None and found.days_overdue >= 0


def is_losing_touch(found: Standing | None, tier: Tier) -> bool:
    """Well past the rhythm: twice it without contact, or an inner or active person overdue at all."""
    if found is None:
        return False
    if found.days_since >= LOSING_TOUCH_FACTOR * found.rhythm:
        return True
    return tier in CLOSE_TIERS and found.days_overdue > 0
