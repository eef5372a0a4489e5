"""Hypothesis strategies for domain objects, shared by the round-trip tests."""

from __future__ import annotations

from hypothesis import strategies as st

from orchardist.domain.people import NamedDate, PartialDate, Person, Tier

# Printable text without control characters or surrogates; formats must carry any of it.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
    max_size=30,
).map(str.strip)
_word = st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=12)
_name = (
    st.text(
        alphabet=st.characters(whitelist_categories=("L",)) | st.sampled_from("-' ’"), min_size=1, max_size=15
    )
    .map(str.strip)
    .filter(bool)
)

emails = st.builds(
    lambda user, host: f"{user}@{host}.example".lower(),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._", min_size=1, max_size=12).filter(
        lambda s: s[0] not in "._" and s[-1] not in "._" and ".." not in s
    ),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10),
)
phones = st.builds(lambda n: f"+1 555 {n // 10000:03d} {n % 10000:04d}", st.integers(0, 9_999_999))
linkedin_urls = st.builds(
    lambda slug: f"https://www.linkedin.com/in/{slug}",
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=3, max_size=20),
)
partial_dates = st.builds(
    PartialDate,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    year=st.none() | st.integers(1930, 2010),
)


def _person(given: str, family: str, **fields: object) -> Person:
    return Person(display_name=f"{given} {family}", given_name=given, family_name=family, **fields)  # type: ignore[arg-type]


people = st.builds(
    _person,
    given=_name,
    family=_name,
    pronouns=st.sampled_from(["", "she/her", "he/him", "they/them", "iel"]),
    emails=st.lists(emails, max_size=3, unique=True).map(tuple),
    phones=st.lists(phones, max_size=2, unique=True).map(tuple),
    urls=st.lists(st.builds(lambda w: f"https://{w.lower()}.example/", _word), max_size=2, unique=True).map(
        tuple
    ),
    linkedin_url=st.just("") | linkedin_urls,
    organisation=_text,
    title=_text,
    location=_text,
    tags=st.lists(_word, max_size=3, unique_by=str.casefold).map(tuple),
    tier=st.sampled_from(list(Tier)),
    every_days=st.none() | st.integers(1, 365),
    interests=st.lists(_word, max_size=3, unique_by=str.casefold).map(tuple),
    can_help_with=st.lists(_word, max_size=2, unique_by=str.casefold).map(tuple),
    could_use_help_with=st.lists(_word, max_size=2, unique_by=str.casefold).map(tuple),
    how_met=_text,
    where_met=_text,
    birthday=st.none() | partial_dates,
    dates=st.lists(st.builds(NamedDate, label=_word, date=partial_dates), max_size=2).map(tuple),
    # Any text but NUL, which the store drops (PostgreSQL cannot hold it): see test_nul_is_dropped.
    notes=st.text(
        max_size=80,
        alphabet=st.characters(blacklist_categories=("Cs", "Co", "Cn"), blacklist_characters="\x00"),
    ),
)
