"""The Import page: upload a contacts file, see what it would change, then import it.

The file is parsed in the sandbox and matched against the network without storing anything, so
the preview shows who would be added, merged, updated or skipped (with line numbers and reasons)
before the user commits. Between the preview and the import the uploaded bytes wait on the server,
in a private temporary directory under a random token the confirm form carries: never in a cookie,
and neither the file's name nor its content ever appears in a URL. They are deleted once imported,
cancelled, or an hour old.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from orchardist.formats import registry
from orchardist.services.importing import (
    MAX_FILE_BYTES,
    OUTCOMES,
    ImportRefused,
    ImportReport,
    import_parsed,
    parse_upload,
)
from orchardist.services.network import Network
from orchardist.web.app import network_of
from orchardist.web.i18n import _, format_number, said
from orchardist.web.security import require_csrf
from orchardist.web.templating import render

router = APIRouter()

MAX_UPLOAD_BYTES = MAX_FILE_BYTES
# Room for the multipart framing and the other fields around the file itself.
FORM_ALLOWANCE = 64 * 1024
PENDING_SECONDS = 60 * 60
SHOWN_SKIPPED = 500
ROWS_PER_PAGE = 50
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")


def _format_labels() -> dict[str, str]:
    """The formats a user can choose, in the language of the request ("auto" first)."""
    return {"auto": _("Recognise it for me"), **{read.name: _(read.label) for read in registry.importers()}}


def _format_names() -> dict[str, str]:
    """What each format is called when the preview says how the file was read."""
    return {read.name: _(read.title) for read in registry.importers()}


def _too_big() -> str:
    return _("This file is too big: Orchardist imports files up to %(limit)s MB. Nothing was stored.") % {
        "limit": format_number(MAX_UPLOAD_BYTES // 1024 // 1024)
    }


# Uploads waiting between the preview and the import --------------------------------------------


@dataclass(frozen=True, slots=True)
class PendingUpload:
    """An uploaded file kept for its import: the file's own name, the chosen format, the bytes."""

    name: str
    fmt: str
    data: bytes


def pending_dir() -> Path:
    """This user's private folder for uploads in the OS temporary directory (mode 700, not a link)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"orchardist-imports-{uid}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid):
        raise OSError(f"{folder} is not a private folder of this user")
    if stat.S_IMODE(info.st_mode) != 0o700:
        folder.chmod(0o700)
    return folder


def _owner(network: Network) -> str:
    """Which network an upload was previewed for: another network's token must not import it."""
    return hashlib.sha256(network.key.encode()).hexdigest()


def _write_new(path: Path, content: bytes) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(handle, "wb") as out:
        out.write(content)


def remove_expired(now: float | None = None) -> None:
    """Delete uploads that waited more than an hour for their import."""
    now = time.time() if now is None else now
    for path in pending_dir().iterdir():
        with contextlib.suppress(OSError):
            if now - path.lstat().st_mtime > PENDING_SECONDS:
                path.unlink()


def keep_upload(network: Network, name: str, fmt: str, data: bytes) -> str:
    """Keep an upload for its import; returns the token that names it."""
    folder = pending_dir()
    token = secrets.token_urlsafe(24)
    _write_new(folder / f"{token}.upload", data)
    meta = {"name": name, "fmt": fmt, "owner": _owner(network)}
    _write_new(folder / f"{token}.json", json.dumps(meta).encode())
    # Deleted after an hour even if no one opens the Import page again while the app runs.
    timer = threading.Timer(PENDING_SECONDS + 1, _forget, args=(folder, token))
    timer.daemon = True
    timer.start()
    return token


def _forget(folder: Path, token: str) -> None:
    for suffix in (".json", ".upload", ".preview.json"):
        (folder / f"{token}{suffix}").unlink(missing_ok=True)


