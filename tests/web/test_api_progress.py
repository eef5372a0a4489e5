"""``GET /api/v1/progress``: the weekly figures, the goal and the ledger, as the CLI prints them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import time_machine
from fastapi.testclient import TestClient

from orchardist.domain.interactions import Direction
from orchardist.domain.people import Person
from orchardist.services.interactions import log_interaction
from orchardist.services.network import Network
from orchardist.services.people import add_person
from orchardist.services.settings import update
from tests.web.test_api_people import API, assert_documented

ON = date(2026, 12, 3)


def _add(network: Network, name: str) -> int:
    with time_machine.travel(datetime(2026, 1, 5, 12, tzinfo=UTC), tick=False):
        person = add_person(network, Person(display_name=name))
    assert person.id is not None
    return person.id


def test_progress_answers_the_weeks_goal_and_ledger(
    client: TestClient, network: Network, other_network: Network
) -> None:
    ana = _add(network, "Ana Silva")
    bo = _add(network, "Bo Chen")
    log_interaction(network, [ana, bo], direction=Direction.GAVE, kind="thank_you", summary="x", on=ON)
    log_interaction(
        network, [ana], direction=Direction.ASKED, kind="advice", summary="y", on=date(2026, 6, 1)
    )
    update(network, {"weekly_goal": 2})
    stranger = _add(other_network, "Eve Stone")
    log_interaction(other_network, [stranger], direction=Direction.ASKED, kind="advice", summary="z", on=ON)

    response = client.get(f"{API}/progress", params={"weeks": 4, "date": "2026-12-03"})
    assert response.status_code == 200
    assert_documented(client.get(f"{API}/openapi.json").json(), "GET", "/api/v1/progress", response)
    body = response.json()
    assert (body["date"], body["goal"], body["goal_met"]) == ("2026-12-03", 2, True)
    assert [week["start"] for week in body["weeks"]] == [
        "2026-11-09",
        "2026-11-16",
        "2026-11-23",
        "2026-11-30",
    ]
    assert body["this_week"] == body["weeks"][-1]
    assert body["this_week"] == {
        "start": "2026-11-30",
        "end": "2026-12-06",
        "reconnections": 2,  # both added in January; Ana's last contact was in June
        "gives": 2,
        "asks": 0,
        "thank_yous": 2,
        "new_people": 0,
        "tended": 2,
    }
    assert body["ledger"] == {
        "gave": 2,
        "asked": 1,
        "mutual": 0,
        "social": 0,
        "balance": 1,
        "last_give": "2026-12-03",
    }


def test_progress_defaults_to_twelve_weeks_to_today(client: TestClient) -> None:
    with time_machine.travel(datetime(2026, 12, 3, 12, tzinfo=UTC), tick=False):
        body = client.get(f"{API}/progress").json()
    assert body["date"] == "2026-12-03" and len(body["weeks"]) == 12
    assert body["goal"] == 5 and body["ledger"]["last_give"] is None


@pytest.mark.parametrize("params", [{"weeks": 0}, {"weeks": 105}, {"weeks": "x"}, {"date": "2026-02-30"}])
def test_progress_refuses_malformed_parameters(client: TestClient, params: dict[str, object]) -> None:
    assert client.get(f"{API}/progress", params=params).status_code == 422
