"""`elchi understand --json`: the interface operators and outside checks rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def understand(lines: list[str], tmp_path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"}
    return subprocess.run(
        [sys.executable, "-m", "bot", "understand", *flags],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_one_json_answer_per_line_in_order_and_a_bad_line_named(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "ба ман даъватнома омад"}, ensure_ascii=False),
        "{not json",
        json.dumps({"text": "Требуются водители в зону СВО, выплаты МО 195 000"}),
        json.dumps({"txt": "no text field"}),
        json.dumps({"text": "salom"}),
    ]
    done = understand(lines, tmp_path, "--json")
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a.get("intent") for a in answers] == [
        "crisis", None, "military_offer", None, "other",
    ]  # fmt: skip
    assert answers[0] == {
        "language": "tg",
        "intent": "crisis",
        "advisory": None,
        "reasons": ["даъватнома"],
    }
    assert answers[1] == {
        "error": "line 2: not JSON (Expecting property name enclosed in double quotes)"
    }
    assert answers[3] == {"error": 'line 4: give an object with a "text" string'}
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
