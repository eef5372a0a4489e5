"""The Export page: the network as vCard (3.0 or 4.0), CSV or JSON, a checked backup, and a restore from one.

Every file leaves with a neutral name (DESIGN §7): never a person's name or an employer. Backups
and uploads pass through a private temporary directory that is removed once the file is sent or
the restore is done.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.background import BackgroundTask

from orchardist.formats import registry
from orchardist.services.errors import Refused
from orchardist.services.exporting import backup, export_file, restore
from orchardist.services.importing import ImportRefused
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, file_problem, gettext
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

SQLITE_BACKUP_NAME = "orchardist-backup-{day}.sqlite3"
SQLITE_MEDIA_TYPE = "application/vnd.sqlite3"
CONFIRM_VALUE = "replace-everything"
_UNSAFE_NAME = re.compile(r"[^\w.\-]+")


def _formats() -> list[dict[str, object]]:
    """Each export format the page offers, as the registry describes it."""
    return [
        {
            "format": written.name,
            "file_name": written.file_name_on(date.today()),
            "media_type": written.media_type,
            "heading": written.heading,
            "about": written.about,
            "versions": written.versions,
        }
        for written in registry.downloads()
    ]


def _page(
    request: Request,
    network: Network,
    *,
    restored: str | None = None,
    restore_error: str | None = None,
    backup_error: str | None = None,
    status_code: int = 200,
) -> Response:
    is_sqlite = network.on_sqlite_file
    return render(
        request,
        "exports/index.html",
        {
            "formats": _formats(),
            "backup_kind": "sqlite" if is_sqlite else "json",
            "backup_file": _backup_name(is_sqlite),
            "confirm_value": CONFIRM_VALUE,
            "restored": restored,
            "restore_error": restore_error,
            "backup_error": backup_error,
        },
        status_code=status_code,
    )


@router.get("/export")
def export_page(
    request: Request, network: Annotated[Network, Depends(network_of)], restored: str | None = None
) -> Response:
    """What each export format is for, the downloads, the backup and the restore form."""
    return _page(request, network, restored=restored if restored in {"sqlite", "json"} else None)


def _backup_name(sqlite: bool) -> str:
    """The neutral name of today's backup: an SQLite copy, or a JSON backup."""
    today = date.today()
    return (
        SQLITE_BACKUP_NAME.format(day=today.isoformat())
        if sqlite
        else registry.exporter("json").file_name_on(today)
    )


@router.get("/export/{fmt}")
def download_export(
    fmt: str,
    network: Annotated[Network, Depends(network_of)],
    redact: str | None = None,
    version: str | None = None,
) -> Response:
    """The whole network in one format (of ``version``, for a format with versions: vCard), as an
    attachment with a neutral file name; with ``redact``, without notes, discretion marks or About me."""
    written = next((item for item in registry.downloads() if item.name == fmt), None)
    if written is None or (written.versions and version is not None and version not in written.versions):
        raise HTTPException(status_code=404, detail=_("There is no export in that format."))
    # The page's one form sends the vCard version along with every format's button.
    exported = export_file(network, fmt, redact=bool(redact), version=version if written.versions else None)
    return Response(
        content=exported.content,
        media_type=exported.media_type,
        headers={"Content-Disposition": f'attachment; filename="{exported.file_name}"'},
    )


@router.post("/export/backup", dependencies=[Depends(require_csrf)])
def download_backup(request: Request, network: Annotated[Network, Depends(network_of)]) -> Response:
    """A checked backup (an SQLite copy, or JSON for PostgreSQL), removed from disk once sent."""
    scratch = Path(tempfile.mkdtemp(prefix="orchardist-"))
    target = scratch / "backup"
    try:
        kind = backup(network, target)
    except (Refused, OSError) as error:
        shutil.rmtree(scratch, ignore_errors=True)
        message = _plain_words(error, (f"{target}.partial", str(target)), _("the backup"))
        return _page(request, network, backup_error=message, status_code=500)
    name = _backup_name(kind == "sqlite")
    media_type = SQLITE_MEDIA_TYPE if kind == "sqlite" else registry.exporter("json").media_type
    return FileResponse(
        target,
        media_type=media_type,
        filename=name,
        background=BackgroundTask(shutil.rmtree, scratch, ignore_errors=True),
    )


def _plain_words(error: Refused | OSError, paths: tuple[str, ...], name: str) -> str:
    """Why a backup or a restore failed, in the page's language, naming ``name`` instead of the
    server's temporary paths."""
    if isinstance(error, Refused):
        message = error.message
        if "file" in message.params:
            message = message.with_values(file=name)
        return message.text(gettext)
    text = str(error)
    for path in paths:
        text = text.replace(path, name)
    return text


def _upload_name(upload: UploadFile) -> str:
    """The uploaded file's own name, reduced to something safe to write in a directory."""
    name = _UNSAFE_NAME.sub("-", Path(upload.filename or "").name).strip(".-")[:100]
    return name or "backup"


@router.post("/export/restore", dependencies=[Depends(require_csrf)])
def restore_backup(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    backup_file: Annotated[UploadFile | None, File()] = None,
    confirm: Annotated[str | None, Form()] = None,
) -> Response:
    """Replace everything with an uploaded backup; a refused file changes nothing."""
    if confirm != CONFIRM_VALUE:
        message = _(
            "Nothing was restored: tick “Replace everything in Orchardist with this backup” to confirm."
        )
        return _page(request, network, restore_error=message, status_code=400)
    if backup_file is None or not backup_file.filename:
        message = _("Nothing was restored: choose a backup file first.")
        return _page(request, network, restore_error=message, status_code=400)
    shown = Path(backup_file.filename).name
    scratch = Path(tempfile.mkdtemp(prefix="orchardist-"))
    source = scratch / _upload_name(backup_file)
    try:
        with source.open("wb") as handle:
            shutil.copyfileobj(backup_file.file, handle)
        kind = restore(network, source)
    except ImportRefused as refused:
        message = _("Nothing was restored from %(file)s: %(reason)s") % {
            "file": shown,
            "reason": file_problem(refused),
        }
        return _page(request, network, restore_error=message, status_code=400)
    except (Refused, OSError) as error:
        message = _("Nothing was restored from %(file)s: %(reason)s") % {
            "file": shown,
            "reason": _plain_words(error, (str(source),), _("the file")),
        }
        return _page(request, network, restore_error=message, status_code=400)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return RedirectResponse(f"/export?restored={kind}", status_code=303)
