"""The public page in a real browser (Debian's Chromium, driven by Playwright) at a cheap
phone's 412 × 900: no sideways scrolling, a tap-to-call link in the first screen of every
country and embassy page, tap targets at least 44 px high, no console error. Screenshots go to
build/screenshots/ for people to look at."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, async_playwright

from bot.config import PROJECT_ROOT
from bot.demo.harness import Harness
from bot.world import COUNTRY_CODES, LOCALE_CODES
from tests.conftest import IN_CI
from tests.reach.test_pages import site  # noqa: F401 - the page server over the harness

SHOTS = PROJECT_ROOT / "build" / "screenshots"
PHONE = {"width": 412, "height": 900}
FLAGS = [  # as root, on a machine whose network is closed (see the machine notes)
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHECK = """() => {
  const shown = (e) => e.getBoundingClientRect().width > 0;
  const tel = [...document.querySelectorAll('a[href^="tel:"]')].filter(shown);
  const small = [...document.querySelectorAll('a.tap, nav a, a[href^="tel:"]')].filter(shown)
    .filter((a) => a.getBoundingClientRect().height < 44).map((a) => a.textContent);
  return {
    sideways: document.documentElement.scrollWidth > window.innerWidth,
    telFirstScreen: tel.some((a) => a.getBoundingClientRect().bottom <= window.innerHeight),
    small,
  };
}"""


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    found = shutil.which("chromium")
    if found is None:
        reason = "Chromium not found (apt-get install chromium)"
        if IN_CI:
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=found, args=FLAGS)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.mark.parametrize("locale", LOCALE_CODES)
async def test_every_country_page_fits_a_phone_and_offers_a_call_in_its_first_screen(
    site: tuple[Harness, str],  # noqa: F811
    browser: Browser,
    locale: str,
) -> None:
    _, root = site
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = await browser.new_page(viewport=PHONE)
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    for country in COUNTRY_CODES:
        for path in (f"/{locale}/{country}/", f"/{locale}/{country}/embassy"):
            answer = await page.goto(root + path)
            assert answer is not None
            assert answer.status == 200
            found = await page.evaluate(CHECK)
            assert found == {"sideways": False, "telFirstScreen": True, "small": []}, path
            name = path.strip("/").replace("/", "-")
            await page.screenshot(path=str(Path(SHOTS, f"{name}.png")))
    await page.goto(root + f"/{locale}/KG")  # without its slash: redirected
    assert page.url == root + f"/{locale}/KG/"
    assert errors == []
    await page.close()
