"""The public page, served by the bot's HTTP server: every page valid HTML, every link found."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree as ET

import aiohttp
import html5lib
import pytest

from bot.demo.harness import Harness, running_harness
from bot.reach.pages import Site
from bot.reach.server import Pages, PageServer
from bot.telegram.health import HealthServer
from bot.world import LOCALE_CODES

HREF = re.compile(r'href="([^"]*)"')


@pytest.fixture
async def site(database_url: str) -> AsyncIterator[tuple[Harness, str]]:
    async with running_harness(database_url=database_url) as harness:
        server = page_server(harness)
        await server.start("127.0.0.1", 0)
        try:
            yield harness, f"http://127.0.0.1:{server.port}"
        finally:
            await server.stop()


def page_server(harness: Harness, **limits: float) -> PageServer:
    """The public page's server, as `elchi page` builds it, over the harness's database."""
    services = harness.services
    site = Site(
        advisories=services.stores.advisories,
        translator=services.translator,
        sender="elchi",
        username=lambda: "elchi_bot",
    )
    pages = Pages(site, services.stores.advisories, services.clock, look_every=0)
    return PageServer(pages, **limits)  # type: ignore[arg-type]


async def crawl(root: str) -> dict[str, tuple[int, str, str]]:
    """Every page reachable from / on this server: path → (status, content type, body)."""
    seen: dict[str, tuple[int, str, str]] = {}
    todo = ["/"]
    async with aiohttp.ClientSession() as client:
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            async with client.get(root + path, allow_redirects=False) as answer:
                body = await answer.text()
                seen[path] = (answer.status, answer.headers["Content-Type"], body)
                assert "Set-Cookie" not in answer.headers
            if answer.headers["Content-Type"].startswith("text/html"):
                for href in HREF.findall(body):
                    if href.startswith("tel:"):  # a phone to call, not a page
                        continue
                    target = urljoin(path, href.replace("&amp;", "&"))
                    if not urlparse(target).netloc:
                        todo.append(target)
    return seen


async def test_every_page_is_valid_html_and_every_link_on_it_resolves(
    site: tuple[Harness, str],
) -> None:
    _, root = site
    pages = await crawl(root)
    assert {path: status for path, (status, _, _) in pages.items() if status != 200} == {}
    for locale in LOCALE_CODES:  # every language and country, each with its directory and feed
        for country in ("UZ", "KG", "TJ"):
            assert f"/{locale}/{country}/" in pages
            assert f"/{locale}/{country}/embassy" in pages
            assert f"/{locale}/{country}/feed.atom" in pages
        assert f"/{locale}/advisory/uz-legal-warning" in pages
    parser = html5lib.HTMLParser(strict=True)
    for path, (_, kind, body) in pages.items():
        if kind.startswith("text/html"):
            parser.parse(body)  # raises on the first HTML error
            assert "<script" not in body
            for href in HREF.findall(body):
                assert href.startswith(("/", "https://", "http://", "tel:+")), (path, href)
        else:
            ET.fromstring(body.encode())  # the feed and the CAP documents are well-formed XML
    assert sum(1 for path in pages if path.startswith("/cap/")) == 7  # every advisory's CAP


async def test_a_country_page_reads_in_its_language_with_the_action_first(
    site: tuple[Harness, str],
) -> None:
    _, root = site
    async with aiohttp.ClientSession() as client:
        async with client.get(f"{root}/tg/TJ/") as answer:
            country = await answer.text()
            policy = answer.headers["Content-Security-Policy"]
        async with client.get(f"{root}/tg/advisory/tj-legal-warning") as answer:
            advisory = await answer.text()
        async with client.get(f"{root}/uz_Cyrl/UZ/embassy") as answer:
            embassy = await answer.text()
        async with client.get(f"{root}/xx/UZ/") as answer:
            assert answer.status == 404
        async with client.post(f"{root}/tg/TJ/") as answer:
            assert answer.status == 405  # nothing writable
    assert "default-src 'none'" in policy
    assert '<html lang="tg">' in country
    assert 'href="https://t.me/elchi_bot?start=tg-TJ-page"' in country  # subscribes from here
    assert "Қонуни Тоҷикистон дар бораи иштирок дар ҷанги бегона чӣ мегӯяд" in country
    action = advisory.index('class="action"')
    assert action < advisory.index("Кодекси ҷиноӣ")  # the action before the text
    assert "моддаи 401¹" in advisory  # the whole text, too
    assert 'href="https://www.asiaplustj.info/en/news/tajikistan/laworder/20150602/' in advisory
    assert "санаи санҷиш" in advisory  # each source with the date it was checked
    assert embassy.index("Ҳозироқ қўнғироқ қилинг:") < embassy.index("📍")  # phones first
    assert '<a href="/uz-Cyrl' not in embassy  # (a path keeps the code; a lang tag is BCP 47)
    assert 'lang="uz-Cyrl"' in embassy


async def test_metrics_count_arrivals_by_way_never_by_person(site: tuple[Harness, str]) -> None:
    harness, root = site
    await harness.services.stores.arrivals.count(country="UZ", locale="uz", via="poster")
    await harness.services.stores.arrivals.count(country="UZ", locale="uz", via="poster")
    health = HealthServer(harness.services, delivery=None)
    await health.start("127.0.0.1", 0)
    try:
        async with aiohttp.ClientSession() as client:
            async with client.get(f"http://127.0.0.1:{health.port}/metrics") as answer:
                metrics = await answer.text()
            async with client.get(f"{root}/metrics") as answer:
                assert answer.status == 404  # never on the public page's port
    finally:
        await health.stop()
    assert 'elchi_arrivals{country="UZ",locale="uz",via="poster"} 2.0' in metrics


async def test_a_scheduled_or_test_advisory_is_not_shown_whatever_id_is_typed(
    site: tuple[Harness, str],
) -> None:
    harness, root = site
    repository = harness.services.stores.advisories
    known = await repository.get(advisory_id="uz-2022-08-10-embassy-warning")
    assert known is not None
    later = datetime.now(UTC) + timedelta(days=3)
    await repository.save(
        advisory=known.model_copy(
            update={"id": "uz-next-week", "effective": later, "publish_at": later}
        ),
        origin="test",
    )
    await repository.save(
        advisory=known.model_copy(update={"id": "uz-a-test", "status": "test"}), origin="test"
    )
    async with aiohttp.ClientSession() as client:
        for path in (
            "/uz/advisory/uz-next-week",
            "/cap/uz-next-week.xml",
            "/uz/advisory/uz-a-test",
        ):
            async with client.get(root + path) as answer:
                assert answer.status == 404, path
                body = await answer.text()
        assert "uz-next-week" not in body
        async with client.get(f"{root}/ky/advisory/uz-next-week") as answer:
            assert "Мындай барак жок." in await answer.text()  # said in the path's language
        async with client.get(f"{root}/uz/advisory/uz-2022-08-10-embassy-warning") as answer:
            assert answer.status == 200
