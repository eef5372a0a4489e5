"""The quality set of ``asks-for-job-openings``: messages written for it, half asking for openings and
half good asks or neutral messages, in English and French (typos, no accents, long and short).

``openings_set.jsonl`` holds one message a line: ``{"lang": "en"|"fr", "asks": bool, "text": …}``.
The messages were written apart from the rule's patterns, in batches, each checked against the rule
as it then was before the rule was changed for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

PATH = Path(__file__).with_name("openings_set.jsonl")


@dataclass(frozen=True, slots=True)
class Example:
    lang: str
    asks: bool
    text: str


def examples() -> list[Example]:
    """Every message of the set, in its order."""
    with PATH.open(encoding="utf-8") as lines:
        return [Example(**json.loads(line)) for line in lines if line.strip()]


@dataclass(frozen=True, slots=True)
class Figures:
    """How a detector does on a set: recall over the asks, false alarms over the others."""

    asks: int
    others: int
    caught: int
    false_alarms: int

    @property
    def recall(self) -> float:
        return self.caught / self.asks

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.others


def figures(found: Callable[[str], bool], among: Iterable[Example]) -> Figures:
    """Recall and false alarms of ``found`` (whether a message asks for openings) on ``among``."""
    asks = others = caught = false_alarms = 0
    for example in among:
        flagged = found(example.text)
        if example.asks:
            asks += 1
            caught += flagged
        else:
            others += 1
            false_alarms += flagged
    return Figures(asks, others, caught, false_alarms)
