"""``/api/v1/presence``, ``/api/v1/pitch`` and ``/api/v1/card``: your profiles and their consistency
report, your elevator pitch and practice log, your calling card and its files."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Path, Query
from starlette.responses import Response

from orchardist.services import card as cards
from orchardist.services import pitch as pitches
from orchardist.services import presence as service
from orchardist.services.network import Network
from orchardist.web.api._models import FORBIDDEN, MAX_ID, REFUSED, SAYS_SOMETHING, Problem, api_router
from orchardist.web.api._self_models import (
    CardIn,
    CardOut,
    PitchIn,
    PitchOut,
    PracticeIn,
    PracticeOut,
    PresenceOut,
    ProfileChanges,
    ProfileIn,
    ProfileOut,
    ReportOut,
)
from orchardist.web.app import network_of
from orchardist.web.security import require_same_origin_json

router = api_router("presence")


NetworkDep = Annotated[Network, Depends(network_of)]
CHANGES = [Depends(require_same_origin_json)]
NO_PROFILE: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No profile on that platform."}
}
Platform = Annotated[
    str, Path(max_length=60, pattern=SAYS_SOMETHING, description="The platform, such as linkedin.")
]


@router.get("/presence", response_model=PresenceOut, summary="List your profiles and the consistency report")
def show_presence(network: NetworkDep) -> PresenceOut:
    """Every profile (the known platforms first) and what the report finds, the most serious first."""
    overview = service.presence_overview(network)
    return PresenceOut.model_validate(
        {
            "profiles": [service.profile_to_dict(profile) for profile in overview.profiles],
            **service.report_to_dict(overview),
        }
    )


@router.get("/presence/check", response_model=ReportOut, summary="Check your profiles for consistency")
def check_presence(network: NetworkDep) -> ReportOut:
    """The consistency report, as ``orchardist presence check --json``."""
    return ReportOut.model_validate(service.report_to_dict(service.presence_overview(network)))


@router.post(
    "/presence/profiles",
    response_model=ProfileOut,
    status_code=201,
    summary="Add a profile",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def add_profile(network: NetworkDep, profile: ProfileIn) -> ProfileOut:
    """Add your profile on a platform; a second one on the same platform is refused (``presence.exists``)."""
    added = service.add_profile(network, profile.platform, profile.changes())
    return ProfileOut.model_validate(service.profile_to_dict(added))


@router.patch(
    "/presence/profiles/{platform}",
    response_model=ProfileOut,
    summary="Change a profile",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN, **NO_PROFILE},
)
def change_profile(network: NetworkDep, platform: Platform, changes: ProfileChanges) -> ProfileOut:
    """Change what a profile says; fields left out keep their value."""
    return ProfileOut.model_validate(
        service.profile_to_dict(service.edit_profile(network, platform, changes.changes()))
    )


@router.delete(
    "/presence/profiles/{platform}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Remove a profile",
    dependencies=CHANGES,
    responses={**FORBIDDEN, **NO_PROFILE},
)
def remove_profile(network: NetworkDep, platform: Platform) -> Response:
    """Forget the profile on ``platform``; 404 when there is none."""
    service.remove_profile(network, platform)
    return Response(status_code=204)


@router.get("/pitch", response_model=PitchOut, summary="Show your elevator pitch")
def show_pitch(
    network: NetworkDep,
    seconds: Annotated[
        int | None,
        Query(ge=30, le=60, multiple_of=30, description="words and seconds of this version: 30 or 60."),
    ] = None,
    lang: Annotated[Literal["en", "fr"], Query(description="The language of the coach's findings.")] = "en",
) -> PitchOut:
    """The pitch as ``orchardist pitch show --json`` prints it."""
    return PitchOut.model_validate(
        pitches.pitch_to_dict(pitches.pitch_view(network, lang=lang), seconds=seconds)
    )


@router.put(
    "/pitch",
    response_model=PitchOut,
    summary="Write parts of your pitch",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def write_pitch(network: NetworkDep, pitch: PitchIn) -> PitchOut:
    """Write the parts given (an empty text forgets one); answers with the pitch as it now stands."""
    parts = {name: value for name, value in pitch.model_dump(exclude_unset=True).items() if value is not None}
    return PitchOut.model_validate(pitches.pitch_to_dict(pitches.set_parts(network, parts)))


@router.post(
    "/pitch/practice",
    response_model=PracticeOut,
    status_code=201,
    summary="Note a practice of your pitch",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def add_practice(network: NetworkDep, practice: PracticeIn) -> PracticeOut:
    """Note where you gave your pitch and how it went; a day still to come is refused."""
    done = pitches.log_practice(network, practice.where, practice.note, on=practice.on)
    return PracticeOut.model_validate(pitches.practice_to_dict(done))


@router.delete(
    "/pitch/practice/{practice_id:int}",
    status_code=204,
    response_class=Response,
    response_model=None,
    summary="Remove a practice",
    dependencies=CHANGES,
    responses={**FORBIDDEN, 404: {"model": Problem, "description": "No such practice in this network."}},
)
def remove_practice(
    network: NetworkDep, practice_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The practice's id.")]
) -> Response:
    """Remove one practice from the log; 404 when this network has no such practice."""
    pitches.remove_practice(network, practice_id)
    return Response(status_code=204)


@router.get("/card", response_model=CardOut, summary="Show your calling card")
def show_card(network: NetworkDep) -> CardOut:
    """The card as it prints, and the choices behind it."""
    return CardOut.model_validate(cards.card_to_dict(cards.card_view(network)))


@router.put(
    "/card",
    response_model=CardOut,
    summary="Change your calling card",
    dependencies=CHANGES,
    responses={**REFUSED, **FORBIDDEN},
)
def change_card(network: NetworkDep, card: CardIn) -> CardOut:
    """Change what goes on the card; fields left out keep their value."""
    return CardOut.model_validate(
        cards.card_to_dict(cards.set_card(network, card.model_dump(exclude_unset=True)))
    )


@router.get(
    "/card/{fmt}",
    response_class=Response,
    summary="Download your calling card",
    responses={
        200: {
            "description": "The card as a file.",
            "content": {media: {} for media, _name in cards.FORMATS.values()},
        },
        **REFUSED,
    },
)
def download_card(
    network: NetworkDep,
    fmt: Annotated[Literal["vcf", "png", "svg", "pdf"], Path(description="vcf, png, svg or pdf.")],
    paper: Annotated[Literal["a4", "letter"], Query(description="The PDF sheet's paper.")] = "a4",
) -> Response:
    """A vCard 3.0, its QR code (PNG or SVG), or a PDF sheet of ten cards; ``400`` (``card.needs_name``)
    until About me gives your name."""
    made = cards.card_file(network, fmt, paper=paper)
    return Response(
        content=made.content,
        media_type=made.media_type,
        headers={"Content-Disposition": f'attachment; filename="{made.filename}"'},
    )