def take_upload(network: Network, token: str) -> PendingUpload | None:
    """The upload behind ``token``, removed from disk as it is taken (so it imports once); None when
    it is unknown, expired, already taken, or belongs to another network."""
    if not _TOKEN.match(token):
        return None
    remove_expired()
    folder = pending_dir()
    meta_path, data_path = folder / f"{token}.json", folder / f"{token}.upload"
    try:
        meta = json.loads(meta_path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("owner") != _owner(network):
        return None
    try:
        meta_path.unlink()  # The claim: of two simultaneous imports, only one gets past this line.
    except FileNotFoundError:
        return None
    try:
        data = data_path.read_bytes()
    except OSError:
        return None
    finally:
        data_path.unlink(missing_ok=True)
        (folder / f"{token}.preview.json").unlink(missing_ok=True)
    return PendingUpload(name=str(meta.get("name", "")), fmt=str(meta.get("fmt", "auto")), data=data)


# Pages -----------------------------------------------------------------------------------------


def _refused_context(refused: ImportRefused) -> dict[str, Any]:
    return {
        "file": Path(refused.file).name,
        "line": refused.error.line,
        "field": refused.error.field,
        "reason": refused.error.reason,
    }


def keep_preview(token: str, context: dict[str, Any]) -> None:
    """Keep what the preview shows beside its upload (in the same private folder, deleted with it), so
    that paging through who would be added, merged or skipped reads it instead of the file again."""
    _write_new(pending_dir() / f"{token}.preview.json", json.dumps(context).encode())


def kept_preview(network: Network, token: str) -> dict[str, Any] | None:
    """What the preview of the upload behind ``token`` shows; None when it is gone or another
    network's."""
    if not _TOKEN.match(token):
        return None
    folder = pending_dir()
    try:
        meta = json.loads((folder / f"{token}.json").read_bytes())
        kept = json.loads((folder / f"{token}.preview.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("owner") != _owner(network) or not isinstance(kept, dict):
        return None
    return kept


def _stored_context(report: ImportReport) -> dict[str, Any]:
    """The preview's context as kept between pages: plain values, reasons in the page's language."""
    context = _report_context(report)
    context["skipped"] = [{"line": item.line, "reason": said(item.reason)} for item in context["skipped"]]
    context["job_changes"] = [asdict(change) for change in report.job_changes]
    context["rows"] = [
        [row.outcome, row.name, row.person_id, row.existing, row.line, said(row.reason) if row.reason else ""]
        for row in report.rows
    ]
    return context


def _people_page(kept: dict[str, Any], show: str, page: int) -> dict[str, Any]:
    """One page of who the file holds, of one outcome (or all), with the count of each."""
    rows = kept.get("rows", [])
    counts = {outcome: 0 for outcome in OUTCOMES}
    for row in rows:
        counts[row[0]] = counts.get(row[0], 0) + 1
    chosen = [row for row in rows if show == "all" or row[0] == show]
    pages = max(1, -(-len(chosen) // ROWS_PER_PAGE))
    page = min(max(page, 1), pages)
    start = (page - 1) * ROWS_PER_PAGE
    return {
        "show": show,
        "page": page,
        "pages": pages,
        "first": start + 1,
        "last": min(start + ROWS_PER_PAGE, len(chosen)),
        "total": len(chosen),
        "counts": counts,
        "everyone": len(rows),
        "rows": [
            dict(zip(("outcome", "name", "person_id", "existing", "line", "reason"), row, strict=True))
            for row in chosen[start : start + ROWS_PER_PAGE]
        ],
    }


def _report_context(report: ImportReport) -> dict[str, Any]:
    return {
        "file": report.file,
        "format": report.format,
        "format_label": _format_names().get(report.format, report.format),
        "added": report.added,
        "merged": report.merged,
        "updated": report.updated,
        "interactions": report.interactions,
        "skipped": report.skipped[:SHOWN_SKIPPED],
        "skipped_count": len(report.skipped),
        "job_changes": report.job_changes,
    }


def _upload_page(
    request: Request,
    *,
    fmt: str = "auto",
    error: str | None = None,
    refused: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "imports/index.html",
        {
            "formats": _format_labels(),
            "chosen_format": fmt,
            "max_bytes": MAX_UPLOAD_BYTES,
            "max_mb": MAX_UPLOAD_BYTES // 1024 // 1024,
            "too_big_message": _too_big(),
            "error": error,
            "refused": refused,
        },
        status_code=status_code,
    )


def refuse_oversized(request: Request) -> None:
    """Refuse an upload that says it is too big before its body is read (runs before the CSRF check,
    which would otherwise read the whole form)."""
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_UPLOAD_BYTES + FORM_ALLOWANCE:
        raise HTTPException(status_code=413, detail=_too_big())


@router.get("/import")
def import_page(request: Request) -> Response:
    """Choose a file (and, if it is not recognised, its format)."""
    remove_expired()
    return _upload_page(request)


@router.post("/import/preview", dependencies=[Depends(refuse_oversized), Depends(require_csrf)])
def preview(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    upload: Annotated[UploadFile | None, File()] = None,
    fmt: Annotated[str, Form()] = "auto",
) -> Response:
    """Parse the file in the sandbox and show what importing it would do; nothing is stored yet."""
    remove_expired()
    if fmt not in _format_labels():
        return _upload_page(request, error=_("Choose one of the formats in the list."), status_code=400)
    if upload is None or not upload.filename:
        return _upload_page(request, fmt=fmt, error=_("Choose a file to import."), status_code=400)
    name = Path(upload.filename).name or "upload"
    data = upload.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return _upload_page(request, fmt=fmt, error=_too_big(), status_code=413)
    try:
        result = parse_upload(data, name, fmt)
    except ImportRefused as refused:
        return _upload_page(request, fmt=fmt, refused=_refused_context(refused), status_code=400)
    report = import_parsed(network, result, name, dry_run=True)
    token = keep_upload(network, name, fmt, data)
    kept = _stored_context(report)
    keep_preview(token, kept)
    return render(
        request,
        "imports/preview.html",
        {"report": _report_context(report), "token": token, "people": _people_page(kept, "all", 1)},
    )


@router.post("/import/preview/people", dependencies=[Depends(require_csrf)])
def preview_people(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    token: Annotated[str, Form()] = "",
    show: Annotated[str, Form()] = "all",
    page: Annotated[int, Form(ge=1, le=1_000_000)] = 1,
) -> Response:
    """Another page of who the previewed file holds (htmx swaps the list; a plain post shows the whole
    preview again at that page)."""
    kept = kept_preview(network, token)
    if kept is None:
        message = _(
            "This preview is no longer available: it was imported or cancelled already, or it is more "
            "than an hour old. Nothing was stored; choose the file again."
        )
        return _upload_page(request, error=message, status_code=400)
    shown = show if show in ("all", *OUTCOMES) else "all"
    people = _people_page(kept, shown, page)
    return render(request, "imports/preview.html", {"report": kept, "token": token, "people": people})


@router.post("/import/commit", dependencies=[Depends(require_csrf)])
def commit(
    request: Request,
    network: Annotated[Network, Depends(network_of)],
    token: Annotated[str, Form()] = "",
) -> Response:
    """Import the file that was previewed, in one transaction, and show what was done."""
    pending = take_upload(network, token)
    if pending is None:
        message = _(
            "This preview is no longer available: it was imported or cancelled already, or it is more "
            "than an hour old. Nothing was stored; choose the file again."
        )
        return _upload_page(request, error=message, status_code=400)
    try:
        result = parse_upload(pending.data, pending.name, pending.fmt)
    except ImportRefused as refused:
        return _upload_page(request, refused=_refused_context(refused), status_code=400)
    report = import_parsed(network, result, pending.name)
    return render(request, "imports/done.html", {"report": _report_context(report)})


@router.post("/import/cancel", dependencies=[Depends(require_csrf)])
def cancel(network: Annotated[Network, Depends(network_of)], token: Annotated[str, Form()] = "") -> Response:
    """Forget a previewed upload without importing it."""
    take_upload(network, token)
    return RedirectResponse("/import", status_code=303)
