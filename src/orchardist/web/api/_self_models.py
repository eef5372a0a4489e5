"""The API's shapes for your professional self: profiles and the consistency report, the pitch, the
calling card. Response shapes are those of ``presence list/check --json`` and ``pitch show --json``."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from orchardist.domain.card import MAX_EMAIL, MAX_LINE, MAX_PHONE
from orchardist.domain.pitch import MAX_NOTE, MAX_PART, MAX_PLACE
from orchardist.domain.presence import MAX_HEADLINE, MAX_LOCATION, MAX_NAME, MAX_PLATFORM, MAX_URL
from orchardist.web.api._models import Day, Flag, PlainText, SomeText

Visibility = Literal["public", "contacts", "private"]
Severity = Literal["high", "medium", "low"]
_MONTH = r"^((19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2]))?$"
# A web address as the profiles and the card take it (``orchardist.domain.presence``), or nothing.
_WEB = r"^([hH][tT][tT][pP][sS]?://[^\s/$.?#]\S*)?$"
_EMAIL = r"^([^@\s]+@[^@\s]+)?$"


class ProfileOut(BaseModel):
    """One of your profiles (as ``orchardist presence list --json`` prints each one)."""

    platform: str = Field(
        description="linkedin, facebook, x, instagram, github, website, resume, or another name folded."
    )
    name: str = Field(description="The platform's name.")
    display_name: str
    headline: str
    title: str
    employer: str
    location: str
    open_to_work: bool | None = Field(
        description="Whether it shows publicly that you are open to work; null: not said."
    )
    url: str
    position_start: str = Field(
        description="When the current position started, YYYY-MM; empty when not said."
    )
    visibility: Visibility
    reviewed_on: dt.date | None = Field(description="When you last read it through.")
    nickname: bool = Field(description="The name there is a nickname you use on purpose.")


class ProfileChanges(BaseModel):
    """What a profile says; fields left out keep their value (or are empty, for a new profile)."""

    model_config = ConfigDict(extra="forbid")

    display_name: PlainText | None = Field(None, max_length=MAX_NAME)
    headline: PlainText | None = Field(None, max_length=MAX_HEADLINE)
    title: PlainText | None = Field(None, max_length=500)
    employer: PlainText | None = Field(None, max_length=300)
    location: PlainText | None = Field(None, max_length=MAX_LOCATION)
    open_to_work: Flag | None = None
    url: str | None = Field(
        None, max_length=MAX_URL, pattern=_WEB, examples=["https://www.linkedin.com/in/amelie"]
    )
    position_start: str | None = Field(None, pattern=_MONTH, examples=["2021-03"])
    visibility: Visibility | None = None
    reviewed_on: Day | None = None
    nickname: Flag | None = None

    def changes(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in self.model_dump(exclude_unset=True).items()
            if value is not None or name in ("open_to_work", "reviewed_on")
        }


class ProfileIn(ProfileChanges):
    """A profile to add: its platform, and what it says."""

    platform: SomeText = Field(max_length=MAX_PLATFORM, examples=["linkedin"])

    def changes(self) -> dict[str, Any]:
        return {name: value for name, value in super().changes().items() if name != "platform"}


class PresenceFindingOut(BaseModel):
    """Something the consistency report found."""

    rule: str = Field(
        description="name_differs, title_differs, employer_differs, dates_differ, location_differs, "
        "not_reviewed, open_to_work_public or headline_reveals_search."
    )
    severity: Severity
    platforms: list[str] = Field(description="The platforms it is about (the reference first).")
    values: list[str] = Field(description="The values it compares, in the order of platforms.")
    message: str = Field(description="What to do, in English.")


class ReportOut(BaseModel):
    """The consistency report (as ``orchardist presence check --json``), the most serious first."""

    findings: list[PresenceFindingOut]


class PresenceOut(BaseModel):
    profiles: list[ProfileOut]
    findings: list[PresenceFindingOut]


class VersionOut(BaseModel):
    limit: int = Field(description="The seconds it aims at.")
    text: str
    parts: list[str] = Field(description="The parts it keeps, in the order they are said.")
    dropped: list[str] = Field(description="The parts it leaves out.")
    words: int
    seconds: int
    fits: bool


class AskFindingOut(BaseModel):
    rule: str
    severity: str
    start: int
    end: int
    message: str
    suggestion: str


class PracticeOut(BaseModel):
    id: int
    on: dt.date
    where: str
    note: str


class PitchOut(BaseModel):
    """The pitch (as ``orchardist pitch show --json``): ``words`` and ``seconds`` of the whole, or of the
    version asked for."""

    parts: dict[str, str] = Field(description="who, best, exploring and ask.")
    words: int
    seconds: int
    words_per_minute: int
    versions: dict[str, VersionOut] = Field(description="By seconds: 30 and 60.")
    ask_findings: list[AskFindingOut] = Field(description="What the coach's checker finds in the ask.")
    practice: list[PracticeOut] = Field(description="The latest first.")


class PitchIn(BaseModel):
    """Parts of the pitch to write; an empty text forgets a part, one left out keeps its text."""

    model_config = ConfigDict(extra="forbid")

    who: PlainText | None = Field(None, max_length=MAX_PART)
    best: PlainText | None = Field(None, max_length=MAX_PART)
    exploring: PlainText | None = Field(None, max_length=MAX_PART)
    ask: PlainText | None = Field(None, max_length=MAX_PART)


class PracticeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    where: SomeText = Field(max_length=MAX_PLACE, examples=["Data meetup"])
    note: PlainText = Field("", max_length=MAX_NOTE, examples=["Too fast; slow down on the ask"])
    on: Day | None = Field(None, description="When; today when left out.")


class CardShownOut(BaseModel):
    name: str
    headline: str
    title: str
    employer: str
    phone: str
    email: str
    urls: list[str]
    line: str
    employer_hidden: bool = Field(description="The employer is left out because the search is discreet.")
    headline_hidden: bool = Field(description="The headline is left out: it says you are looking.")


class CardChoiceOut(BaseModel):
    profile: str
    show_employer: bool
    phone: str
    email: str
    url: str
    line: str


class CardOut(BaseModel):
    card: CardShownOut
    choice: CardChoiceOut


class CardIn(BaseModel):
    """What goes on the card; fields left out keep their value."""

    model_config = ConfigDict(extra="forbid")

    profile: PlainText | None = Field(
        None, max_length=MAX_PLATFORM, description="The platform of the profile to show."
    )
    show_employer: Flag | None = Field(None, description="Name the employer even in a discreet search.")
    phone: PlainText | None = Field(None, max_length=MAX_PHONE)
    email: str | None = Field(None, max_length=MAX_EMAIL, pattern=_EMAIL)
    url: str | None = Field(None, max_length=MAX_URL, pattern=_WEB)
    line: PlainText | None = Field(None, max_length=MAX_LINE)
