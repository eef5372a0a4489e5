"""A printable sheet of calling cards: ten a page (two across, five down), each the standard 3.5 × 2
inches (88.9 × 50.8 mm), on A4 or US Letter, with crop marks in the margins to cut along.

Each card has the name, the title or headline, the employer when shown, the phone, e-mail and web
addresses, the short line, and the QR code of its vCard (drawn as vector squares, so it prints
sharp at any size). The text is in Helvetica, whose encoding covers French and the other Western
European languages.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from orchardist.domain.card import Card
from orchardist.formats.calling_card import qr_code

PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": letter}
"""The paper sizes a sheet is made for, in points."""
ACROSS, DOWN = 2, 5
CARD_WIDTH, CARD_HEIGHT = 3.5 * inch, 2 * inch
PADDING = 4 * mm
MARK_GAP, MARK_LENGTH = 1.5 * mm, 5 * mm
QR_SIZE = 36 * mm


def _fitted(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _printed_url(url: str) -> str:
    """A web address as people write it on paper: without ``https://``, ``www.`` or a final slash."""
    return re.sub(r"^https?://(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")


def _lines(card: Card) -> Iterable[tuple[str, str, float]]:
    """Each line of a card's text: its words, font and size."""
    yield card.name, "Helvetica-Bold", 13
    for text in (card.title or card.headline, card.employer):
        if text:
            yield text, "Helvetica", 9
    yield "", "Helvetica", 5
    for text in (card.phone, card.email, *map(_printed_url, card.urls)):
        if text:
            yield text, "Helvetica", 8
    if card.line:
        yield "", "Helvetica", 4
        yield card.line, "Helvetica-Oblique", 8


def _qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    rows = list(qr_code(text).matrix_iter(scale=1, border=0))
    module = size / len(rows)
    path = canvas.beginPath()
    for row_number, row in enumerate(rows):
        for column, dark in enumerate(row):
            if dark:
                path.rect(x + column * module, y + size - (row_number + 1) * module, module, module)
    canvas.drawPath(path, stroke=0, fill=1)


def _card(canvas: Canvas, card: Card, vcard: str, x: float, y: float) -> None:
    text_width = CARD_WIDTH - 3 * PADDING - QR_SIZE
    top = y + CARD_HEIGHT - PADDING
    for text, font, size in _lines(card):
        top -= size * 1.25
        if text:
            canvas.setFont(font, size)
            canvas.drawString(x + PADDING, top, _fitted(text, font, size, text_width))
    _qr(canvas, vcard, x + CARD_WIDTH - PADDING - QR_SIZE, y + (CARD_HEIGHT - QR_SIZE) / 2, QR_SIZE)


def _crop_marks(canvas: Canvas, left: float, bottom: float) -> None:
    """Short lines in the margins, in line with every cut, never over a card."""
    right, top = left + ACROSS * CARD_WIDTH, bottom + DOWN * CARD_HEIGHT
    canvas.setLineWidth(0.3)
    for column in range(ACROSS + 1):
        x = left + column * CARD_WIDTH
        canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LENGTH)
        canvas.line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LENGTH)
    for row in range(DOWN + 1):
        y = bottom + row * CARD_HEIGHT
        canvas.line(left - MARK_GAP, y, left - MARK_GAP - MARK_LENGTH, y)
        canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y)


def sheet(card: Card, vcard: str, paper: str = "a4", *, title: str = "Calling cards") -> bytes:
    """One page of ten copies of ``card`` on ``paper`` (``a4`` or ``letter``), as PDF."""
    width, height = PAPERS[paper]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor(card.name)
    canvas.setCreator("Orchardist")
    left = (width - ACROSS * CARD_WIDTH) / 2
    bottom = (height - DOWN * CARD_HEIGHT) / 2
    for row in range(DOWN):
        for column in range(ACROSS):
            _card(canvas, card, vcard, left + column * CARD_WIDTH, bottom + row * CARD_HEIGHT)
    _crop_marks(canvas, left, bottom)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
