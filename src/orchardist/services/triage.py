"""Today as a list to work through: totals per reason, the items grouped by reason, a page at a time.

Today holds at most ``MAX_ITEMS`` items; the page shows ``shown`` of them and builds the words (the
sentence and the action) of those alone, so showing ten costs ten cards whatever the network's size.
After a snooze, a dismissal or a contact logged from the page, the view also names the people it was
about, so the page can say who and offer to undo.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from orchardist.domain.tending import MAX_ITEMS, TodayItem
from orchardist.services import refusals
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.reasons import REASONS, codes
from orchardist.services.tending import TodayEntry, Translate, describe, today_in

PAGE = 10  # cards shown at first, and added by each "Show more"


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True, slots=True)
class ReasonTotal:
    """How many of Today's items have one reason."""

    reason: str
    count: int


@dataclass(frozen=True, slots=True)
class TodayGroup:
    """The shown items of one reason, in rank order, and how many that reason has in all."""

    reason: str
    total: int
    entries: tuple[TodayEntry, ...]


@dataclass(frozen=True, slots=True)
class TodayView:
    """A page of Today: the totals per reason, the first ``shown`` items grouped by reason, and the
    names of the people an action just concerned."""

    totals: tuple[ReasonTotal, ...]
    groups: tuple[TodayGroup, ...]
    total: int  # items in the list (of ``reason`` when one is chosen)
    shown: int
    reason: str | None = None
    named: dict[int, str] = field(default_factory=dict)

    @property
    def entries(self) -> list[TodayEntry]:
        """The shown items in the order the page shows them."""
        return [entry for group in self.groups for entry in group.entries]

    @property
    def more(self) -> int:
        """How many items are not shown yet."""
        return self.total - self.shown

    def to_dict(self) -> dict[str, Any]:
        return {
            "totals": {total.reason: total.count for total in self.totals},
            "total": self.total,
            "offset": 0,
            "entries": [entry.to_dict() for entry in self.entries],
        }


def _in_groups(items: Sequence[TodayItem]) -> list[TodayItem]:
    """Items grouped by reason in the registry's order (owed first), each group in rank order."""
    order = {code: position for position, code in enumerate(codes())}
    return sorted(items, key=lambda item: order.get(str(item.reason), len(order)))


def today_view(
    network: Network,
    on: date | None = None,
    *,
    reason: str | None = None,
    shown: int = PAGE,
    named: Sequence[int] = (),
    _: Translate = _as_is,
) -> TodayView:
    """Today's totals per reason and its first ``shown`` items (of ``reason`` alone when given),
    grouped by reason; ``named``: people whose names the page needs (those just snoozed or logged)."""
    if reason is not None and reason not in REASONS:
        raise InputRefused(
            refusals.UNKNOWN_REASON(reason=repr(reason), choices=", ".join(codes())), field="reason"
        )
    if not 1 <= shown <= MAX_ITEMS:
        raise InputRefused(refusals.PAGE_SIZE(most=MAX_ITEMS), field="shown")
    on = on or date.today()
    with network.reading() as unit:
        items = today_in(unit, on)
        found = unit.people.get_many(sorted(set(named))) if named else {}
    counts = Counter(str(item.reason) for item in items)
    totals = tuple(ReasonTotal(code, counts[code]) for code in codes() if counts[code])
    wanted = _in_groups([item for item in items if reason is None or item.reason == reason])
    page = [describe(item, _) for item in wanted[:shown]]
    groups: list[TodayGroup] = []
    for entry in page:
        code = str(entry.item.reason)
        if groups and groups[-1].reason == code:
            last = groups[-1]
            groups[-1] = TodayGroup(code, last.total, (*last.entries, entry))
        else:
            groups.append(TodayGroup(code, counts[code], (entry,)))
    return TodayView(
        totals=totals,
        groups=tuple(groups),
        total=len(wanted),
        shown=len(page),
        reason=reason,
        named={person_id: person.display_name for person_id, person in found.items()},
    )
