"""`elchi understand`: what the bot would make of texts, read from standard input.

With `--json`, each input line is `{"text": "..."}` and each output line, in order,
`{"language": …, "intent": …, "advisory": id or null, "reasons": […]}` — `Reader.read`, the very
function the bot answers with. Without it, each line is a text and the answer a readable line.
The advisories compared with are the database's (what the running bot has), else the
content folder's (what the bot imports at start). Nothing read is stored or logged.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from bot.advisories.content import load_content
from bot.advisories.model import Advisory
from bot.config import Settings
from bot.i18n import Translator
from bot.storage.stores import opened
from bot.understand import Reader, Signals
from bot.understand.references import references


async def _advisories(settings: Settings, translator: Translator) -> list[Advisory]:
    async with opened(settings) as stores:
        stored = await stores.advisories.all()
    if stored:
        return stored
    content, _problems = load_content(settings.advisories_dir, translator=translator)
    return content.advisories


def _text_of(line: str, number: int) -> str:
    """The text of one JSON line; ValueError with a sentence naming the line otherwise."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"line {number}: not JSON ({error.msg})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError(f'line {number}: give an object with a "text" string')
    return str(item["text"])


def answer_lines(reader: Reader, lines: Iterable[str], *, as_json: bool, out: TextIO) -> int:
    """Answer each line in order; a bad line gets `{"error": …}` in its place; 1 if any."""
    failed = 0
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\n")
        if not as_json:
            found = reader.read(line)
            reasons = "; ".join(found.reasons)
            out.write(f"{found.intent}\t{found.language}\t{found.advisory or '-'}\t{reasons}\n")
            continue
        if not line.strip():
            continue  # an empty line between objects is no input
        try:
            answer = reader.read(_text_of(line, number)).as_json()
        except ValueError as error:
            failed = 1
            print(f"elchi understand: {error}", file=sys.stderr)
            answer = {"error": str(error)}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return failed


async def understand_command(settings: Settings, *, as_json: bool) -> int:
    """Read standard input to its end, answering each line as it comes."""
    translator = Translator()
    advisories = await _advisories(settings, translator)
    now = datetime.now(UTC)
    reader = Reader(
        signals=Signals.load(),
        references=references(advisories, translator=translator, now=now),
    )
    return answer_lines(reader, sys.stdin, as_json=as_json, out=sys.stdout)
