"""A vdir: a folder of vCards, one ``<UID>.vcf`` file per person, as khard, vdirsyncer, Radicale's
own storage and many sync tools read directly (https://vdirsyncer.pimutils.org/en/stable/vdir.html).

Each file holds one card of ``vcard_writing``; its name is the person's UID where that is a safe file
name (Orchardist's own UUIDs always are), else a digest of it. Writing the folder, and removing the
files of people deleted since, is the store's (``store/folders.py``).
"""

from __future__ import annotations

import hashlib
import re

from orchardist.formats.base import NetworkSnapshot
from orchardist.formats.vcard_writing import DEFAULT_VERSION, card, uid_of

SUFFIX = ".vcf"
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,199}")


def file_name(uid: str) -> str:
    """The file a card of ``uid`` is written to: ``<UID>.vcf``, or a digest of a UID that cannot be a
    file name (another address book's, with ``/`` or ``:`` in it)."""
    if _SAFE_NAME.fullmatch(uid) and not uid.endswith("."):
        return uid + SUFFIX
    return hashlib.sha256(uid.encode("utf-8", errors="surrogatepass")).hexdigest()[:40] + SUFFIX


def export_folder(snapshot: NetworkSnapshot, version: str = DEFAULT_VERSION) -> dict[str, bytes]:
    """Every person's card of ``version``, by the name of the file it goes in."""
    return {
        file_name(uid_of(person)): card(person, snapshot, version).encode("utf-8", errors="replace")
        for person in snapshot.people
    }
