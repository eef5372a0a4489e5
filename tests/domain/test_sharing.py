"""An article's terms and whom it suits, field by field (pure rules, no store)."""

from __future__ import annotations

from orchardist.domain.pairing import Profile
from orchardist.domain.sharing import article_terms, link_words, rank_people


def test_terms_are_stemmed_without_common_words_and_the_title_counts_more() -> None:
    terms = article_terms("The certification exams and the certificate.", title="Cloud certifications")
    stems = [term.stem for term in terms]
    assert stems[0] == "certific" and "cloud" in stems and "the" not in stems
    assert link_words("https://example.org/2026/kubernetes-upgrades.html?utm=x") == [
        "2026",
        "kubernetes",
        "upgrades",
    ]
    assert article_terms("", link="https://example.org/") == ()


def test_people_are_ranked_by_the_field_the_words_are_in() -> None:
    terms = article_terms("Kubernetes clusters in production", title="Kubernetes")
    by_interest = Profile(1, "Omar", interests=("Kubernetes",))
    by_notes = Profile(2, "Sam", notes="Asked about kubernetes once")
    nobody = Profile(3, "Grace", interests=("sourdough",))
    ranked = rank_people(terms, [by_notes, nobody, by_interest])
    assert [item.name for item in ranked] == ["Omar", "Sam"]
    assert ranked[0].why() == "interests: Kubernetes" and ranked[1].why() == "notes: kubernetes"


def test_a_rare_word_counts_more_than_one_everybody_has() -> None:
    terms = article_terms("data data data privacy")
    common = [Profile(number, f"P{number}", interests=("data",)) for number in range(1, 10)]
    rare = Profile(99, "Rare", interests=("privacy",))
    ranked = rank_people(terms, [*common, rare], limit=3)
    assert ranked[0].name == "Rare"
