"""Every message the content validator can give an admin composing in Telegram is explained in
a sentence of their language: a new validator message without one fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.admin.problems import UNEXPLAINED, explain
from bot.advisories.files import PLAIN
from bot.config import PROJECT_ROOT
from bot.i18n import Translator

ADVISORIES = PROJECT_ROOT / "bot" / "advisories"
# What the placeholders of the validator's f-strings stand for, in a sample.
SAMPLES = {
    "', '.join(missing)": "uz, ky",
    "', '.join(lacking)": "tg",
    "name": "if_not_dual",
    "self.kind": "update",
    "locale": "ky",
    "error": "can't parse entities: unclosed <b>",
    "longest": "5000",
    "len(parts)": "4",
    "MAX_PARTS": "3",
    "advisory.supersedes!r": "'uz-2026-01-01-gone'",
    "found": "U+001B",
    "', '.join(unknown)": "RU-XX",
}


def _text(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    assert isinstance(node, ast.JoinedStr), ast.unparse(node)
    parts = []
    for value in node.values:
        if isinstance(value, ast.FormattedValue):
            key = ast.unparse(value.value) + ("!r" if value.conversion == ord("r") else "")
            parts.append(SAMPLES[key])
        else:
            parts.append(str(ast.literal_eval(value)))
    return "".join(parts)


def validator_messages() -> list[str]:
    """`field: message` for every message of the model and of the checks a draft goes
    through (`check_document`: the model, the rendering, `supersedes`)."""
    found = []
    model = ast.parse(Path(ADVISORIES / "model.py").read_text())
    for node in ast.walk(model):
        call = node.exc if isinstance(node, ast.Raise) else None
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "ValueError":
            message = _text(call.args[0])
            found.append(message if ": " in message else f"effective: {message}")
    content = ast.parse(Path(ADVISORIES / "content.py").read_text())
    for function in ast.walk(content):
        if isinstance(function, ast.FunctionDef) and function.name in (
            "_rendering",
            "check_document",
        ):
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "problem":
                    where = ast.unparse(node.args[0])
                    field = "supersedes" if "supersedes" in where else "text.ky"
                    found.append(f"{field}: {_text(node.args[1])}")
    found += [f"expires: {message}" for message in PLAIN.values() if "date" in message]
    found.append(f"severity: {PLAIN['missing']}")
    return found


def test_the_scan_finds_the_validators_messages() -> None:
    messages = validator_messages()
    assert "expires: must be after effective" in messages
    assert "text.ky: ky: 4 messages; shorten to 3" in messages
    assert len(messages) >= 14


@pytest.mark.parametrize("problem", validator_messages())
def test_each_validator_message_has_a_sentence_in_every_language(problem: str) -> None:
    said = explain(problem)
    assert said.message != UNEXPLAINED, problem
    translator = Translator()
    for locale in ("ru", "uz", "ky", "tg"):
        sentence = translator.gettext(said.message, locale=locale).format(**said.values)
        assert sentence != said.message.format(**said.values), (locale, problem)


def test_languages_are_named_and_the_admin_reads_no_code() -> None:
    said = explain("text: missing uz, ky (or list them in pending)")
    text = Translator().gettext(said.message, locale="ru").format(**said.values)
    assert "Oʻzbekcha (lotin), Кыргызча" in text
    assert "pending" not in text
    assert explain("text.uz: whatever new").message == UNEXPLAINED
