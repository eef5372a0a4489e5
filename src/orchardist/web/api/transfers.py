"""``/api/v1/imports`` and ``/api/v1/exports``: files into and out of the network.

An upload is ``multipart/form-data``, which a page on another site can send with a plain HTML
form, with no CORS preflight; so the JSON rule the rest of the API follows cannot protect it.
``require_trusted_upload`` accepts an upload only when it
  - comes from no other site (``Origin`` and ``Sec-Fetch-Site``, as every change), and
  - carries the ``X-CSRF-Token`` header matching the cookie when the browser holds Orchardist's
    cookie (the app's own pages), or otherwise, from a script, the ``X-Orchardist-Client`` header.
A cross-site page cannot add either header without a preflight that Orchardist never grants, and
it cannot read the token; the cookie is ``SameSite=Strict``, so a cross-site form arrives without
it and must present the script header, which it cannot. That keeps uploads safe even from a
browser that sends neither ``Origin`` nor ``Sec-Fetch-Site``.
"""

from __future__ import annotations

import hmac
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import Depends, File, Form, Header, HTTPException, Path, Query, Request, UploadFile
from starlette.responses import Response

from orchardist.formats import registry
from orchardist.services.exporting import export_file as service_export_file
from orchardist.services.importing import MAX_FILE_BYTES, import_parsed, parse_upload
from orchardist.services.network import Network
from orchardist.web.api._models import (
    ExportFormat,
    ExportVersion,
    ImportFormat,
    ImportProblem,
    ImportReportOut,
    Problem,
    api_router,
)
from orchardist.web.app import network_of
from orchardist.web.security import CSRF_COOKIE, CSRF_HEADER, check_origin

router = api_router("files")

NetworkDep = Annotated[Network, Depends(network_of)]


def _same_secret(expected: str, given: str) -> bool:
    # Compared as bytes: a header may hold characters compare_digest refuses in a str.
    return bool(expected) and hmac.compare_digest(expected.encode(), given.encode())


def require_trusted_upload(
    request: Request,
    x_orchardist_client: Annotated[
        str | None,
        Header(
            description="From a script: any name for it. An upload needs this header or, from Orchardist's "
            "own pages, X-CSRF-Token (docs/api.md)."
        ),
    ] = None,
) -> None:
    """Refuse an upload a page on another site could have sent (see the module's docstring)."""
    check_origin(request)
    cookie = request.cookies.get(CSRF_COOKIE, "")
    token = request.headers.get(CSRF_HEADER, "")
    if cookie or token:
        if not _same_secret(cookie, token):
            detail = "the X-CSRF-Token header is missing or does not match"
            raise HTTPException(status_code=403, detail=detail)
        return
    if not (x_orchardist_client or "").strip():
        raise HTTPException(
            status_code=403,
            detail="scripts must send the X-Orchardist-Client header with an upload (any value)",
        )


def _file_name(upload: UploadFile) -> str:
    """The uploaded file's own name, without any folders the client sent."""
    name = PurePath((upload.filename or "").replace("\\", "/")).name.strip()
    return name[:200] or "upload"


@router.post(
    "/imports",
    response_model=ImportReportOut,
    summary="Import a file of contacts",
    dependencies=[Depends(require_trusted_upload)],
    responses={
        400: {"model": ImportProblem, "description": "The file was refused whole; nothing was stored."},
        403: {"model": Problem, "description": "Cross-site, or without the CSRF or script header."},
    },
)
def import_file(
    network: NetworkDep,
    file: Annotated[UploadFile, File(description="A LinkedIn, Google or Outlook CSV, vCard or JSON backup.")],
    format: Annotated[
        ImportFormat, Form(description="The file's format; auto detects it from the content.")
    ] = "auto",
    dry_run: Annotated[bool, Form(description="Only report what would be added and merged.")] = False,
) -> ImportReportOut:
    """Import people from a file: all of it or none of it. People already known are merged."""
    name = _file_name(file)
    # One byte past the limit is enough for the parser to refuse the file as too big.
    data = file.file.read(MAX_FILE_BYTES + 1)
    report = import_parsed(network, parse_upload(data, name, format), name, dry_run=dry_run)
    return ImportReportOut.model_validate({**report.to_dict(), "dry_run": dry_run})


def _export_schema(media_type: str) -> dict[str, Any]:
    """The JSON backup is a JSON document (an object); the other exports are text (vCard, CSV)."""
    if media_type == "application/json":
        return {"type": "object", "description": "The JSON backup: people, interactions and settings."}
    return {"type": "string"}


_EXPORT_CONTENT: dict[str, Any] = {
    written.media_type: {"schema": _export_schema(written.media_type)} for written in registry.downloads()
}


@router.get(
    "/exports/{format}",
    response_class=Response,
    response_model=None,
    summary="Export the whole network",
    responses={
        200: {"content": _EXPORT_CONTENT, "description": "The file, as an attachment."},
        400: {"model": Problem, "description": "A version asked of a format that has none (vCard has)."},
    },
)
def export_file(
    network: NetworkDep,
    format: Annotated[
        ExportFormat,
        Path(description="; ".join(f"{written.name}: {written.purpose}" for written in registry.downloads())),
    ],
    redact: Annotated[
        bool,
        Query(
            description="Leave out every note, the discretion marks (knows_search, coworker_override) and "
            "About me: a file to share."
        ),
    ] = False,
    version: Annotated[
        ExportVersion | None,
        Query(
            description="The version of a "
            + " or ".join(written.name for written in registry.downloads() if written.versions)
            + f" export (default {registry.VCARD_VERSIONS[0]}); refused for the other formats."
        ),
    ] = None,
) -> Response:
    """Everyone in the network in one file, named neutrally (never after a person or employer). Every
    vCard carries the person's UID, the same from one export to the next."""
    exported = service_export_file(network, format, redact=redact, version=version)
    return Response(
        content=exported.content,
        media_type=exported.media_type,
        headers={"Content-Disposition": f'attachment; filename="{exported.file_name}"'},
    )
