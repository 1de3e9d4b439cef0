"""README "How to add a language", done once: a copy of the bot gains a sixth language (Kazakh,
`kk`, a stand-in) through the two files the recipe's first steps name, and a reader whose
Telegram is in Kazakh gets the bot's menu in it. No other file of the copy is touched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.config import PROJECT_ROOT

RECORD = (
    '    Language("kk", "Қазақша", "Қазақ", "kk", ("kk", "ru"), "Elchi еріктілері", '
    "in_content=False),\n"
)
MENU = {  # the persistent menu's labels, as a Kazakh translator would give them
    "Legal warnings": "Құқықтық ескертулер",
    "Embassy contacts": "Елшілік байланыстары",
    "I got a call-up": "Маған шақыру қағазы келді",
    "Latest advisories": "Соңғы хабарламалар",
    "Settings": "Баптаулар",
    "Help": "Көмек",
}


def add_kazakh(root: Path) -> None:
    """The recipe's steps 1 and 2: the language's record, and its catalog."""
    world = root / "bot" / "world" / "__init__.py"
    source = world.read_text()
    anchor = '    Language("ru", "Русский"'
    end = source.index("\n", source.index(anchor)) + 1
    world.write_text(source[:end] + RECORD + source[end:])
    with (root / "locales" / "ru" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle, locale="kk")  # started from Russian, as pending texts are
    for message in catalog:
        if message.id in MENU:
            message.string = MENU[str(message.id)]
    folder = root / "locales" / "kk" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)


def test_a_sixth_language_takes_a_record_and_a_catalog(tmp_path: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__")
    for part in ("bot", "advisories", "locales"):
        shutil.copytree(PROJECT_ROOT / part, tmp_path / part, ignore=ignore)
    add_kazakh(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--locale", "kk", "--script", "-"],
        input="/start\n1\n",  # a first contact, then the first country
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    menu = next(line for line in result.stdout.splitlines() if "keyboard:" in line)
    for label in MENU.values():
        assert label in menu
    assert "Elchi еріктілері" in result.stdout  # who runs the bot, from the record
