"""The API's models for leads, warm paths, groups and events (as their ``--json`` commands print them)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from orchardist.domain.groups import GroupKind
from orchardist.domain.leads import LeadStatus
from orchardist.web.api._models import MAX_ID, Day, Flag, PersonId, PersonRef, PlainText, SomeText

if TYPE_CHECKING:
    LeadId = int
else:
    from typing import Annotated

    LeadId = Annotated[int, Field(ge=1, le=MAX_ID, description="A lead's id.")]


class StoryStepOut(BaseModel):
    """One step of a lead's story, nearest first."""

    link: str = Field(
        description="told (told you of it), introduced (introduced you to the one before), via_lead."
    )
    name: str = Field(description="The person's name, or the other lead's organisation.")
    person_id: int | None
    lead_id: int | None


class LeadOut(BaseModel):
    """A job lead and its story (as ``orchardist leads show --json``)."""

    id: int
    organisation: str
    role: str
    heard_where: str
    heard_on: dt.date | None
    source_person_id: int | None = Field(description="Who told you of it.")
    source_name: str
    via_lead_id: int | None = Field(description="The lead it came by way of.")
    status: LeadStatus
    notes: str
    next_step: str
    next_step_on: dt.date | None = Field(description="When the next step is due; it shows on Today then.")
    story: list[StoryStepOut] = Field(
        description="Who told you, who introduced you to them, and further back."
    )


class LeadIn(BaseModel):
    """A lead to add: an organisation or a role at least."""

    model_config = ConfigDict(extra="forbid")

    organisation: PlainText = Field("", max_length=300, examples=["Northwind Traders"])
    role: PlainText = Field("", max_length=300, examples=["Data analyst"])
    heard_where: PlainText = Field("", max_length=500)
    heard_on: Day | None = Field(None, description="YYYY-MM-DD; default today.")
    source_person_id: PersonId | None = None
    via_lead_id: LeadId | None = None
    status: LeadStatus = LeadStatus.HEARD
    notes: PlainText = Field("", max_length=20_000)
    next_step: PlainText = Field("", max_length=500)
    next_step_on: Day | None = None


class LeadMoveIn(BaseModel):
    """A new status, and the next step (``clear_next_step`` clears it)."""

    model_config = ConfigDict(extra="forbid")

    status: LeadStatus
    next_step: PlainText | None = Field(None, max_length=500)
    next_step_on: Day | None = None
    clear_next_step: Flag = False


class LeadLinkIn(BaseModel):
    """Whom the lead came from, or the lead it came by way of (at least one)."""

    model_config = ConfigDict(extra="forbid")

    person_id: PersonId | None = None
    via_lead_id: LeadId | None = None


class PassOnIn(BaseModel):
    """Whom you passed the lead on to: logged as a give."""

    model_config = ConfigDict(extra="forbid")

    person_id: PersonId


class WarmPathOut(BaseModel):
    """Someone you could ask about an organisation (as ``orchardist who-knows --json``)."""

    person_id: int
    name: str
    path: str = Field(description="From you to the organisation: “You → Ben Ortiz → Ana Silva (IBM)”.")
    why: str = Field(description="Why they are listed, in English.")
    relation: str = Field(
        description="works_there, worked_there, introduced_by_someone_there or introduced_someone_there."
    )
    organisation: str = Field(description="The organisation as your records spell it.")
    via: PersonRef | None = Field(description="The person there, when the link is an introduction.")
    warmth: float = Field(description="Tier, last contact and give/ask balance, added up.")
    score: float = Field(description="Warmth plus the link's weight: the order of the list.")


class GroupOut(BaseModel):
    id: int
    name: str
    kind: GroupKind
    joined_on: dt.date | None
    notes: str


class GroupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: SomeText = Field(max_length=300, examples=["Laval Chamber of Commerce"])
    kind: GroupKind = GroupKind.ASSOCIATION
    joined_on: Day | None = None
    notes: PlainText = Field("", max_length=20_000)


class MetOut(BaseModel):
    id: int
    name: str


class EventOut(BaseModel):
    """An event you attended and whom you met there (as ``orchardist events list --json``)."""

    id: int
    name: str
    date: dt.date
    place: str
    group_id: int | None
    group_name: str
    notes: str
    met: list[MetOut]


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: SomeText = Field(max_length=300, examples=["Python meetup"])
    date: Day | None = Field(None, description="YYYY-MM-DD; default today.")
    place: PlainText = Field("", max_length=500)
    group_id: int | None = Field(None, ge=1, le=MAX_ID)
    notes: PlainText = Field("", max_length=20_000)
    met: list[PersonId] = Field(default_factory=list, max_length=500, description="The people you met there.")


class GroupDetailOut(GroupOut):
    events: list[EventOut] = Field(description="Newest first.")
