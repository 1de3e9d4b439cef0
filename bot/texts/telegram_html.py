"""Telegram's HTML parse mode: accepted tags, and the plain text left (sandbox, validator)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Tag → attributes Telegram accepts on it (https://core.telegram.org/bots/api#html-style).
# fmt: off
ALLOWED: dict[str, set[str]] = {
    "b": set(), "strong": set(), "i": set(), "em": set(), "u": set(), "ins": set(),
    "s": set(), "strike": set(), "del": set(), "tg-spoiler": set(), "span": {"class"},
    "a": {"href"}, "code": {"class"}, "pre": set(), "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}
ENTITY_TYPE = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "tg-spoiler": "spoiler", "span": "spoiler", "a": "text_link", "code": "code", "pre": "pre",
    "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}
# fmt: on
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Parsed:
    """Plain text and MessageEntity dicts, offsets in UTF-16 units."""

    text: str = ""
    entities: list[dict[str, object]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out = Parsed()
        self.stack: list[tuple[str, int, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            raise _fail(f'Unsupported start tag "{tag}"')
        values = {k: v or "" for k, v in attrs}
        for name in values:
            if name not in ALLOWED[tag]:
                raise _fail(f'Unsupported attribute "{name}" in tag "{tag}"')
        if tag == "span" and values.get("class") != "tg-spoiler":
            raise _fail('Tag "span" must have class "tg-spoiler"')
        if tag == "a" and not values.get("href"):
            raise _fail('Tag "a" must have attribute "href"')
        self.stack.append((tag, utf16_len(self.out.text), values))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            expected = f"</{self.stack[-1][0]}>" if self.stack else "no end tag"
            raise _fail(f'Unmatched end tag "</{tag}>", expected {expected}')
        name, start, values = self.stack.pop()
        entity: dict[str, object] = {
            "type": ENTITY_TYPE[name],
            "offset": start,
            "length": utf16_len(self.out.text) - start,
        }
        if name == "a":
            entity["url"] = values["href"]
        if entity["length"]:
            self.out.entities.append(entity)

    def handle_data(self, data: str) -> None:
        if "<" in data:  # Telegram demands &lt; for every "<" that does not open a tag
            raise _fail("Unexpected '<': escape it as &lt;")
        self.out.text += data

    def handle_entityref(self, name: str) -> None:
        if name not in NAMED_ENTITIES:
            raise _fail(f'Unsupported HTML entity "&{name};"')
        self.out.text += NAMED_ENTITIES[name]

    def handle_charref(self, name: str) -> None:
        code = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self.out.text += chr(code)


class HtmlError(ValueError):
    """Markup Telegram would refuse; the message is Telegram's own wording."""


def _fail(reason: str) -> HtmlError:
    return HtmlError(f"can't parse entities: {reason}")


def parse_html(markup: str) -> Parsed:
    """Parse like Telegram's HTML mode; 400 "can't parse entities" on what it refuses."""
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    if parser.rawdata:
        raise _fail("Unclosed start tag or stray '<'")
    if parser.stack:
        raise _fail(f'Can\'t find end tag corresponding to start tag "{parser.stack[-1][0]}"')
    parser.out.entities.sort(key=lambda e: (e["offset"], -int(str(e["length"]))))
    return parser.out
