"""The poster: every country × language, its letters in the PDF, its QR code read back."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image

from bot.demo.harness import Harness, running_harness
from bot.reach.poster import poster_text
from bot.reach.printing import poster_pdf, poster_png
from bot.world import CAP_LANGUAGE, COUNTRY_CODES, LOCALE_CODES

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
            services.advisories,
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
        [qr] = page.images
        assert decoded(qr.image) == [link]
        png = Image.open(io.BytesIO(poster_png(text)))
        assert png.size == (1240, 1754)  # A4 at 150 dpi
        assert decoded(png) == [link]


def test_the_command_writes_pdf_and_png_or_says_what_is_missing(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/p.db"}
    env.pop("BOT_TOKEN", None)
    run = [sys.executable, "-m", "bot"]
    subprocess.run([*run, "import"], env=env, check=True, capture_output=True, timeout=60)
    missing = subprocess.run(
        [*run, "poster", "KG", "--locale", "ky", "--out", str(tmp_path)],
        env={**env, "BOT_USERNAME": ""},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2
    assert missing.stderr.startswith("elchi: BOT_USERNAME: set the bot's username")
    made = subprocess.run(
        [*run, "poster", "KG", "--locale", "ky", "--out", str(tmp_path)],
        env={**env, "BOT_USERNAME": "elchi_bot"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "KG-ky.pdf").read_bytes().startswith(b"%PDF")
    assert decoded(Image.open(tmp_path / "KG-ky.png")) == [
        "https://t.me/elchi_bot?start=ky-KG-poster"
    ]
    assert "fontTools" not in made.stderr
