"""`elchi validate` on a corpus of broken files: one clear `file:line: field: sentence` each,
never a traceback, never pydantic's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.advisories.content import check_file, load_content
from bot.i18n import Translator
from tests.advisories.conftest import SHIPPED
from tests.support.cli import elchi

GOOD = (SHIPPED / "UZ" / "2022-08-10-embassy-warning.yaml").read_text(encoding="utf-8")
DATE = "not a real date; write it like 2022-08-10 (or 2026-12-01T09:00:00+03:00)"

# (what is broken, the change to the good file, the expected line, field and message start)
CORPUS = [
    ("impossible day", ("effective: 2022-08-10", "effective: 2022-02-30"), 10, "effective", DATE),
    ("impossible month", ("effective: 2022-08-10", "effective: 2022-13-45"), 10, "effective",
     DATE),
    ("a date as people write it", ("effective: 2022-08-10", "effective: 10.08.2022"), 10,
     "effective", DATE),
    ("a bad id", ("id: uz-2022-08-10-embassy-warning", "id: UZ 2022!"), 2, "id",
     "use lowercase letters, digits and hyphens"),
    ("an unknown field", ("category: security", "category: security\ncolour: red"), 10,
     "colour", "unknown field (a typo?)"),
    ("a wrong kind of value", ("severity: severe", "severity: 5"), 6, "severity",
     "must be one of 'extreme', 'severe', 'moderate' or 'minor'"),
    ("a language we do not have", ("  uz:\n    headline", "  de:\n    headline"), 28, "text.de",
     "must be one of 'uz', 'uz_Cyrl', 'ky', 'tg' or 'ru'"),
    ("a missing field", ("country: UZ\n", ""), 2, "country", "missing; this field is required"),
    ("a field given twice", ("severity: severe", "severity: severe\nseverity: minor"), 7,
     "severity", "given twice; keep one"),
    ("an unclosed quote", ('за рубежом — преступление"\n', "за рубежом — преступление\n"), 22,
     "(yaml)", "a double quote (\") opened on this line is not closed on it"),
    ("an invisible control character",
     ('headline: "Посольство Узбекистана:', 'headline: "Посольство\\e\\v Узбекистана:'), 22,
     "text.ru.headline", "an invisible control character (U+001B)"),
    ("bad indentation", ("  ru:\n    headline", "  ru:\n   headline"), 23, "(yaml)", ""),
]  # fmt: skip


@pytest.mark.parametrize(("broken", "change", "line", "field", "message"), CORPUS)
def test_each_broken_file_gets_one_clear_line(
    tmp_path: Path,
    translator: Translator,
    broken: str,
    change: tuple[str, str],
    line: int,
    field: str,
    message: str,
) -> None:
    assert change[0] in GOOD, broken
    path = tmp_path / "UZ" / "advisory.yaml"
    path.parent.mkdir()
    path.write_text(GOOD.replace(change[0], change[1], 1), encoding="utf-8")
    problems = check_file(path, translator=translator)
    assert len(problems) >= 1, broken
    first = problems[0]
    assert (first.file, first.line, first.field) == (str(path), line, field), str(first)
    assert first.message.startswith(message), str(first)
    assert "Input should" not in first.message  # never pydantic's own words


def test_the_command_takes_files_and_folders_and_never_prints_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(GOOD.replace("effective: 2022-08-10", "effective: 2022-02-30"), "utf-8")
    result = elchi("validate", str(broken), str(SHIPPED / "KG"), env={}, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"{broken}:10: effective: {DATE}\n"
    assert "Traceback" not in result.stderr
    good = elchi("validate", str(SHIPPED / "KG" / "legal-warning.yaml"), env={}, cwd=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr


def test_a_duplicate_id_hides_no_other_problem(tmp_path: Path, translator: Translator) -> None:
    folder = tmp_path / "UZ"
    folder.mkdir()
    (folder / "a.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "b.yaml").write_text(
        GOOD.replace("severity: severe", "severity: huge"), encoding="utf-8"
    )
    _content, problems = load_content(tmp_path, translator=translator)
    assert [(Path(p.file).name, p.field) for p in problems] == [
        ("b.yaml", "id"),
        ("b.yaml", "severity"),
    ]
