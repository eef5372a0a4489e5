"""Applying a finding's suggestion in one click: the sentence a finding is in, taken out or replaced.

A rule that can mend what it finds carries a ``fix`` (``orchardist.coach.rule.RuleSpec``): given the
message, the finding, what the rules read and a translation function for the message's language, it
gives the message mended, or None when it cannot (a fix never guesses at what the user meant).
"""

from __future__ import annotations

import re

_STOPS = ".!?…\n"
_CLOSERS = ".!?…\"'”»)\u00a0\u202f"
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: from after the previous full stop (or line break)
    to its own end, with the spaces after it."""
    left = start
    while left > 0 and text[left - 1] not in _STOPS:
        left -= 1
    while left < start and text[left] in " \t\u00a0":
        left += 1
    right = max(end, left)
    while (
        right < len(text)
        and text[right] not in _STOPS
        and not (text[right] in "\u00a0\u202f" and right + 1 < len(text) and text[right + 1] in "!?")
    ):
        right += 1
    while right < len(text) and text[right] in _CLOSERS:
        right += 1
    while right < len(text) and text[right] in " \t":
        right += 1
    return left, right


def _tidied(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def without_sentence(text: str, start: int, end: int) -> str:
    """``text`` without the sentence holding ``text[start:end]``."""
    left, right = sentence_around(text, start, end)
    return _tidied(text[:left] + text[right:])


def with_sentence(text: str, start: int, end: int, sentence: str) -> str:
    """``text`` with the sentence holding ``text[start:end]`` replaced by ``sentence``."""
    left, right = sentence_around(text, start, end)
    spacing = " " if right > left and text[right - 1] in " \t" else ""
    return _tidied(text[:left] + sentence + spacing + text[right:])


def before_sentence(text: str, start: int, sentence: str) -> str:
    """``text`` with ``sentence`` put before the sentence starting at or holding ``start``."""
    left, _right = sentence_around(text, start, start)
    return _tidied(text[:left] + sentence + " " + text[left:])
