"""Load and validate a content folder: `*.yaml` advisories and `contacts/*.yaml` directories."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.advisories.contacts import Directory
from bot.advisories.cyrillic import with_cyrillic
from bot.advisories.files import Problem, YamlDocument, parse_model, read_yaml
from bot.advisories.model import Advisory
from bot.advisories.places import russian_cities
from bot.advisories.reading import readable, source_links
from bot.advisories.render import render, visible_length
from bot.i18n import Translator
from bot.texts.telegram_html import HtmlError, parse_html
from bot.world import LOCALE_NAMES, WRITTEN_LOCALES, written_locale

MAX_PARTS = 3  # more messages than this is too much for one advisory on a cheap phone


@dataclass
class Content:
    """Everything valid that a folder holds, and where each advisory came from."""

    advisories: list[Advisory] = field(default_factory=list)
    directories: list[Directory] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)  # advisory id → "file:line"


def load_content(
    root: Path, *, translator: Translator, known_ids: frozenset[str] = frozenset()
) -> tuple[Content, list[Problem]]:
    """Read and check every file under `root`; problems sorted by file and line."""
    content, problems = Content(), []
    if not root.is_dir():
        return content, [Problem(str(root), 1, "(folder)", "no such folder")]
    for path in sorted(root.rglob("*.yaml")):
        document = read_yaml(path)
        if isinstance(document, Problem):
            problems.append(document)
        elif path.parent.name == "contacts":
            problems += _directory(document, content)
        else:
            problems += _advisory(document, content, translator)
    problems += _cross_checks(content, known_ids)
    return content, sorted(problems)


def check_file(path: Path, *, translator: Translator) -> list[Problem]:
    """One content file on its own (cross-file checks, like `supersedes`, need the folder)."""
    if not path.is_file():
        return [Problem(str(path), 1, "(file)", "no such file")]
    document = read_yaml(path)
    if isinstance(document, Problem):
        return [document]
    content = Content()
    if path.parent.name == "contacts":
        return _directory(document, content)
    return _advisory(document, content, translator)


def check_document(
    data: dict[str, object], *, origin: str, translator: Translator, known_ids: frozenset[str]
) -> tuple[Advisory | None, list[Problem]]:
    """Validate one advisory given as data (composed in Telegram) exactly as a file would be."""
    document = YamlDocument(path=Path(origin), data=data, lines={})
    parsed = parse_model(document, Advisory, data)
    if isinstance(parsed, list):
        return None, parsed
    advisory = with_cyrillic(parsed)
    problems = _rendering(document, advisory, translator)
    if advisory.supersedes and advisory.supersedes not in known_ids:
        problems.append(
            document.problem(("supersedes",), f"no advisory with id {advisory.supersedes!r}")
        )
    return (None if problems else advisory), problems


def _advisory(document: YamlDocument, content: Content, translator: Translator) -> list[Problem]:
    """Every problem of the file: a duplicate id hides none of the others (nor they it)."""
    raw = document.data.get("id") if isinstance(document.data, dict) else None
    duplicate = []
    if isinstance(raw, str) and raw in content.origin:
        where = content.origin[raw]
        duplicate = [document.problem(("id",), f"duplicate id, first used at {where}")]
    elif isinstance(raw, str):
        content.origin[raw] = f"{document.path}:{document.line_of(('id',))}"
    parsed = parse_model(document, Advisory, document.data)
    if isinstance(parsed, list):
        return duplicate + parsed
    advisory = with_cyrillic(parsed)
    # Files only: an admin's text typed in Telegram is checked at its question.
    written = [loc for loc in advisory.text if loc in WRITTEN_LOCALES]
    short = [p for loc in written for p in readable(document, advisory, loc)]
    problems = duplicate + _rendering(document, advisory, translator) + source_links(document)
    if not duplicate:
        content.advisories.append(advisory)
    return problems + short


def _rendering(
    document: YamlDocument, advisory: Advisory, translator: Translator
) -> list[Problem]:
    problems = []
    for locale in LOCALE_NAMES:
        if locale not in advisory.text:
            continue
        where = (
            "text",
            locale if locale in _raw_text(document) else written_locale(locale),
        )
        try:
            parts = render(
                advisory,
                locale=locale,
                gettext=translator.bound(locale),
                format_date=translator.date_formatter(locale),
                format_month=translator.month_formatter(locale),
            )
            for part in parts:
                parse_html(part)
        except HtmlError as error:
            problems.append(document.problem(where, f"{locale}: {error}"))
            continue
        longest = max(visible_length(p) for p in parts)
        if longest > 4096:
            problems.append(
                document.problem(
                    where,
                    f"{locale}: a paragraph is {longest} characters; split it (4096 at most)",
                )
            )
        if len(parts) > MAX_PARTS:
            problems.append(
                document.problem(where, f"{locale}: {len(parts)} messages; shorten to {MAX_PARTS}")
            )
    return problems


def _raw_text(document: YamlDocument) -> dict[str, object]:
    data = document.data if isinstance(document.data, dict) else {}
    text = data.get("text")
    return text if isinstance(text, dict) else {}


def _directory(document: YamlDocument, content: Content) -> list[Problem]:
    parsed = parse_model(document, Directory, document.data)
    if isinstance(parsed, list):
        return parsed
    problems = []
    for index, mission in enumerate(parsed.missions):
        if mission.city not in russian_cities():
            problems.append(
                document.problem(
                    ("missions", index, "city"), f"unknown city {mission.city!r} (GeoNames name)"
                )
            )
    problems += source_links(document)
    if any(d.country == parsed.country for d in content.directories):
        problems.append(document.problem(("country",), f"a second directory for {parsed.country}"))
    content.directories.append(parsed)
    return problems


def _cross_checks(content: Content, known_ids: frozenset[str]) -> list[Problem]:
    problems = []
    ids = set(content.origin) | known_ids
    for advisory in content.advisories:
        if advisory.supersedes and advisory.supersedes not in ids:
            file, line = content.origin[advisory.id].rsplit(":", 1)
            problems.append(
                Problem(
                    file, int(line), "supersedes", f"no advisory with id {advisory.supersedes!r}"
                )
            )
    return problems
