"""Share an article: the hand-made set of 30 articles and 200 people, and the note that shares one."""

from __future__ import annotations

import pytest

from orchardist.domain.interactions import Direction
from orchardist.services.errors import InputRefused, NotFound
from orchardist.services.interactions import interactions_with
from orchardist.services.network import Network
from orchardist.services.sharing import share_note, suggest_sharing, suited_to_dict
from tests.article_set import cases, network_people

TOP = 5
WANTED_SHARE = 0.9


def _stored(network: Network) -> dict[str, int]:
    people = network_people()
    with network.writing() as unit:
        ids = unit.people.add_many(people)
    return {person.display_name: person_id for person, person_id in zip(people, ids, strict=True)}


def test_the_right_person_is_in_the_top_five_for_nine_articles_in_ten(
    network: Network, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _stored(network)
    found, missed = 0, []
    for case in cases():
        ranked = suggest_sharing(network, case.text, title=case.title, limit=TOP).suited
        if ids[case.person.display_name] in [item.person_id for item in ranked]:
            found += 1
        else:
            missed.append(case.key)
    share = found / len(cases())
    with capsys.disabled():
        print(
            f"\narticle set: the right person in the top {TOP} for {found}/30 articles ({share:.0%})", end=""
        )
        print(f"; missed: {', '.join(missed)}" if missed else "")
    assert share >= WANTED_SHARE, missed


def test_each_suggestion_says_which_words_matched(network: Network) -> None:
    ids = _stored(network)
    case = next(item for item in cases() if item.key == "kubernetes")
    best = suggest_sharing(network, case.text, title=case.title).suited[0]
    assert best.person_id == ids["Omar Haddad"]
    as_json = suited_to_dict(best)
    assert set(as_json) >= {"person_id", "name", "score", "why"}
    assert "interests: Kubernetes" in as_json["why"]
    assert as_json["matched"]["interests"] == ["Kubernetes", "observability"]


def test_a_title_and_link_alone_are_enough(network: Network) -> None:
    ids = _stored(network)
    ranked = suggest_sharing(
        network, title="", link="https://example.org/2026/sourdough-starter-science.html"
    ).suited
    assert ranked[0].person_id == ids["Grace Tremblay"]


def test_nothing_to_match_is_refused(network: Network) -> None:
    with pytest.raises(InputRefused) as refused:
        suggest_sharing(network, "the and of a")
    assert refused.value.field == "text" and refused.value.code == "article.empty"


def test_another_network_is_never_ranked(network: Network, other_network: Network) -> None:
    _stored(other_network)
    assert suggest_sharing(network, "Kubernetes clusters and observability").suited == []


def test_the_note_is_drafted_and_the_give_logged_in_one_step(network: Network) -> None:
    ids = _stored(network)
    omar = ids["Omar Haddad"]
    drafted = share_note(network, omar, title="Running Kubernetes", link="https://example.org/k8s")
    assert drafted.logged is None and "https://example.org/k8s" in drafted.letter.body
    assert "Kubernetes" in drafted.letter.body  # his interest, named by the template
    assert interactions_with(network, omar) == []
    shared = share_note(network, omar, title="Running Kubernetes", link="https://example.org/k8s", log=True)
    assert shared.logged is not None
    [logged] = interactions_with(network, omar)
    assert logged.direction is Direction.GAVE and logged.kind == "article"
    assert "Running Kubernetes" in logged.summary
    with pytest.raises(NotFound):
        share_note(network, 99_999, title="x y z words")
