"""The API's request and response shapes, and how the services' errors become HTTP answers.

Response shapes are those of the CLI's ``--json`` output (``docs/cli.md``), built from the same
``person_to_dict`` and ``interaction_to_dict``. Request bodies refuse unknown fields, so a typo
such as ``"email"`` for ``"emails"`` is a 422 rather than a change silently not made. Text limits
are the stored columns' widths: PostgreSQL refuses longer values, and SQLite must keep the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from orchardist.domain.fields import FIELDS, FieldSpec, Kind
from orchardist.domain.interactions import Channel, Direction
from orchardist.domain.limits import EARLIEST_DAY, LATEST_DAY, MAX_NOTES, MAX_SUMMARY
from orchardist.domain.offers import MAX_TEXT as MAX_OFFER_TEXT
from orchardist.domain.offers import OfferKind
from orchardist.domain.people import PartialDate, Tier
from orchardist.formats import registry
from orchardist.web.api._routing import PrefixRouter

MAX_ID = 2**31 - 1  # ids are 32-bit integers on both databases
MAX_ITEMS = 500  # entries in one list field of a person
MAX_PAGE = 500
DEFAULT_PAGE = 50
MAX_OFFSET = 10**9


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# A day of the year without its year, as --MM-DD (29 February included).
DAY_OF_YEAR = (
    "--(02-(0[1-9]|[12][0-9])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01]))"
)


def _partial_date(value: str) -> str:
    """YYYY-MM-DD or --MM-DD exactly as the schema says (PartialDate alone also reads other spellings)."""
    try:
        if not (ISO_DAY.fullmatch(value) or re.fullmatch(DAY_OF_YEAR, value)):
            raise ValueError(value)
        PartialDate.parse(value)
    except ValueError:
        raise ValueError("expected YYYY-MM-DD, or --MM-DD when the year is unknown") from None
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text cannot contain NUL characters")
    return value


def _iso_day(value: Any) -> Any:
    """Only the text YYYY-MM-DD is a day: a number (which pydantic would read as seconds since 1970) or
    a date with a time is refused."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        raise ValueError("expected a day as YYYY-MM-DD")
    return value


