"""An Atom feed (RFC 4287) of one country's advisories in force, in one locale."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from bot.advisories.cap import cap_time
from bot.advisories.model import Advisory, xml_text
from bot.texts.telegram_html import parse_html

ATOM = "http://www.w3.org/2005/Atom"


def export_feed(
    advisories: list[Advisory],
    *,
    country: str,
    locale: str,
    sender: str,
    title: str | None = None,
) -> str:
    """Entries newest first; a locale an advisory lacks falls back to Russian. `title`: the
    country's name in the feed's language (the page gives it), else its code."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": locale.replace("_", "-")})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        child.text = None if text is None else xml_text(text)
        return child

    add(feed, "id", f"urn:elchi:{sender}:{country}:{locale}")
    add(feed, "title", title or f"Elchi — {country}")
    newest = max((a.effective for a in advisories), default=None)
    add(feed, "updated", cap_time(newest) if newest else "1970-01-01T00:00:00+00:00")
    author = add(feed, "author")
    add(author, "name", sender)
    for advisory in advisories:
        text = advisory.read_in(locale)
        entry = add(feed, "entry")
        add(entry, "id", f"urn:elchi:{sender}:advisory:{advisory.id}")
        add(entry, "title", text.headline)
        add(entry, "updated", cap_time(advisory.effective))
        add(entry, "published", cap_time(advisory.effective))
        add(entry, "summary", parse_html(text.body).text)
        add(entry, "link", href=advisory.sources[0].url)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True)
