"""The calling card as a vCard 3.0 and as a QR code carrying that vCard.

The QR code is made by segno in byte mode with ``encoding="utf-8"`` and an ECI header saying so, so a
phone's scanner reads "Amélie Côté" rather than guessing Latin-1 and showing "AmÃ©lie". The vCard is
written for the QR code too: no line folding (scanners pass the text through as is), CRLF line ends.
"""

from __future__ import annotations

import io

import segno

from orchardist.domain.card import Card

QR_ERROR = "m"
"""Error correction: about 15 % of the code may be damaged (a crease, a smudge) and still read."""
QR_SCALE = 8
QR_BORDER = 4


def _escaped(text: str) -> str:
    """A vCard 3.0 text value: backslash, comma, semicolon and line breaks escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def vcard(card: Card) -> str:
    """The card as a vCard 3.0 (CRLF line ends, UTF-8 when written out)."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escaped(card.family_name)};{_escaped(card.given_name)};;;",
        f"FN:{_escaped(card.name)}",
    ]
    if card.title or card.headline:
        lines.append(f"TITLE:{_escaped(card.title or card.headline)}")
    if card.employer:
        lines.append(f"ORG:{_escaped(card.employer)}")
    if card.phone:
        lines.append(f"TEL;TYPE=CELL:{_escaped(card.phone)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_escaped(card.email)}")
    lines.extend(f"URL:{url}" for url in card.urls)
    note = " — ".join(part for part in (card.headline if card.title else "", card.line) if part)
    if note:
        lines.append(f"NOTE:{_escaped(note)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def qr_code(text: str) -> segno.QRCode:
    """A QR code carrying ``text`` in UTF-8, with the ECI that says so."""
    return segno.make(text, encoding="utf-8", eci=True, error=QR_ERROR, micro=False, boost_error=False)


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    qr_code(text).save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return buffer.getvalue()


def qr_svg(text: str) -> bytes:
    buffer = io.BytesIO()
    qr_code(text).save(buffer, kind="svg", scale=QR_SCALE, border=QR_BORDER, title="vCard", xmldecl=True)
    return buffer.getvalue()
