"""The Progress page: this week against the goal, the chart data and table, the ledger, the goal form."""

from __future__ import annotations

import json
from datetime import date, timedelta

from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.domain.progress import week_start
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.settings import tending_settings, update

HTML = {"accept": "text/html"}


def _tended(network: Network, today: date) -> date:
    # The page shows the weeks up to today; contacts are logged on this week's Monday, so always inside it.
    monday = week_start(today)
    ana = add_person(network, Person(display_name="Ana Silva")).id or 0
    bo = add_person(network, Person(display_name="Bo Chen")).id or 0
    log_interaction(network, [ana, bo], direction=Direction.GAVE, kind="thank_you", summary="x", on=monday)
    log_interaction(
        network, [ana], direction=Direction.ASKED, kind="advice", summary="y", on=monday - timedelta(weeks=2)
    )
    log_interaction(
        network, [ana], direction=Direction.ASKED, kind="advice", summary="z", on=monday - timedelta(weeks=3)
    )
    return monday


def test_the_page_shows_this_week_against_the_goal(today: date, client: TestClient, network: Network) -> None:
    monday = _tended(network, today)
    update(network, {"weekly_goal": 3})
    page = client.get("/progress", headers=HTML)
    assert page.status_code == 200 and page.template.name == "progress/page.html"  # type: ignore[attr-defined]
    context = page.context  # type: ignore[attr-defined]
    found = context["progress"]
    assert len(found.weeks) == 12 and found.this_week.start == monday
    assert (found.this_week.tended, found.this_week.gives, found.this_week.thank_yous) == (2, 2, 2)
    assert found.goal == 3 and not found.goal_met
    assert context["goal_text"] == "3" and context["error"] == ""
    assert '<progress id="goal-meter" value="2" max="3">' in page.text
    assert '<label for="goal-meter">' in page.text
    assert "1 more person to reach your goal" in page.text


def test_the_chart_data_and_the_table_hold_the_same_figures(
    today: date, client: TestClient, network: Network
) -> None:
    _tended(network, today)
    page = client.get("/progress", headers=HTML)
    chart = page.context["chart"]  # type: ignore[attr-defined]
    data = json.loads(
        page.text.split('<script type="application/json" id="progress-data">')[1].split("</script>")[0]
    )
    assert data == chart
    assert len(data["labels"]) == 12 and data["goal"] == 5
    series = {item["key"]: item["data"] for item in data["series"]}
    assert series["tended"][-4:] == [1, 1, 0, 2]
    assert series["gives"][-1] == 2 and series["asks"][-4:] == [1, 1, 0, 0]
    assert 'role="img"' in page.text and 'aria-label="Chart of people tended' in page.text
    assert '<script src="/static/progress.js" defer></script>' in page.text
    assert "/static/vendor/chart-4.6.1.umd.min.js" in page.text
    # The table: one row per week with something in it, the runs of empty weeks folded into one.
    rows = page.context["rows"]  # type: ignore[attr-defined]
    assert sum(row.weeks for row in rows) == 12 and page.text.count('<th scope="row">') == len(rows) < 12
    assert rows[0].last is not None and f"Nothing logged for {rows[0].weeks} weeks." in page.text
    assert list(page.context["figures"]) == [  # type: ignore[attr-defined]
        "tended",
        "reconnections",
        "gives",
        "asks",
        "thank_yous",
        "new_people",
    ]


def test_the_balance_overall(today: date, client: TestClient, network: Network) -> None:
    monday = _tended(network, today)
    page = client.get("/progress", headers=HTML)
    ledger = page.context["progress"].ledger  # type: ignore[attr-defined]
    assert (ledger.gave, ledger.asked, ledger.balance, ledger.last_give) == (2, 2, 0, monday)
    assert "Overall your gives and asks are even." in page.text


def test_an_empty_network_says_what_to_do(client: TestClient) -> None:
    page = client.get("/progress", headers=HTML)
    assert page.status_code == 200
    assert "Log whether each contact gave, asked" in page.text and "None yet" in page.text


def test_setting_the_goal(client: TestClient, network: Network, csrf: str) -> None:
    done = client.post(
        "/progress/goal", data={"csrf_token": csrf, "weekly_goal": " 8 "}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == "/progress?done=goal"
    assert tending_settings(network).weekly_goal == 8
    page = client.get("/progress?done=goal", headers=HTML)
    assert page.context["done"] == "goal" and "Weekly goal saved." in page.text  # type: ignore[attr-defined]
    client.post("/progress/goal", data={"csrf_token": csrf, "weekly_goal": "0"})
    page = client.get("/progress", headers=HTML)
    assert page.context["progress"].goal == 0  # type: ignore[attr-defined]
    assert 'id="goal-meter"' not in page.text and "You have no weekly goal" in page.text


def test_a_bad_goal_is_refused_with_a_message(client: TestClient, network: Network, csrf: str) -> None:
    update(network, {"weekly_goal": 4})
    for text in ("abc", "-1", "101", "2.5", "", "9" * 5000):
        page = client.post("/progress/goal", data={"csrf_token": csrf, "weekly_goal": text}, headers=HTML)
        assert page.status_code == 400, text
        assert page.template.name == "progress/page.html"  # type: ignore[attr-defined]
        context = page.context  # type: ignore[attr-defined]
        assert context["error"] == "The weekly goal must be a whole number from 0 (no goal) to 100."
        assert context["goal_text"] == text and context["done"] == ""
        assert 'role="alert"' in page.text and 'aria-invalid="true"' in page.text
    assert tending_settings(network).weekly_goal == 4


def test_the_goal_form_is_refused_without_the_csrf_token(
    client: TestClient, network: Network, csrf: str
) -> None:
    update(network, {"weekly_goal": 4})
    refused = client.post("/progress/goal", data={"weekly_goal": "9"}, headers=HTML)
    assert refused.status_code == 403
    wrong = client.post("/progress/goal", data={"csrf_token": csrf + "x", "weekly_goal": "9"}, headers=HTML)
    assert wrong.status_code == 403
    assert tending_settings(network).weekly_goal == 4
    page = client.get("/progress", headers=HTML)
    assert f'name="csrf_token" value="{csrf}"' in page.text


def test_the_page_in_french(today: date, client: TestClient, network: Network) -> None:
    _tended(network, today)
    client.cookies.set("orchardist_lang", "fr_CA")
    page = client.get("/progress", headers=HTML)
    assert page.status_code == 200
    assert "Personnes contactées" in page.context["figures"]["tended"]  # type: ignore[attr-defined]
