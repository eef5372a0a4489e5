"""A network's settings, read through the standard library (every command that shows people reads them:
the co-worker flags come from About me), apart from the other records so that reading them loads little."""

from __future__ import annotations

import json
from typing import Any

from orchardist.store.lite.unit import LiteRepository


class LiteSettings(LiteRepository):
    """A network's settings, as ``SettingsRepository`` reads them."""

    name = "settings"

    def read(self) -> dict[str, Any]:
        """Every stored setting of the space (keys never set are absent)."""
        rows = self.conn.execute("SELECT key, value FROM settings WHERE space_id = ?", (self.space_id,))
        return {key: json.loads(value) for key, value in rows}
