"""The poster as a printable A4 PDF (fpdf2) with its QR code (segno), and the same page as a PNG
(rendered from the PDF by PDFium, so both are one layout).

The layout is computed, not assumed: the code is 100 mm square with its quiet zone (it scans
from about two metres), entirely inside 10 mm margins (a printer's unprintable edge is ~5 mm),
with the link printed under it; the texts above shrink to fit, never the code, and never the
warning below 28 pt nor a phone below 24 pt (readable at two metres).

DejaVu Sans is bundled (bot/reach/fonts, its licence beside it): it has every letter of
Uzbek, Kyrgyz and Tajik (ӣ ӯ ҳ қ ғ ҷ ң ө ү ў), where PDF's built-in fonts have Latin only.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pypdfium2
import segno
from fpdf import FPDF

from bot.reach.poster import PosterError, PosterText

FONTS = resources.files("bot.reach") / "fonts"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0  # A4, mm
MARGIN = 10.0
CODE_SIDE = 100.0  # with its quiet zone of 4 modules
LINK_SIZE = 12.0  # pt
SMALLEST = 0.5  # the texts shrink at most to half their size


@dataclass(frozen=True)
class Block:
    """A text of the poster: its size in points, bold or not, and the least size it may take."""

    text: str
    bold: bool
    size: float
    least: float = 0.0


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in mm from the top left of the page."""

    blocks: list[Block]
    code_x: float
    code_y: float
    link_y: float


def blocks(text: PosterText) -> list[Block]:
    """The poster's texts in reading order: the warning, the action, the phones, the scan line."""
    return [
        Block(text.warning, True, 30, least=28),
        Block(text.action_title, True, 16),
        Block(text.action, False, 16),
        Block(text.phone_title, True, 16),
        *[Block(phone, True, 26, least=24) for phone in text.phones],
        *([Block(text.phone_note, False, 11)] if text.phone_note else []),
        Block(text.phone_source, False, 9),
        Block(text.scan, False, 14),
    ]


def new_page(text: PosterText, lang: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_lang(lang)
    pdf.set_title(text.warning)
    with resources.as_file(FONTS / REGULAR) as regular, resources.as_file(FONTS / BOLD) as bold:
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
    pdf.add_page()
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    return pdf


def _height(pdf: FPDF, shown: list[Block]) -> float:
    """The height the blocks take, one under another."""
    total = 0.0
    for block in shown:
        pdf.set_font("DejaVu", "B" if block.bold else "", block.size)
        lines = pdf.multi_cell(0, block.size * 0.45, block.text, dry_run=True, output="LINES")
        assert isinstance(lines, list)
        total += len(lines) * block.size * 0.45 + block.size * 0.2
    return total


def layout(text: PosterText, pdf: FPDF) -> Layout:
    """The largest texts that fit above the code; PosterError if none do."""
    link_height = LINK_SIZE * 0.5
    code_y = PAGE_HEIGHT - MARGIN - link_height - CODE_SIDE
    room = code_y - MARGIN - 2
    scale = 1.0
    while scale >= SMALLEST:
        shown = [
            Block(b.text, b.bold, max(b.size * scale, b.least), b.least) for b in blocks(text)
        ]
        if _height(pdf, shown) <= room:
            return Layout(shown, (PAGE_WIDTH - CODE_SIDE) / 2, code_y, code_y + CODE_SIDE)
        scale -= 0.05
    raise PosterError("the poster's text does not fit above its code on one A4 page")


def qr_png(link: str, *, scale: int) -> bytes:
    """The link as a QR code (error correction M: still readable when a corner is torn)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def poster_pdf(text: PosterText, *, lang: str) -> bytes:
    """One A4 page."""
    pdf = new_page(text, lang)
    placed = layout(text, pdf)
    pdf.set_y(MARGIN)
    for block in placed.blocks:
        pdf.set_font("DejaVu", "B" if block.bold else "", block.size)
        pdf.multi_cell(0, block.size * 0.45, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(block.size * 0.2)
    code = io.BytesIO(qr_png(text.link, scale=10))
    pdf.image(code, x=placed.code_x, y=placed.code_y, w=CODE_SIDE)
    pdf.set_y(placed.link_y)
    pdf.set_font("DejaVu", "", LINK_SIZE)
    pdf.cell(0, LINK_SIZE * 0.5, text.link, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def poster_png(text: PosterText, *, lang: str = "ru", dpi: int = 150) -> bytes:
    """The same page as an image (for a phone, a chat or a screen at a migration centre)."""
    document = pypdfium2.PdfDocument(poster_pdf(text, lang=lang))
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def write_poster(text: PosterText, folder: Path, name: str, *, lang: str) -> list[Path]:
    """NAME.pdf and NAME.png in `folder`; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf, png = folder / f"{name}.pdf", folder / f"{name}.png"
    pdf.write_bytes(poster_pdf(text, lang=lang))
    png.write_bytes(poster_png(text, lang=lang))
    return [pdf, png]
