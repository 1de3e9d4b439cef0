"""The poster: every country × language, its letters in the PDF, its QR code (100 mm, inside
10 mm margins, the link printed under it) read back from the printed page."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from bot.demo.harness import Harness, running_harness
from bot.reach.poster import poster_text
from bot.reach.printing import (
    CODE_SIDE,
    MARGIN,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    layout,
    new_page,
    poster_pdf,
    poster_png,
)
from bot.world import CAP_LANGUAGE, COUNTRY_CODES, LOCALE_CODES
from tests.support.cli import elchi

# Letters a font without Cyrillic extensions would lose, by language.
LETTERS = {"tg": "ӣӯҳқғҷ", "ky": "ңөү", "uz_Cyrl": "ўқғҳ"}


def decoded(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


@pytest.fixture
async def harness(database_url: str) -> Harness:
    async with running_harness(database_url=database_url) as running:
        yield running  # type: ignore[misc]


@pytest.mark.parametrize("country", COUNTRY_CODES)
async def test_a_poster_for_every_language_reads_in_it_and_its_code_opens_the_bot(
    harness: Harness, country: str
) -> None:
    services = harness.services
    for locale in LOCALE_CODES:
        text = await poster_text(
            services.stores.advisories,
            services.translator,
            country=country,
            locale=locale,
            username="elchi_bot",
        )
        link = f"https://t.me/elchi_bot?start={locale}-{country}-poster"
        assert text.link == link
        pdf = pypdf.PdfReader(io.BytesIO(poster_pdf(text, lang=CAP_LANGUAGE[locale])))
        assert len(pdf.pages) == 1
        page = pdf.pages[0]
        printed = page.extract_text()
        for line in (text.warning, text.action, text.phone_title):
            assert " ".join(line.split()[:3]) in " ".join(printed.split()), (locale, line)
        for letter in LETTERS.get(locale, ""):
            assert letter in printed, (country, locale, letter)
        assert link in " ".join(printed.split())  # the link, printed under the code
        page_pdf = new_page(text, "ru")
        placed = layout(text, page_pdf)
        page_pdf.output()  # and the fonts it opened are closed
        assert placed.code_x >= MARGIN  # inside 10 mm margins
        assert placed.code_y >= MARGIN
        assert placed.code_x + CODE_SIDE <= PAGE_WIDTH - MARGIN
        assert placed.link_y + 6 <= PAGE_HEIGHT - MARGIN
        assert CODE_SIDE >= 100
        assert placed.blocks[0].size >= 28  # the warning, readable at two metres
        assert all(b.size >= 24 for b in placed.blocks if b.text in text.phones)
        png = Image.open(io.BytesIO(poster_png(text, lang=CAP_LANGUAGE[locale])))
        assert png.size == (1241, 1754)  # A4 at 150 dpi (210 × 297 mm)
        [found] = zxingcpp.read_barcodes(png)
        assert found.text == link
        corners = [found.position.top_left, found.position.bottom_right]
        mm = [(c.x * 25.4 / 150, c.y * 25.4 / 150) for c in corners]  # where it was printed
        assert all(placed.code_x <= x <= placed.code_x + CODE_SIDE for x, _ in mm)
        assert all(placed.code_y <= y <= placed.code_y + CODE_SIDE for _, y in mm)


def test_the_command_writes_pdf_and_png_or_says_what_is_missing(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/p.db"}
    assert elchi("import", env=env, cwd=tmp_path).returncode == 0
    poster = ("poster", "KG", "--locale", "ky", "--out", str(tmp_path))
    missing = elchi(*poster, env={**env, "BOT_USERNAME": ""}, cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.startswith("elchi: BOT_USERNAME: set the bot's username")
    made = elchi(*poster, env={**env, "BOT_USERNAME": "elchi_bot"}, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "KG-ky.pdf").read_bytes().startswith(b"%PDF")
    assert decoded(Image.open(tmp_path / "KG-ky.png")) == [
        "https://t.me/elchi_bot?start=ky-KG-poster"
    ]
    assert "fontTools" not in made.stderr
