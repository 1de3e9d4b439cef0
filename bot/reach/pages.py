"""The public page: the advisories in force per country and language, each advisory with its
sources, the embassy directory, the Atom feed and the CAP documents. Read-only, no cookies, no
JavaScript, small enough for a cheap phone on a slow network."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bot.advisories import render
from bot.advisories.cap import export_cap
from bot.advisories.cards import contactable, directory_cards, mission_title
from bot.advisories.feed import export_feed
from bot.advisories.model import Advisory
from bot.i18n import Translator
from bot.reach.poster import PosterError, poster_text
from bot.reach.webhtml import dial, paragraphs, web_html
from bot.storage.advisories import AdvisoryRepository
from bot.texts import country as country_label
from bot.world import CAP_LANGUAGE, COUNTRY_CODES, LOCALE_CODES, LOCALE_NAMES
from bot.world.links import StartLink, start_url

HTML = "text/html; charset=utf-8"
LOCALES = "|".join(LOCALE_CODES)
COUNTRIES = "|".join(COUNTRY_CODES)
ROUTES = [  # path → page; every part of a path is allow-listed
    (re.compile(r"/"), "index"),
    (re.compile(rf"/(?P<locale>{LOCALES})/(?P<country>{COUNTRIES})/"), "country"),
    (re.compile(rf"/(?P<locale>{LOCALES})/(?P<country>{COUNTRIES})/embassy"), "embassy"),
    (re.compile(rf"/(?P<locale>{LOCALES})/(?P<country>{COUNTRIES})/feed\.atom"), "feed"),
    (
        re.compile(rf"/(?P<locale>{LOCALES})/advisory/(?P<advisory_id>[a-z0-9-]{{3,64}})"),
        "advisory",
    ),
    (re.compile(r"/cap/(?P<advisory_id>[a-z0-9-]{3,64})\.xml"), "cap"),
]


@dataclass(frozen=True)
class Page:
    """One answer: its status, type and body."""

    status: int
    content_type: str
    body: str
    location: str | None = None  # a redirect's target


class Site:
    """Renders the pages from the advisories in the database (what the bot itself sends)."""

    def __init__(
        self,
        *,
        advisories: AdvisoryRepository,
        translator: Translator,
        sender: str,
        username: Callable[[], str | None],
    ) -> None:
        self.advisories, self.translator = advisories, translator
        self.sender, self.username = sender, username
        self.templates = Environment(
            loader=PackageLoader("bot.reach", "templates"),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    async def page(self, path: str) -> Page:
        """The page at `path`, or a 404 page (in the path's language, else Russian)."""
        for pattern, name in ROUTES:
            found = pattern.fullmatch(path)
            if found is not None:
                page: Page | None = await getattr(self, name)(**found.groupdict())
                if page is not None:
                    return page
        if not path.endswith("/") and any(p.fullmatch(path + "/") for p, _ in ROUTES):
            return Page(301, HTML, "", location=path + "/")  # /ky/KG → /ky/KG/
        locale = path.strip("/").split("/")[0]  # in the language the path asked for, if any
        return self._html(
            "missing.html", locale if locale in LOCALE_CODES else "ru", status=404, here=None
        )

    async def index(self) -> Page:
        choices = []
        for code in LOCALE_CODES:  # each language's countries in that language
            _ = self.translator.bound(code)
            labels = [(c, country_label(_, c)) for c in COUNTRY_CODES]
            about = _(
                "Elchi brings the warnings of the embassies of Uzbekistan, Kyrgyzstan and "
                "Tajikistan to their citizens in Russia, in their language, in Telegram."
            )
            how = _(
                "Choose your country: its warnings, the embassy's phones, a button to subscribe."
            )
            choices.append((code, LOCALE_NAMES[code], labels, about, how))
        return self._html("index.html", "ru", choices=choices, here=None)

    async def country(self, locale: str, country: str) -> Page:
        shown = await self.advisories.listing(country=country)
        standing = await self.advisories.standing(country=country)
        username = self.username()
        link = StartLink(locale=locale, country=country, via="page")
        try:  # what to do and whom to call: the poster's lines, first on the page
            call = await poster_text(
                self.advisories, self.translator, country=country, locale=locale,
                username=username or "",
            )  # fmt: skip
        except PosterError:
            call = None
        return self._html(
            "country.html",
            locale,
            country=country,
            call=call,
            dial=dial,
            standing=standing,
            in_force=shown.in_force,
            earlier=shown.earlier,
            subscribe=start_url(username, link) if username else None,
            here=f"/{{locale}}/{country}/",
        )

    async def embassy(self, locale: str, country: str) -> Page | None:
        directory = await self.advisories.directory(country=country)
        if directory is None:
            return None
        _ = self.translator.bound(locale)
        cards = directory_cards(
            _, directory, locale=locale, format_date=self.translator.date_formatter(locale)
        )
        silent = [  # missions our sources give nothing to call or visit: one line, not a card
            mission_title(_, m, country) for m in directory.missions if not contactable(m)
        ]
        return self._html(
            "embassy.html",
            locale,
            country=country,
            cards=[web_html(c, phones=True) for c in cards],
            silent=silent,
            here=f"/{{locale}}/{country}/embassy",
        )

    async def advisory(self, locale: str, advisory_id: str) -> Page | None:
        advisory = await self._public(advisory_id)
        if advisory is None:
            return None
        _ = self.translator.bound(locale)
        format_date = self.translator.date_formatter(locale)
        parts = render.render(
            advisory,
            locale=locale,
            gettext=_,
            format_date=format_date,
            format_month=self.translator.month_formatter(locale),
        )
        text = advisory.read_in(locale)
        return self._html(
            "advisory.html",
            locale,
            country=advisory.country,
            advisory=advisory,
            headline=text.headline,
            shown=[p for part in parts for p in paragraphs(part)],
            more=paragraphs(text.body) if text.summary else [],
            sources=web_html(
                render.sources_list(advisory, locale=locale, gettext=_, format_date=format_date)
            ),
            here=f"/{{locale}}/advisory/{advisory.id}",
        )

    async def feed(self, locale: str, country: str) -> Page:
        shown = await self.advisories.listing(country=country)
        _ = self.translator.bound(locale)
        body = export_feed(
            shown.in_force + shown.earlier,
            country=country,
            locale=locale,
            sender=self.sender,
            title=f"Elchi · {country_label(_, country)}",
        )
        return Page(200, "application/atom+xml; charset=utf-8", body)

    async def cap(self, advisory_id: str) -> Page | None:
        advisory = await self._public(advisory_id)
        if advisory is None:
            return None
        return Page(
            200, "application/cap+xml; charset=utf-8", export_cap(advisory, sender=self.sender)
        )

    async def _public(self, advisory_id: str) -> Advisory | None:
        """The advisory if the country's page lists it (the standing warning, in force, or an
        earlier warning): never one scheduled, a test, withdrawn or a cancellation notice,
        whatever id is typed."""
        advisory = await self.advisories.get(advisory_id=advisory_id)
        if advisory is None:
            return None
        shown = await self.advisories.listing(country=advisory.country)
        standing = await self.advisories.standing(country=advisory.country)
        listed = [*shown.in_force, *shown.earlier, *([standing] if standing else [])]
        return advisory if any(a.id == advisory.id for a in listed) else None

    def _html(self, template: str, locale: str, *, status: int = 200, **values: Any) -> Page:
        _ = self.translator.bound(locale)
        body = self.templates.get_template(template).render(
            _=_,
            locale=locale,
            lang=CAP_LANGUAGE[locale],  # BCP 47, as CAP writes it: uz-Cyrl, not uz_Cyrl
            tags=CAP_LANGUAGE,
            countries=[(code, country_label(_, code)) for code in COUNTRY_CODES],
            languages=[(code, LOCALE_NAMES[code]) for code in LOCALE_CODES],
            country_name=lambda code: country_label(_, code),
            when=lambda advisory: render.issued_on(
                advisory,
                format_date=self.translator.date_formatter(locale),
                format_month=self.translator.month_formatter(locale),
            ),
            **values,
        )
        return Page(status, HTML, body)
