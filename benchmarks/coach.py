"""The networking coach's figures: how well ``asks-for-job-openings`` tells asks for openings from
other messages, and how long checking a 200-word message takes with every rule.

    .venv/bin/python -m benchmarks.coach [--runs 300]

The quality figures are over the set in ``tests/coach/openings_set.jsonl`` (the test suite asserts
them: recall at least 95 %, false alarms at most 5 %). The time is in process, for all rules of the
checker together, over 200-word messages made from the set's words (each run a different message, so
no reading is reused), to someone the network knows. Figures, not pass/fail; the tests never time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

SET = Path(__file__).resolve().parents[1] / "tests" / "coach" / "openings_set.jsonl"
WORDS = 200


def _examples() -> list[dict[str, object]]:
    with SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def quality() -> None:
    from orchardist.coach.openings import spans

    examples = _examples()
    print(f"asks-for-job-openings on {len(examples)} messages ({SET.name})")
    print(f"{'language':<10}{'asks':>6}{'others':>8}{'recall':>9}{'false alarms':>14}")
    for lang in ("en", "fr", None):
        among = [example for example in examples if lang is None or example["lang"] == lang]
        asks = [example for example in among if example["asks"]]
        others = [example for example in among if not example["asks"]]
        caught = sum(1 for example in asks if any(True for _ in spans(str(example["text"]))))
        flagged = sum(1 for example in others if any(True for _ in spans(str(example["text"]))))
        print(
            f"{lang or 'both':<10}{len(asks):>6}{len(others):>8}{caught / len(asks):>9.1%}"
            f"{flagged / len(others):>14.1%}"
        )


def speed(runs: int) -> None:
    from orchardist.coach.checker import check
    from orchardist.coach.findings import MessageContext, Recipient

    words = " ".join(str(example["text"]) for example in _examples()).split()
    recipient = Recipient(
        display_name="Ana Silva",
        given_name="Ana",
        context=("Northwind", "met at PyCon Montréal", "cycling"),
        gives=0,
        asks=2,
        offer="Reviewing résumés",
    )
    messages = [" ".join(words[(start * 37) % (len(words) - WORDS) :][:WORDS]) for start in range(runs)]
    check(MessageContext(text=messages[0], recipient=recipient, first_message=True))  # import and warm up
    wall: list[float] = []
    cpu: list[float] = []
    found = 0
    for message in messages:
        context = MessageContext(text=message, recipient=recipient, first_message=True)
        started, started_cpu = time.perf_counter(), time.process_time()
        found += len(check(context))
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    wall.sort()
    print(
        f"\nchecking a {WORDS}-word message, all rules, {runs} messages: "
        f"median {statistics.median(wall):.2f} ms, 95th percentile {wall[int(len(wall) * 0.95) - 1]:.2f} ms, "
        f"processor time median {statistics.median(cpu):.2f} ms ({found / runs:.1f} findings a message)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args()
    quality()
    speed(args.runs)


if __name__ == "__main__":
    main()
