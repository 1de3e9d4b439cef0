"""`elchi understand --json` as operators run it, process start to exit, beside a baseline
process that reads and writes the same JSON Lines without understanding them (what the I/O
and start-up of a Python process cost). Figures, not asserts.

    python benchmarks/understand.py [--quick] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.results import compile_as_installed, print_figures  # noqa: E402

BASELINE = (
    "import json, sys\n"
    "for line in sys.stdin:\n"
    "    item = json.loads(line)\n"
    "    sys.stdout.write(json.dumps({'language': None, 'intent': 'other', 'advisory': None,"
    " 'reasons': [], 'length': len(item['text'])}, ensure_ascii=False) + '\\n')\n"
)


def corpus_lines(count: int) -> str:
    """The test corpus (typed messages and forwarded copies), repeated to `count` lines."""
    from bot.i18n import Translator
    from tests.understand.corpus import copies, written

    texts = [s.text for s in written() + copies(Translator())]
    lines = [json.dumps({"text": texts[i % len(texts)]}, ensure_ascii=False) for i in range(count)]
    return "\n".join(lines) + "\n"


def timed(command: list[str], stdin: str, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the child, and output lines of one run."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(
        command, input=stdin, capture_output=True, text=True, env=env, timeout=600, check=True
    )
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, len(done.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2,000 texts instead of 20,000")
    parser.add_argument("--write", type=Path, help="append the table to this file")
    args = parser.parse_args()
    compile_as_installed()
    count = 2_000 if args.quick else 20_000
    stdin = corpus_lines(count)
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{folder}/bench.db",
               "LOG_LEVEL": "WARNING"}  # fmt: skip
        elchi = [sys.executable, "-m", "bot", "understand", "--json"]
        timed(elchi, '{"text": "warm"}\n', env)  # the database is migrated once, not timed
        empty = timed(elchi, "", env)  # start-up alone: catalogs, advisories, the reader
        full = timed(elchi, stdin, env)
        base = timed([sys.executable, "-c", BASELINE], stdin, env)
    assert full[2] == count  # one answer a line
    assert base[2] == count
    rate = count / (full[0] - empty[0])
    rows = [
        ("texts", f"{count:,} (the test corpus repeated; typed and forwarded)"),
        ("`elchi understand --json`, start to exit", f"{full[0]:.2f} s wall, {full[1]:.2f} s CPU"),
        ("start-up alone (no input)", f"{empty[0]:.2f} s"),
        ("texts a second, after start-up", f"{rate:,.0f}"),
        ("CPU a text, after start-up", f"{(full[1] - empty[1]) / count * 1000:.2f} ms"),
        ("baseline: JSON in and out, nothing understood", f"{base[0]:.2f} s wall"),
        ("ratio elchi / baseline (wall)", f"{full[0] / base[0]:.1f}×"),
    ]
    table = "\n".join(f"| {k} | {v} |" for k, v in rows)
    mode = "quick" if args.quick else "full"
    text = (
        f"\n## {date.today()} — understand ({mode}), {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n\n"
        f"`benchmarks/understand.py`\n\n| figure | value |\n|---|---|\n{table}\n"
    )
    print_figures(text, args.write)


if __name__ == "__main__":
    main()