def _whole(value: Any) -> Any:
    """A JSON integer: 7, or 7.0 (the same number to JSON Schema); never "7" or true, which pydantic's lax
    mode would read as numbers too."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("expected a whole number")
        return int(value)
    return value


if TYPE_CHECKING:
    PersonId = int
    RhythmDays = int
else:
    # The range comes before the validator, which then runs first: the schema keeps its minimum and
    # maximum (a range given after a validator would be lost from it).
    PersonId = Annotated[int, Field(ge=1, le=MAX_ID, description="A person's id."), BeforeValidator(_whole)]
    """A person's id in a request body: a whole number (JSON Schema's integer) from 1."""
    RhythmDays = Annotated[int, Field(ge=1, le=3650), BeforeValidator(_whole)]
    """Stay in touch every this many days: a whole number from 1 to 3,650."""
Flag = Annotated[bool, Strict()]
"""true or false in a request body (not "yes", 1 or "true")."""

Day = Annotated[
    dt.date,
    BeforeValidator(_iso_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": f"^{ISO_DAY.pattern}$"}),
]
"""A day in a request, as the text YYYY-MM-DD (ISO 8601), in a query or a body."""

# The years an interaction may be dated (orchardist.domain.limits), as a pattern JSON Schema can check.
assert (EARLIEST_DAY.year, LATEST_DAY.year) == (1900, 2999)
LoggedDay = Annotated[
    Day,
    WithJsonSchema(
        {"type": "string", "format": "date", "pattern": "^(19[0-9]{2}|2[0-9]{3})-[0-9]{2}-[0-9]{2}$"}
    ),
]
"""The day of an interaction: YYYY-MM-DD from 1900 to 2999."""

ContactText = Annotated[str, StringConstraints(max_length=1000)]
EmailText = Annotated[
    str,
    StringConstraints(max_length=1000),
    Field(
        description="An e-mail address; one at a special-use domain (.test, .local, .localhost, .invalid, "
        ".onion, .arpa) is refused (400).",
        json_schema_extra={"format": "email"},
    ),
]
Tag = Annotated[str, StringConstraints(max_length=200)]
ListItem = Annotated[str, StringConstraints(max_length=1000)]


def one_of(choices: Callable[[], Iterable[str]]) -> Any:
    """Text that must be one of ``choices()``, a registry's codes, listed as the enum of its schema.

    The choices are read when a request is checked and when the OpenAPI document is made, so a format
    or reason added to its registry is accepted and documented without being spelled here again.
    """

    def known(value: str) -> str:
        if value not in set(choices()):
            raise ValueError(f"must be one of {', '.join(choices())}")
        return value

    def listed(schema: dict[str, Any]) -> None:
        schema["enum"] = list(choices())

    return Annotated[str, AfterValidator(known), Field(json_schema_extra=listed)]


if TYPE_CHECKING:
    ImportFormat = str
    ExportFormat = str
    ExportVersion = str
else:
    ImportFormat = one_of(lambda: ("auto", *(read.name for read in registry.importers())))
    ExportFormat = one_of(lambda: tuple(written.name for written in registry.downloads()))
    ExportVersion = one_of(registry.versions)
PeopleOrder = Literal["name", "last_contact", "recent"]
CoworkerOverride = Literal["auto", "yes", "no"]
PartialDateText = Annotated[
    str,
    AfterValidator(_partial_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": f"^{DAY_OF_YEAR}$"},
            ]
        }
    ),
]
NO_NUL = "^[^\\x00]*$"
PlainText = Annotated[str, AfterValidator(_no_nul), Field(json_schema_extra={"pattern": NO_NUL})]
# Text that says something: a character other than a space (as str.strip() counts them), and no NUL.
SAYS_SOMETHING = "^[^\\x00]*[^\\s\\x00\\x1c-\\x1f\\x85][^\\x00]*$"
# Blank text is refused by the services (400, with the refusal's code); the schema says so.
SomeText = Annotated[str, AfterValidator(_no_nul), Field(json_schema_extra={"pattern": SAYS_SOMETHING})]


# Errors ------------------------------------------------------------------------------------------


CODE_DESCRIPTION = (
    "A stable code for what went wrong (such as person.not_found or field.one_of): scripts and "
    "translations key on it, while the words of detail may change."
)
PARAMS_DESCRIPTION = (
    "The values the message names, by name; a value that is itself a message is an object with "
    "its own code and params."
)


class Problem(BaseModel):
    """A request that was refused or named nothing that exists (403, 404)."""

    detail: str = Field(description="What went wrong, in plain words.")
    field: str | None = Field(None, description="The field of the body that named it, when one did.")
    code: str | None = Field(None, description=CODE_DESCRIPTION)
    params: dict[str, Any] = Field(default_factory=dict, description=PARAMS_DESCRIPTION)


class Refusal(BaseModel):
    """Input the services refused (400); nothing was changed."""

    detail: str = Field(description="What was refused and why, in English.")
    field: str | None = Field(None, description="The field at fault, when one is.")
    code: str = Field(description=CODE_DESCRIPTION)
    params: dict[str, Any] = Field(default_factory=dict, description=PARAMS_DESCRIPTION)


class ImportRefusalDetail(BaseModel):
    file: str = Field(description="The uploaded file's name.")
    line: int | None = Field(description="The 1-based line at fault, when known.")
    field: str | None = Field(None, description="The column or property at fault, when known.")
    reason: str = Field(description="Why, in English.")
    code: str = Field(description=CODE_DESCRIPTION)
    params: dict[str, Any] = Field(default_factory=dict, description=PARAMS_DESCRIPTION)


class ImportProblem(BaseModel):
    """A file refused whole (400): nothing was stored."""

    detail: ImportRefusalDetail


REFUSED: dict[int | str, dict[str, Any]] = {
    400: {"model": Refusal, "description": "The input was refused; nothing changed."}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such person in this network."}
}
FORBIDDEN: dict[int | str, dict[str, Any]] = {
    403: {"model": Problem, "description": "Cross-site, or a browser request without the CSRF token."}
}


def api_router(tag: str) -> APIRouter:
    """A router under /api/v1 whose operations are named after their functions in OpenAPI."""
    return PrefixRouter(
        prefix="/api/v1",
        tags=[tag],
        generate_unique_id_function=lambda route: route.name,
    )


# People ------------------------------------------------------------------------------------------


class PersonRef(BaseModel):
    id: int
    name: str


class NamedDateModel(BaseModel):
    """A date worth remembering other than the birthday: an anniversary, when you connected, …"""

    model_config = ConfigDict(extra="forbid")

    label: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    date: PartialDateText = Field(
        description="YYYY-MM-DD, or --MM-DD when the year is unknown.", examples=["--06-15"]
    )


def _custom_schema(spec: FieldSpec) -> dict[str, Any]:
    """The JSON schema of a custom field's value (``orchardist.domain.fields``: text, notes, a list of
    texts, or a date)."""
    described: dict[str, Any] = {"title": spec.label, "description": spec.help}
    if spec.is_list:
        return {**described, "type": "array", "items": {"type": "string", "maxLength": spec.max_length}}
    if spec.kind is Kind.DATE:
        return {**described, "anyOf": [{"type": "string"}, {"type": "null"}]}
    return {**described, "type": "string", "maxLength": spec.max_length}


def _custom_fields(required: bool, closed: bool = False) -> Callable[[dict[str, Any]], None]:
    """Adds the custom person fields to a schema when the OpenAPI document is made; a ``closed`` schema
    (a request's) says that no other field is accepted."""

    def add(schema: dict[str, Any]) -> None:
        for spec in FIELDS.values():
            if spec.custom:
                schema.setdefault("properties", {})[spec.key] = _custom_schema(spec)
                if required:
                    schema.setdefault("required", []).append(spec.key)
        if closed:
            schema["additionalProperties"] = False

    return add


# A name is needed: the name, or else the given and family names, must hold more than spaces.
# A character that is not a space as Python counts them (str.split also splits at \x1c–\x1f and \x85,
# which a JSON Schema's \S lets through).
SOME_NAME = r"[^\s\x1c-\x1f\x85]"
NAMED: dict[str, Any] = {
    "anyOf": [
        {"required": [name], "properties": {name: {"pattern": SOME_NAME}}}
        for name in ("name", "given_name", "family_name")
    ]
}


def _new_person_schema(schema: dict[str, Any]) -> None:
    _custom_fields(required=False, closed=True)(schema)
    schema.update(NAMED)


class PersonOut(BaseModel):
    """A person, as ``orchardist people list --json`` prints each one; the custom fields of
    ``orchardist.domain.fields`` come after the built-in ones."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_custom_fields(required=True))

    id: int
    uid: str = Field(
        description="Their stable identity, never changed: the UID of their vCards (a vdir's file name)."
    )
    name: str = Field(description="The name as they write it.")
    given_name: str
    family_name: str
    pronouns: str
    organisation: str
    title: str
    emails: list[str]
    phones: list[str]
    urls: list[str]
    linkedin_url: str
    location: str
    tags: list[str]
    tier: Tier
    every_days: int | None = Field(description="Stay in touch every this many days, overriding the tier.")
    interests: list[str]
    can_help_with: list[str]
    could_use_help_with: list[str]
    how_met: str
    where_met: str
    met_through_id: int | None = Field(description="The id of the person who introduced you.")
    birthday: str | None = Field(description="YYYY-MM-DD, or --MM-DD when the year is unknown.")
    dates: list[NamedDateModel]
    knows_search: bool = Field(
        description="They know you are looking for work: the discretion guard trusts them."
    )
    coworker_override: CoworkerOverride = Field(
        description="Your own word on whether they are a co-worker; auto goes by their organisation and "
        "e-mails."
    )
    notes: str
    coworker: bool = Field(
        description="A co-worker for sure: your word, an e-mail at a work domain, or the employer's "
        "organisation (see GET /api/v1/me)."
    )
    coworker_maybe: bool = Field(
        description="Maybe a co-worker: their organisation looks like the employer's; set coworker_override "
        "to settle it."
    )
    sources: dict[str, list[str]] = Field(
        description='Where each field came from: "manual", or "format:file name" for an import.'
    )
    last_contact: dt.date | None = Field(description="The date of the latest interaction.")


class PersonLedgerOut(BaseModel):
    """How many of a person's interactions gave, asked, were mutual or social."""

    gave: int
    asked: int
    mutual: int
    social: int


class MetAtOut(BaseModel):
    """An event you met someone at."""

    event_id: int
    name: str
    date: dt.date
    group_name: str = Field(description="The group that held it; empty when none.")


class LeadRefOut(BaseModel):
    """A lead someone told you of."""

    id: int
    organisation: str
    role: str
    status: str


class LikelyDuplicateOut(BaseModel):
    """Another record that is probably the same person."""

    id: int
    name: str
    score: float = Field(ge=0, le=1, description="How likely they are the same person.")
    reasons: list[str]


class PersonDetailOut(PersonOut):
    """A person with their ledger, who introduced you and every interaction (as ``people show --json``)."""

    ledger: PersonLedgerOut
    next_due: dt.date | None = Field(description="When they are next due for a contact; null when dormant.")
    today: Literal["due", "snoozed", "dismissed", "later", "dormant"] = Field(
        description="Where they stand with Today: due now, snoozed, their item dismissed, due later, or "
        "never due (dormant)."
    )
    snoozed_until: dt.date | None = Field(description="The last day of their snooze; null when not snoozed.")
    met_through: PersonRef | None
    interactions: list[InteractionOut] = Field(description="Newest first.")
    met_at: list[MetAtOut] = Field(description="The events you met them at, newest first.")
    leads: list[LeadRefOut] = Field(description="The leads they told you of, newest first.")
    warnings: list[MessageOut] = Field(
        description="What to know before you ask something of them: in discreet mode, that they could carry "
        "word of your search to your employer (discretion.ask_of_coworker, "
        "discretion.ask_of_maybe_coworker); that you have only asked of them so far "
        "(offers.give_before_ask)."
    )
    likely_duplicates: list[LikelyDuplicateOut] = Field(
        description="Other records that are probably the same person, most likely first."
    )


class PersonFields(BaseModel):
    """The fields of a person you can set. Lists replace the whole list; unknown fields are refused."""

    # Custom fields come in as extras, checked against the field table (their values by the services).
    model_config = ConfigDict(extra="allow", json_schema_extra=_new_person_schema)

    @model_validator(mode="after")
    def _only_known_fields(self) -> PersonFields:
        for name in self.model_extra or {}:
            spec = FIELDS.get(name)
            if spec is None or not spec.custom:
                raise ValueError(f"{name}: unknown field")
        return self

    name: str = Field("", max_length=500, description="The name as they write it (default: given + family).")
    given_name: str = Field("", max_length=300)
    family_name: str = Field("", max_length=300)
    pronouns: str = Field("", max_length=100)
    organisation: str = Field("", max_length=300, description="Where they work.")
    title: str = Field("", max_length=500, description="Their job title.")
    emails: list[EmailText] = Field(default_factory=list, max_length=MAX_ITEMS)
    phones: list[ContactText] = Field(default_factory=list, max_length=MAX_ITEMS)
    urls: list[ContactText] = Field(default_factory=list, max_length=MAX_ITEMS)
    linkedin_url: str = Field("", max_length=1000)
    location: str = Field("", max_length=500)
    tags: list[Tag] = Field(default_factory=list, max_length=MAX_ITEMS)
    tier: Tier = Field(Tier.CASUAL, description="How closely to stay in touch.")
    every_days: RhythmDays | None = Field(None, description="Stay in touch every this many days.")
    interests: list[ListItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    can_help_with: list[ListItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    could_use_help_with: list[ListItem] = Field(default_factory=list, max_length=MAX_ITEMS)
    how_met: str = Field("", json_schema_extra={"maxLength": 1000})
    where_met: str = Field("", json_schema_extra={"maxLength": 1000})
    met_through_id: PersonId | None = Field(None, description="The id of the person who introduced you.")
    birthday: PartialDateText | None = Field(
        None, description="YYYY-MM-DD, or --MM-DD when the year is unknown.", examples=["--03-29"]
    )
    dates: list[NamedDateModel] = Field(default_factory=list, max_length=MAX_ITEMS)
    knows_search: bool = Field(False, description="They know you are looking for work.")
    coworker_override: CoworkerOverride = Field(
        "auto",
        description="yes or no: whether they are a co-worker, over what their organisation and e-mails say.",
    )
    notes: str = Field("", json_schema_extra={"maxLength": 100_000})

    def given(self) -> dict[str, Any]:
        """The fields the request set, named and typed as the services take them."""
        values = self.model_dump(exclude_unset=True, mode="json")
        if "name" in values:
            values["display_name"] = values.pop("name")
        return values


def _changes_schema(schema: dict[str, Any]) -> None:
    _custom_fields(required=False, closed=True)(schema)
    schema["minProperties"] = 1  # nothing to change is refused


class PersonChanges(PersonFields):
    """Only the fields present change; ``null`` clears every_days, met_through_id or birthday."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_changes_schema)

    # A person keeps a name: a new one must hold more than spaces (refused by the route, 400).
    name: str = Field(
        "", max_length=500, description="The name as they write it.", json_schema_extra={"pattern": SOME_NAME}
    )


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other_id: PersonId = Field(description="The record folded into this one, then deleted.")
    take: list[Annotated[str, Field(max_length=100)]] = Field(
        default_factory=list,
        max_length=100,
        description="Fields where both records hold a different value and the other record's is kept "
        "(by default this person's is).",
    )


class PeoplePage(BaseModel):
    total: int = Field(description="How many people match, in all.")
    limit: int
    offset: int
    people: list[PersonOut]


class DuplicatePairOut(BaseModel):
    """Two records that are probably one person (as ``people duplicates --json``)."""

    first: PersonRef
    second: PersonRef
    score: float = Field(ge=0, le=1, description="How likely they are the same person.")
    reasons: list[str]


class DuplicatesPage(BaseModel):
    total: int
    limit: int
    offset: int
    pairs: list[DuplicatePairOut] = Field(description="Most likely first.")


# Interactions ------------------------------------------------------------------------------------


class InteractionOut(BaseModel):
    """One contact with one or more people (as ``orchardist log --json``)."""

    id: int
    date: dt.date
    direction: Direction
    channel: Channel
    kind: str
    summary: str
    notes: str
    person_ids: list[int]


class LogWarningOut(BaseModel):
    """Something to know about a contact just logged (it was logged all the same)."""

    person_id: int = Field(description="Whom it is about.")
    code: str = Field(
        description="offers.give_before_ask: you had only asked of them; discretion.ask_of_coworker or "
        "discretion.ask_of_maybe_coworker: in discreet mode, an ask of a co-worker (or maybe one) who does "
        "not know you are looking could tell them."
    )
    detail: str = Field(description="The warning, in English.")
    params: dict[str, Any] = Field(default_factory=dict, description=PARAMS_DESCRIPTION)


class LoggedOut(InteractionOut):
    """A contact just logged, and the warnings an ask brought up."""

    warnings: list[LogWarningOut]


class InteractionIn(BaseModel):
    """A contact to log; it resets the stay-in-touch clock of everyone in it."""

    model_config = ConfigDict(extra="forbid")

    person_ids: list[PersonId] = Field(min_length=1, max_length=MAX_ITEMS, description="Who took part.")
    direction: Direction = Field(description="Did you give, ask, was it mutual, or purely social?")
    kind: SomeText = Field(
        max_length=50, description="What happened: coffee, call, introduction, favour, thank_you, …"
    )
    # Lengths the services refuse (400, naming the field), documented here.
    summary: SomeText = Field(
        description="One line saying what it was about.", json_schema_extra={"maxLength": MAX_SUMMARY}
    )
    date: LoggedDay | None = Field(None, description="When (YYYY-MM-DD, today or before); default today.")
    channel: Channel = Channel.OTHER
    notes: PlainText = Field("", json_schema_extra={"maxLength": MAX_NOTES})


class InteractionPage(BaseModel):
    total: int
    limit: int
    offset: int
    interactions: list[InteractionOut] = Field(description="Newest first.")


# Imports -----------------------------------------------------------------------------------------


class SkippedRecord(BaseModel):
    line: int | None = Field(description="The 1-based line of the record, when known.")
    reason: str = Field(description="Why it was passed over, in English.")
    code: str = Field(description=CODE_DESCRIPTION)


class ImportReportOut(BaseModel):
    """What an import did, or with ``dry_run`` would do (as ``orchardist import --json``)."""

    format: str
    added: int
    merged: int
    skipped: list[SkippedRecord]
    updated: int
    interactions: int
    job_changes: int
    file: str
    dry_run: bool = Field(description="True when nothing was stored.")


# Progress ----------------------------------------------------------------------------------------


class WeekOut(BaseModel):
    """One week's figures, Monday to Sunday; every figure counts contacts (one person, one interaction)."""

    start: dt.date = Field(description="The Monday the week starts on.")
    end: dt.date = Field(description="The Sunday it ends on.")
    reconnections: int = Field(
        description="Contacts after at least 90 days without one (or a first contact with someone added "
        "at least 90 days before)."
    )
    gives: int = Field(description="Contacts that gave.")
    asks: int = Field(description="Contacts that asked.")
    thank_yous: int = Field(description="Contacts of the kind thank_you.")
    new_people: int = Field(description="People added that week.")
    tended: int = Field(description="Distinct people with a contact that week: what the goal counts.")


class LedgerOut(BaseModel):
    """The whole network's give/ask ledger: every contact ever logged, by direction."""

    gave: int
    asked: int
    mutual: int
    social: int
    balance: int = Field(description="gave minus asked.")
    last_give: dt.date | None = Field(description="The day of the latest give.")


class ProgressOut(BaseModel):
    """The weeks up to the week of ``date`` (as ``orchardist progress --json``)."""

    date: dt.date
    goal: int = Field(description="People to tend each week; 0 when no goal is set.")
    goal_met: bool = Field(description="Whether this week's tended people reach the goal.")
    this_week: WeekOut = Field(description="The week of date (also the last of weeks).")
    weeks: list[WeekOut] = Field(description="Oldest first.")
    ledger: LedgerOut


# Offers ------------------------------------------------------------------------------------------


class OfferOut(BaseModel):
    """Something you can offer (as ``orchardist offers list --json`` prints each one)."""

    id: int
    kind: OfferKind = Field(description="skill, information or introduction.")
    text: str
    created_at: dt.datetime


class OfferIn(BaseModel):
    """An offer to add: what sort it is, and 1 to 500 characters saying what you can give."""

    model_config = ConfigDict(extra="forbid")

    kind: OfferKind = Field(description="skill, information or introduction.")
    text: SomeText = Field(max_length=MAX_OFFER_TEXT, examples=["Reviewing résumés"])


class OffersOut(BaseModel):
    total: int
    offers: list[OfferOut] = Field(description="Oldest first.")


class OfferMatchOut(BaseModel):
    """Someone whose "could use help with" fits an offer (as ``orchardist offers matches --json``)."""

    offer: OfferOut
    person: PersonRef
    need: str = Field(description="Their need the offer meets, as they wrote it.")


class OfferMatchesOut(BaseModel):
    matches: list[OfferMatchOut] = Field(description="By offer (oldest first), then by person's name.")


# About me ----------------------------------------------------------------------------------------

SearchMode = Literal["off", "open", "discreet"]


class FlaggedOut(BaseModel):
    """Someone flagged as a co-worker, and why."""

    id: int
    name: str
    organisation: str
    because: Literal["you_said", "email", "organisation", "looks_like"] = Field(
        description="you_said: your own yes; email: an e-mail at a work domain; organisation: the employer's "
        "(or an alias), however spelled; looks_like: a name that holds the employer's (maybe)."
    )


class MessageOut(BaseModel):
    detail: str = Field(description="In English.")
    code: str = Field(description=CODE_DESCRIPTION)
    params: dict[str, Any] = Field(default_factory=dict, description=PARAMS_DESCRIPTION)


class AboutMeOut(BaseModel):
    """About me (as ``orchardist me show --json``): what you said, who is flagged as a co-worker, who
    knows you are looking, and where your search could leak now."""

    name: str
    employer: str
    employer_aliases: list[str]
    work_domains: list[str]
    search_mode: SearchMode
    coworkers: list[FlaggedOut] = Field(description="Co-workers for sure, by name.")
    coworkers_maybe: list[FlaggedOut] = Field(description="Maybe co-workers: say yes or no on each person.")
    knows_search: list[PersonRef] = Field(description="People you marked as knowing you are looking.")
    warnings: list[MessageOut] = Field(
        description="In discreet mode: a digest sent to or from a work address."
    )


class AboutMeIn(BaseModel):
    """What to change in About me; fields left out keep their value. Lists replace the whole list."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, max_length=300, description="Your name, as you sign your messages.")
    employer: str | None = Field(None, max_length=300, description="Where you work now.")
    employer_aliases: list[Annotated[str, StringConstraints(max_length=300)]] | None = Field(
        None, max_length=50, description="Other names your employer goes by."
    )
    work_domains: list[Annotated[str, StringConstraints(max_length=253)]] | None = Field(
        None,
        max_length=50,
        description="The domains of your work e-mail, such as contoso.com.",
        examples=[["contoso.com"]],
    )
    search_mode: SearchMode | None = Field(
        None, description="off: not looking; open: looking openly; discreet: warn wherever it could leak."
    )

    def changes(self) -> dict[str, Any]:
        """The settings the request changes, named as the services take them."""
        given = self.model_dump(exclude_unset=True, exclude_none=True)
        if "name" in given:
            given["my_name"] = given.pop("name")
        return given


PersonDetailOut.model_rebuild()
