"""The validator: every kind of broken file gets `file:line: field: what`, nothing imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.admin.importer import import_folder
from bot.advisories.content import load_content
from bot.i18n import Translator
from bot.storage import Database
from bot.storage.advisories import AdvisoryRepository
from tests.conftest import on_every_backend

FILE = "UZ/2022-08-10-embassy-warning.yaml"


def edit(root: Path, old: str, new: str, file: str = FILE) -> Path:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def exact_line(path: Path, text: str) -> int:
    """The number of the line that is exactly `text` (a source title has `ru:` lines too)."""
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def problems(root: Path, translator: Translator) -> list[str]:
    return [str(p) for p in load_content(root, translator=translator)[1]]


def test_shipped_content_is_valid(content: Path, translator: Translator) -> None:
    assert problems(content, translator) == []


@pytest.mark.parametrize(
    ("old", "new", "needle", "field", "message"),
    [
        (
            "severity: severe",
            "severity: severe\ncolour: red",
            "colour:",
            "colour",
            "unknown field (a typo?); see the content format in the README",
        ),
        (
            "country: UZ",
            "country: RU",
            "country:",
            "country",
            "must be one of 'UZ', 'KG' or 'TJ'",
        ),
        (
            "effective: 2022-08-10",
            "effective: 2022-08-10T10:00:00",
            "effective:",
            "effective",
            "a time needs its offset",
        ),
        (
            "effective: 2022-08-10",
            "effective: 2022-08-10\nexpires: 2022-08-01",
            "expires:",
            "expires",
            "must be after effective",
        ),
        (
            "kind: alert",
            "kind: update",
            "id:",
            "supersedes",  # absent: the advisory's first line
            "an update must name the advisory it changes",
        ),
        (
            "    checked: 2026-11-25",
            "    checked: yesterday",
            "checked: yesterday",
            "sources.0.checked",
            "not a real date; write it like 2022-08-10",
        ),
        (
            "  - url: https://daryo.uz",
            "  - url: daryo.uz",
            "url: daryo.uz",
            "sources.0.url",
            "String should match pattern",
        ),
    ],
)
def test_schema_problems_name_file_line_and_field(
    content: Path,
    translator: Translator,
    old: str,
    new: str,
    needle: str,
    field: str,
    message: str,
) -> None:
    path = edit(content, old, new)
    found = problems(content, translator)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{line_of(path, needle)}: {field}: {message}")


def test_missing_russian_and_missing_kyrgyz(content: Path, translator: Translator) -> None:
    path = edit(content, "  ru:\n", "  xx:\n")
    found = problems(content, translator)
    assert any(p.startswith(f"{path}:") and ": text.xx: must be one of 'uz'," in p for p in found)
    path = content / FILE
    path.write_text(path.read_text().replace("  xx:\n", "  ru:\n").replace("  ky:\n", "  kk:\n"))
    assert any("text.kk" in p for p in problems(content, translator))


def test_a_locale_may_be_pending_but_not_missing(content: Path, translator: Translator) -> None:
    path = content / FILE
    text = path.read_text()
    cut = text.index("  ky:\n")
    path.write_text(text[:cut] + text[text.index("  tg:\n") :])
    assert problems(content, translator) == [
        f"{path}:{line_of(path, 'text:')}: text: missing ky (or list them in pending)"
    ]
    path.write_text("pending: [ky]\n" + path.read_text())
    assert problems(content, translator) == []


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ("<p>paragraph</p>", 'Unsupported start tag "p"'),
        ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("1 < 2", "Unexpected '<'"),
    ],
)
def test_html_telegram_would_refuse(
    content: Path, translator: Translator, markup: str, message: str
) -> None:
    path = edit(content, "10 августа 2022 года посольство", f"{markup} посольство")
    found = problems(content, translator)
    assert len(found) == 1, found
    assert found[0].startswith(
        f"{path}:{exact_line(path, '  ru:')}: text.ru: ru: can't parse entities"
    )
    assert message in found[0]


def test_too_long_paragraph_and_too_many_messages(content: Path, translator: Translator) -> None:
    long_paragraph = "Слово " * 800
    edit(content, "10 августа 2022 года", long_paragraph)
    found = problems(content, translator)
    assert any("ru: a paragraph is" in p and "(4096 at most)" in p for p in found)
    path = content / FILE
    path.write_text(path.read_text().replace(long_paragraph, "x"))
    many = "\n\n".join(["Абзац " * 500] * 4)
    edit(content, "По статье 154", many.replace("\n", "\n      "))
    assert any("ru: 4 messages; shorten to 3" in p for p in problems(content, translator))


def test_supersedes_must_name_an_existing_advisory(content: Path, translator: Translator) -> None:
    path = edit(content, "kind: alert", "kind: update\nsupersedes: no-such-advisory")
    assert problems(content, translator) == [
        f"{path}:{line_of(path, 'id:')}: supersedes: no advisory with id 'no-such-advisory'"
    ]


def test_a_region_nobody_can_live_in_is_refused(content: Path, translator: Translator) -> None:
    path = edit(content, "kind: alert", "kind: alert\ntargeting:\n  regions: [RU-MOW, RU-XX]")
    [problem] = problems(content, translator)
    assert problem.startswith(f"{path}:")
    assert problem.endswith("targeting: no region RU-XX in bot/world/regions.py")


def test_duplicate_ids(content: Path, translator: Translator) -> None:
    copy = content / "UZ" / "copy.yaml"
    copy.write_text((content / FILE).read_text())
    found = problems(content, translator)
    assert len(found) == 1
    assert "id: duplicate id, first used at" in found[0]


def test_yaml_syntax_error_has_its_line(content: Path, translator: Translator) -> None:
    path = edit(content, "status: actual", "status: [actual")
    found = problems(content, translator)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:")
    assert ": (yaml): " in found[0]


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "serves_regions: [RU-AL,",
            "serves_regions: [RU-XX,",
            "missions.2.serves_regions",
            "unknown ISO 3166-2:RU codes ['RU-XX']",
        ),
        ("city: Krasnoyarsk", "city: Atlantis", "missions.4.city", "unknown city 'Atlantis'"),
        (
            "kind: embassy_office\n    city: Krasnoyarsk",
            "kind: embassy\n    city: Krasnoyarsk",
            "missions",
            "exactly one mission must be the embassy",
        ),
    ],
)
def test_contact_problems(
    content: Path, translator: Translator, old: str, new: str, field: str, message: str
) -> None:
    edit(content, old, new, file="contacts/KG.yaml")
    found = problems(content, translator)
    assert len(found) == 1, found
    assert f": {field}: {message}" in found[0]


@on_every_backend
async def test_nothing_is_imported_from_a_broken_folder(
    content: Path, translator: Translator, database: Database
) -> None:
    edit(content, "country: UZ", "country: XX")
    repository = AdvisoryRepository(database=database)
    report = await import_folder(content, repository=repository, translator=translator)
    assert report.lines()[-1] == "1 problem(s); nothing was imported"
    assert await repository.ids() == frozenset()
    assert await repository.directory(country="KG") is None


def test_cli_prints_problems_and_exits_1(content: Path) -> None:
    path = edit(content, "severity: severe", "severity: apocalyptic")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "validate", str(content)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"{path}:{line_of(path, 'severity:')}: severity: must be one of 'extreme'"
    )
    assert result.stderr == f"1 problem(s) in {content}\n"


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("https://daryo.uz/", True),  # a home page
        ("https://tashkenttimes.uz/national/", True),  # a section
        ("https://babel.ua/en/news/", True),  # a language and a section
        ("https://www.themoscowtimes.com/2023/05/17/", True),  # a date archive
        ("https://www.azattyk.org/a/33682300.html", False),
        ("https://mediaportal.kg/?p=11849", False),
        ("https://www.silkway.news/uzbekistan-urged-his-citizens-in-russia-84592/", False),
    ],
)
def test_a_source_links_the_article_not_a_home_or_section_page(
    content: Path, translator: Translator, url: str, refused: bool
) -> None:
    old = "https://daryo.uz/en/2022/08/10/uzbek-embassy-in-russia-eschews-compatriots-going-to-war-in-ukraine/"
    path = edit(content, old, url)
    found = problems(content, translator)
    said = f"{path}:{line_of(path, url)}: sources.0.url: a home or section page"
    assert any(p.startswith(said) for p in found) is refused, found


def test_a_home_page_is_accepted_when_the_source_says_the_article_was_not_found(
    content: Path, translator: Translator
) -> None:
    old = "https://daryo.uz/en/2022/08/10/uzbek-embassy-in-russia-eschews-compatriots-going-to-war-in-ukraine/"
    edit(content, old, "https://daryo.uz/\n    found: false")
    assert problems(content, translator) == []


def test_a_source_title_in_english_only_or_missing_a_language_is_refused(
    content: Path, translator: Translator
) -> None:
    russian = "посольство Узбекистана в России предостерегает соотечественников от участия в войне"
    path = edit(content, russian, "Uzbek embassy warns compatriots")
    found = problems(content, translator)
    assert (
        f"{path}:{line_of(path, 'Daryo: Uzbek embassy warns')}: sources.0.title.ru: no "
        "Cyrillic letter: is it in English?" in found
    )
    tajik = '      tg: "Daryo: сафорати Ӯзбекистон'
    edit(content, tajik, '      # tg: "Daryo: сафорати Ӯзбекистон')
    assert any(p.endswith("sources.0.title: missing tg") for p in problems(content, translator))


def test_a_long_text_needs_a_short_summary(content: Path, translator: Translator) -> None:
    path = content / "KG" / "legal-warning.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('    summary: "Участие в чужой войне')
    end = text.index("\n", start)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    [problem] = problems(content, translator)
    assert "text.ru.body: 765 characters is long for readers; add a summary" in problem
    long_summary = '    summary: "' + "Одно. " * 4 + '"\n'
    path.write_text(text[:start] + long_summary + text[end + 1 :], encoding="utf-8")
    [problem] = problems(content, translator)
    assert "text.ru.summary: 4 sentences, 24 characters; at most 3 sentences" in problem
