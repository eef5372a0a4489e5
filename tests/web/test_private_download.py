"""The Export page's backup passes through a private temporary file, on both databases."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from orchardist.services import exporting
from orchardist.services.network import Network
from orchardist.web.routes import exports


def test_the_downloaded_backups_temporary_file_is_private(
    client: TestClient, csrf: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: dict[str, int] = {}

    def watched_backup(network: Network, target: Path) -> str:
        kind = exporting.backup(network, target)
        modes["file"] = stat.S_IMODE(target.stat().st_mode)
        modes["folder"] = stat.S_IMODE(target.parent.stat().st_mode)
        return kind

    monkeypatch.setattr(exports, "backup", watched_backup)
    before = os.umask(0o022)
    try:
        response = client.post("/export/backup", data={"csrf_token": csrf})
    finally:
        os.umask(before)
    assert response.status_code == 200 and response.content
    assert modes == {"file": 0o600, "folder": 0o700}
