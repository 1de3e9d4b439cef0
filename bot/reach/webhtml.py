"""Telegram's HTML (what advisories and cards are written in) as HTML for the public page."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from markupsafe import Markup

from bot.texts.telegram_html import parse_html

# Telegram's tags → the web's; a spoiler or custom emoji is shown as plain text.
TAGS = {
    "b": "b", "strong": "b", "i": "i", "em": "i", "u": "u", "ins": "u", "s": "s",
    "strike": "s", "del": "s", "code": "code", "pre": "pre", "blockquote": "blockquote",
}  # fmt: skip


class _Writer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

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
        self.out.append(escape(data, quote=False).replace("\n", "<br>\n"))


def web_html(markup: str) -> Markup:
    """`markup` (Telegram HTML, checked as Telegram would) as safe HTML: the same emphasis and
    links, everything else escaped."""
    parse_html(markup)  # refuses what Telegram refuses, before anything reaches a page
    writer = _Writer()
    writer.feed(markup)
    writer.close()
    return Markup("".join(writer.out))


def paragraphs(markup: str) -> list[Markup]:
    """A text's paragraphs (blank-line separated), each as safe HTML."""
    return [web_html(p.strip()) for p in markup.split("\n\n") if p.strip()]
