"""What readers need of a content file: sources that open the article itself, titles in their
language, texts short enough for a cheap phone (`elchi validate` checks each)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

from bot.advisories.files import Problem, YamlDocument
from bot.advisories.model import Advisory
from bot.advisories.render import SENTENCE_END, visible_length
from bot.texts.telegram_html import HtmlError
from bot.world import ASKED_LOCALES, CONTENT_LOCALES, CYRILLIC_LOCALES

LONG_BODY = 500  # visible characters: about four short sentences, all a message should hold
SUMMARY_SENTENCES, SUMMARY_LENGTH = 3, 360  # a summary, for files and for admins' answers


def sentences(text: str) -> int:
    """How many sentences: ends of sentence followed by a space or the end."""
    return len(SENTENCE_END.findall(text.strip()))


def readable(document: YamlDocument, advisory: Advisory, locale: str) -> list[Problem]:
    """Short enough for a reader on a cheap phone: a long text needs a summary (the text then
    goes behind "More"), and a summary is at most three short sentences."""
    text = advisory.text[locale]  # type: ignore[index]
    where = ("text", locale)
    if text.summary is None:
        try:
            length = visible_length(text.body)
        except HtmlError:  # said by the rendering check
            return []
        if length > LONG_BODY:
            message = (
                f"{length} characters is long for readers; add a summary of at most three "
                f"short sentences (the text then goes behind “More”), or shorten it to {LONG_BODY}"
            )
            return [document.problem((*where, "body"), message)]
        return []
    count = sentences(text.summary)
    if count > SUMMARY_SENTENCES or len(text.summary) > SUMMARY_LENGTH:
        message = (
            f"{count} sentences, {len(text.summary)} characters; at most {SUMMARY_SENTENCES} "
            f"sentences and {SUMMARY_LENGTH} characters"
        )
        return [document.problem((*where, "summary"), message)]
    return []


HOME_OR_SECTION = (
    "a home or section page, where readers cannot check the fact; link the article itself, "
    "or add `found: false` and say in the title that the article was not found"
)


# A derived locale's title is converted from its source's; the required language first.
TITLE_LANGUAGES = tuple(locale for locale in ASKED_LOCALES if locale in CONTENT_LOCALES)
ONE_TITLE = f"one title for every reader; give it in each language ({', '.join(TITLE_LANGUAGES)})"
CYRILLIC = re.compile("[А-Яа-яЁёЎўҚқҒғҲҳҢңӨөҮүҶҷӢӣӮӯ]")


def source_links(document: YamlDocument) -> list[Problem]:
    """Every source links the page that says the fact, unless it says it was not found, and
    its title is in every reader's language (an English title is read by nobody here)."""
    problems = []
    for where, source in _sources_in(document.data, ()):
        if source.get("found", True) is not False and not an_article(str(source.get("url", ""))):
            problems.append(document.problem((*where, "url"), HOME_OR_SECTION))
        title = source.get("title")
        if not isinstance(title, dict):
            problems.append(document.problem((*where, "title"), ONE_TITLE))
            continue
        missing = [loc for loc in TITLE_LANGUAGES if not title.get(loc)]
        if missing:
            problems.append(document.problem((*where, "title"), f"missing {', '.join(missing)}"))
        for locale in (loc for loc in TITLE_LANGUAGES if loc in CYRILLIC_LOCALES):
            if title.get(locale) and not CYRILLIC.search(str(title[locale])):
                problems.append(
                    document.problem(
                        (*where, "title", locale), "no Cyrillic letter: is it in English?"
                    )
                )
    return problems


def an_article(link: str) -> bool:
    """The link names a page, not a home page, a section or an archive (one rule for files,
    /new and the CLI)."""
    url = urlparse(link)
    return _an_article(url.path, url.query)


def _an_article(path: str, query: str) -> bool:
    """Not a home page (`/`), a section (`/national/`, `/en/news/`) or a date archive
    (`/2023/05/17/`): a query (`?p=11849`), a segment that names a page (`…-84592`,
    `page.html`), or three segments or more that are not all numbers."""
    segments = [part for part in path.split("/") if part]
    if query or any(_names_a_page(segment) for segment in segments):
        return True
    return len(segments) >= 3 and not all(segment.isdigit() for segment in segments)


def _names_a_page(segment: str) -> bool:
    has_digit = any(c.isdigit() for c in segment)
    has_letter = any(c.isalpha() for c in segment)
    return "." in segment or len(segment) > 24 or (has_digit and has_letter)


def _sources_in(
    node: object, where: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], dict[str, object]]]:
    if isinstance(node, dict):
        if "url" in node and "checked" in node:
            yield where, node
            return
        for key, value in node.items():
            yield from _sources_in(value, (*where, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _sources_in(value, (*where, index))
