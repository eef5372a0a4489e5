"""The Progress page: this week against the weekly goal, the last 12 weeks, and the give/ask balance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from babel import Locale
from babel.dates import format_skeleton
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from orchardist.domain.progress import WeekCounts
from orchardist.domain.rhythm import MAX_WEEKLY_GOAL
from orchardist.services.errors import InputRefused
from orchardist.services.network import Network
from orchardist.services.progress import Progress, progress
from orchardist.services.settings import parse, update
from orchardist.web.app import network_of
from orchardist.web.i18n import _, current_language
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()


FIGURES = ("tended", "reconnections", "gives", "asks", "thank_yous", "new_people")


def figure_labels() -> dict[str, str]:
    """The weekly figures in table and chart order, with their names."""
    return {
        "tended": _("People tended"),
        "reconnections": _("Reconnections"),
        "gives": _("Gives"),
        "asks": _("Asks"),
        "thank_yous": _("Thank-yous"),
        "new_people": _("New people"),
    }


def _short_day(day: date) -> str:
    """``Nov 30`` / ``30 nov.``: a week on the chart's axis."""
    return format_skeleton("MMMd", day, locale=Locale.parse(current_language()))


def chart_data(found: Progress) -> dict[str, Any]:
    """What static/progress.js draws: one label per week, one series per figure, and the goal."""
    labels = figure_labels()
    return {
        "labels": [_short_day(week.start) for week in found.weeks],
        "series": [
            {"key": key, "label": labels[key], "data": [getattr(week, key) for week in found.weeks]}
            for key in ("tended", "gives", "asks")
        ],
        "goal": found.goal,
        "goal_label": _("Weekly goal"),
    }


@dataclass(frozen=True, slots=True)
class WeekRow:
    """A row of the weeks' table: one week with something in it, or a run of weeks with nothing."""

    first: WeekCounts
    last: WeekCounts | None = None  # the run's last week; None for a week shown alone
    weeks: int = 1


def week_rows(weeks: Sequence[WeekCounts]) -> list[WeekRow]:
    """The weeks for the table, newest last, with each run of two or more empty weeks folded into one
    row: twelve rows of zeros say less than "nothing logged for 9 weeks"."""
    rows: list[WeekRow] = []
    run: list[WeekCounts] = []

    def fold() -> None:
        if len(run) == 1:
            rows.append(WeekRow(run[0]))
        elif run:
            rows.append(WeekRow(run[0], run[-1], len(run)))
        run.clear()

    for week in weeks:
        if any(getattr(week, name) for name in FIGURES):
            fold()
            rows.append(WeekRow(week))
        else:
            run.append(week)
    fold()
    return rows


def _page(
    request: Request, network: Network, *, goal_text: str | None = None, error: str = "", status: int = 200
) -> Response:
    found = progress(network, date.today())
    done = request.query_params.get("done", "")
    return render(
        request,
        "progress/page.html",
        {
            "progress": found,
            "figures": figure_labels(),
            "rows": week_rows(found.weeks),
            "chart": chart_data(found),
            "goal_text": str(found.goal) if goal_text is None else goal_text,
            "max_goal": MAX_WEEKLY_GOAL,
            "error": error,
            "done": done if done == "goal" and not error else "",
        },
        status_code=status,
    )


@router.get("/progress")
def progress_page(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    return _page(request, network)


@router.post("/progress/goal", dependencies=[Depends(require_csrf)])
def set_goal(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    weekly_goal: Annotated[str, Form()] = "",
) -> Response:
    """Store the weekly goal; anything but a whole number from 0 to the maximum shows the page again."""
    try:
        update(network, {"weekly_goal": parse("weekly_goal", weekly_goal)})
    except InputRefused:
        message = _("The weekly goal must be a whole number from 0 (no goal) to %(max)s.") % {
            "max": MAX_WEEKLY_GOAL
        }
        return _page(request, network, goal_text=weekly_goal, error=message, status=400)
    return RedirectResponse("/progress?done=goal", status_code=303)
