"""The calling card's files: a vCard 3.0, a QR code that scans back to it (accents included), and a
PDF sheet of ten cards on A4 and US Letter, read back and drawn to look at."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from orchardist.domain.card import Card
from orchardist.formats.calling_card import qr_png, qr_svg, vcard
from orchardist.formats.card_sheet import PAPERS, sheet

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "cards"
CARD = Card(
    name="Amélie Côté",
    title="Analyste de données",
    employer="Santé Érable, Inc.",
    phone="+1 514 555 0199",
    email="amelie@example.org",
    urls=("https://www.linkedin.com/in/amelie-cote", "https://amelie.example"),
    line="Tableaux de bord; prévisions",
)


def test_the_vcard_is_3_0_with_its_values_escaped() -> None:
    text = vcard(CARD)
    lines = text.split("\r\n")
    assert lines[:4] == ["BEGIN:VCARD", "VERSION:3.0", "N:Côté;Amélie;;;", "FN:Amélie Côté"]
    assert "ORG:Santé Érable\\, Inc." in lines and "NOTE:Tableaux de bord\\; prévisions" in lines
    assert text.endswith("END:VCARD\r\n")


def _decoded(png: bytes) -> str:
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    return found.text


def test_the_qr_code_scans_back_to_the_same_vcard_accents_included() -> None:
    text = vcard(CARD)
    assert _decoded(qr_png(text)) == text
    assert "Amélie Côté" in _decoded(qr_png(text))


def test_the_svg_qr_code_is_the_same_code() -> None:
    svg = qr_svg(vcard(CARD))
    assert svg.startswith(b"<?xml") and b"<svg" in svg and b"<title>vCard</title>" in svg


@pytest.mark.parametrize("paper", list(PAPERS))
def test_the_sheet_holds_ten_cards_on_its_paper(paper: str) -> None:
    text = vcard(CARD)
    pdf = sheet(CARD, text, paper)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    [page] = reader.pages
    width, height = PAPERS[paper]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
        round(width),
        round(height),
    )
    words = page.extract_text()
    assert words.count("Amélie Côté") == 10 and words.count("amelie@example.org") == 10
    # Drawn at 150 dpi: every card's QR code scans back to the vCard; the picture is kept to look at.
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=150 / 72).to_pil()
    document.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image.save(ARTIFACTS / f"sheet-{paper}.png")
    found = zxingcpp.read_barcodes(image)
    assert len(found) == 10 and {item.text for item in found} == {text}
