"""Introductions the user brokers between two people, asking each first (a double opt-in).

An introduction moves through its steps in order: ``started`` (the user chose the pair), ``asked_a``
(the user asked the first person whether they would like to meet the second), ``asked_b`` (then the
second), ``introduced`` (a note to both), ``followed_up`` (the user asked how it went), and ends
``done`` with its outcome in the user's words, or ``declined`` at any step when either says no.
A step may be skipped (both asked in one go), never taken back; a closed introduction stays closed.

Each step the user takes is something they give: it may be logged in the give/ask ledger as it is
marked (``STEPS``: whom it is logged with, the kind of contact, and the message template drafting it).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from orchardist.domain.messages import N_

MAX_OUTCOME = 2_000
"""The most characters an outcome or a reason keeps."""


class IntroState(enum.StrEnum):
    """Where an introduction stands."""

    STARTED = "started"
    ASKED_A = "asked_a"
    ASKED_B = "asked_b"
    INTRODUCED = "introduced"
    FOLLOWED_UP = "followed_up"
    DONE = "done"
    DECLINED = "declined"

    @property
    def closed(self) -> bool:
        return self in (IntroState.DONE, IntroState.DECLINED)


ORDER: tuple[IntroState, ...] = tuple(IntroState)
OPEN: tuple[IntroState, ...] = tuple(state for state in IntroState if not state.closed)


class Side(enum.StrEnum):
    """Whom a step's message goes to: the first person, the second, or both."""

    A = "a"
    B = "b"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class Step:
    """A state of an introduction as the board shows it: its label, what the user does to reach it,
    whom that message goes to, and the template drafting it ("" when the step sends nothing)."""

    state: IntroState
    label: str
    action: str
    side: Side | None = None
    template: str = ""
    log_kind: str = ""


STEPS: dict[IntroState, Step] = {
    step.state: step
    for step in (
        Step(IntroState.STARTED, N_("Started"), N_("Start")),
        Step(
            IntroState.ASKED_A,
            N_("Asked the first"),
            N_("Ask the first person"),
            Side.A,
            "double-opt-in",
            "introduction",
        ),
        Step(
            IntroState.ASKED_B,
            N_("Asked the second"),
            N_("Ask the second person"),
            Side.B,
            "double-opt-in",
            "introduction",
        ),
        Step(
            IntroState.INTRODUCED,
            N_("Introduced"),
            N_("Introduce them to each other"),
            Side.BOTH,
            "introduce-both",
            "introduction",
        ),
        Step(
            IntroState.FOLLOWED_UP,
            N_("Followed up"),
            N_("Ask how it went"),
            Side.BOTH,
            "introduction-follow-up",
            "follow_up",
        ),
        Step(IntroState.DONE, N_("Done"), N_("Record the outcome")),
        Step(IntroState.DECLINED, N_("Declined"), N_("One of them declined")),
    )
}
"""Every state, in order, with its labels (marked for the catalogue) and the message that reaches it."""


@dataclass(frozen=True, slots=True)
class Moved:
    """One step taken: the state reached and the day."""

    state: IntroState
    on: date


@dataclass(frozen=True, slots=True)
class Introduction:
    """Two people the user introduces: ``a`` is asked first. ``why`` is the reason, in the words it
    was suggested with (or the user's); ``outcome`` what came of it."""

    id: int | None
    a_id: int
    a_name: str
    b_id: int
    b_name: str
    state: IntroState
    why: str = ""
    outcome: str = ""
    history: tuple[Moved, ...] = ()
    created_at: datetime | None = None

    @property
    def next_step(self) -> Step | None:
        """The step after this one, or None once closed."""
        if self.state.closed:
            return None
        return (
            STEPS[OPEN[OPEN.index(self.state) + 1]] if self.state is not OPEN[-1] else STEPS[IntroState.DONE]
        )

    def pair(self) -> tuple[int, int]:
        return min(self.a_id, self.b_id), max(self.a_id, self.b_id)


def can_move(current: IntroState, wanted: IntroState) -> bool:
    """Whether an introduction at ``current`` may move to ``wanted``: forward only (steps may be
    skipped), ``declined`` from any open step, nothing once closed."""
    if current.closed:
        return False
    if wanted is IntroState.DECLINED:
        return True
    return ORDER.index(wanted) > ORDER.index(current)
