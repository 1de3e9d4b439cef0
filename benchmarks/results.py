"""Shared by the benchmarks: the code compiled as installed, and where the figures go (the
terminal, and appended to RESULTS.md with --write)."""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_as_installed() -> None:
    """Compile bot/ to bytecode as the Docker image does (`make install` compiles the
    libraries). Where PYTHONDONTWRITEBYTECODE is set, as on the benchmark machine, each process
    otherwise compiled everything it imported again: up to 3 s of CPU at every start."""
    compileall.compile_dir(ROOT / "bot", quiet=1)


def print_figures(text: str, write: Path | None, *, lead: str = "") -> None:
    """Print `text`; with `write`, append it there too (after `lead`)."""
    print(text)
    if write:
        with write.open("a", encoding="utf-8") as out:
            out.write(lead + text)
