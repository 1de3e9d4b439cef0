"""The poster as a printable A4 PDF (fpdf2) and PNG (Pillow), with its QR code (segno).

DejaVu Sans is bundled (bot/reach/fonts, its licence beside it): it has every letter of
Uzbek, Kyrgyz and Tajik (ӣ ӯ ҳ қ ғ ҷ ң ө ү ў), where PDF's built-in fonts have Latin only.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import segno
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from bot.reach.poster import PosterText

FONTS = resources.files("bot.reach") / "fonts"
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"
# (text of the poster, bold, size in points) from top to bottom; the QR code after `scan`.
Line = tuple[str, bool, float]


def lines(text: PosterText) -> list[Line]:
    """The poster's blocks in reading order: the warning, the action, the phone, the code."""
    return [
        (text.warning, True, 26),
        (text.action_title, True, 16),
        (text.action, False, 16),
        (text.phone_title, True, 16),
        *[(phone, True, 22) for phone in text.phones],
        *([(text.phone_note, False, 11)] if text.phone_note else []),
        (text.phone_source, False, 9),
        (text.scan, False, 14),
    ]


def qr_png(link: str, *, scale: int) -> bytes:
    """The link as a QR code (error correction M: still readable when a corner is torn)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def poster_pdf(text: PosterText, *, lang: str) -> bytes:
    """One A4 page."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_lang(lang)
    pdf.set_title(text.warning)
    with resources.as_file(FONTS / REGULAR) as regular, resources.as_file(FONTS / BOLD) as bold:
        pdf.add_font("DejaVu", "", str(regular))
        pdf.add_font("DejaVu", "B", str(bold))
    pdf.add_page()
    pdf.set_margins(18, 18, 18)
    pdf.set_y(18)
    for content, strong, size in lines(text):
        pdf.set_font("DejaVu", "B" if strong else "", size)
        pdf.multi_cell(0, size * 0.5, content, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(size * 0.25)
    side = 95.0
    pdf.image(io.BytesIO(qr_png(text.link, scale=10)), x=(210 - side) / 2, y=pdf.get_y(), w=side)
    pdf.set_y(pdf.get_y() + side + 2)
    pdf.set_font("DejaVu", "", 12)
    pdf.cell(0, 6, text.link, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def poster_png(text: PosterText, *, dpi: int = 150) -> bytes:
    """The same page as an image (for a phone, a chat or a screen at a migration centre)."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    margin, y = round(0.7 * dpi), round(0.7 * dpi)
    with resources.as_file(FONTS / REGULAR) as regular, resources.as_file(FONTS / BOLD) as bold:
        for content, strong, size in lines(text):
            font = ImageFont.truetype(str(bold if strong else regular), round(size * dpi / 72))
            for row in _wrap(draw, content, font, width - 2 * margin):
                left = (width - draw.textlength(row, font=font)) / 2
                draw.text((left, y), row, font=font, fill="black")
                y += round(font.size * 1.25)
            y += round(font.size * 0.5)
        code = Image.open(io.BytesIO(qr_png(text.link, scale=max(1, dpi // 12))))
        page.paste(code, ((width - code.width) // 2, y))
        y += code.height + dpi // 10
        font = ImageFont.truetype(str(regular), round(12 * dpi / 72))
        left = (width - draw.textlength(text.link, font=font)) / 2
        draw.text((left, y), text.link, font=font, fill="black")
    buffer = io.BytesIO()
    page.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    rows: list[str] = []
    for word in text.split():
        if rows and draw.textlength(f"{rows[-1]} {word}", font=font) <= width:
            rows[-1] += f" {word}"
        else:
            rows.append(word)
    return rows


def write_poster(text: PosterText, folder: Path, name: str, *, lang: str) -> list[Path]:
    """NAME.pdf and NAME.png in `folder`; the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf, png = folder / f"{name}.pdf", folder / f"{name}.png"
    pdf.write_bytes(poster_pdf(text, lang=lang))
    png.write_bytes(poster_png(text))
    return [pdf, png]
