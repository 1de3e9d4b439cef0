"""Telegram's HTML (what advisories and cards are written in) as HTML for the public page."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

from markupsafe import Markup

from bot.texts.telegram_html import parse_html

# Telegram's tags → the web's; a spoiler or custom emoji is shown as plain text.
TAGS = {
    "b": "b", "strong": "b", "i": "i", "em": "i", "u": "u", "ins": "u", "s": "s",
    "strike": "s", "del": "s", "code": "code", "pre": "pre", "blockquote": "blockquote",
}  # fmt: skip


# A phone number as the directory writes it: +7 499 237-44-52, +996 (312) 62-05-45.
PHONE = re.compile(r"\+\d[\d\s()-]{6,}\d")


def dial(number: str) -> str:
    """A tel: link's target: the plus and the digits."""
    return "tel:+" + "".join(c for c in number if c.isdigit())


def _linked_phones(text: str) -> str:
    """Escaped text with every phone number a tap-to-call link."""
    out, last = [], 0
    for found in PHONE.finditer(text):
        out.append(escape(text[last : found.start()], quote=False))
        out.append(f'<a href="{dial(found.group())}">{escape(found.group(), quote=False)}</a>')
        last = found.end()
    out.append(escape(text[last:], quote=False))
    return "".join(out)


class _Writer(HTMLParser):
    def __init__(self, *, phones: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.phones = phones

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.startswith(("https://", "http://")):  # no javascript: links
            self.out.append(f'<a href="{escape(href)}" rel="noopener">')
            self.open.append("a")
        elif tag in TAGS:
            self.out.append(f"<{TAGS[tag]}>")
            self.open.append(TAGS[tag])
        else:
            self.open.append("")

    def handle_endtag(self, tag: str) -> None:
        closing = self.open.pop() if self.open else ""
        if closing:
            self.out.append(f"</{closing}>")

    def handle_data(self, data: str) -> None:
        linking = self.phones and "a" not in self.open
        text = _linked_phones(data) if linking else escape(data, quote=False)
        self.out.append(text.replace("\n", "<br>\n"))


def web_html(markup: str, *, phones: bool = False) -> Markup:
    """`markup` (Telegram HTML, checked as Telegram would) as safe HTML: the same emphasis and
    links, everything else escaped; with `phones`, each phone number tap-to-call."""
    parse_html(markup)  # refuses what Telegram refuses, before anything reaches a page
    writer = _Writer(phones=phones)
    writer.feed(markup)
    writer.close()
    return Markup("".join(writer.out))


def paragraphs(markup: str) -> list[Markup]:
    """A text's paragraphs (blank-line separated), each as safe HTML."""
    return [web_html(p.strip()) for p in markup.split("\n\n") if p.strip()]
