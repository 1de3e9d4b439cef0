"""Where a benchmark's figures go: the terminal, and appended to RESULTS.md with --write."""

from __future__ import annotations

from pathlib import Path


def print_figures(text: str, write: Path | None, *, lead: str = "") -> None:
    """Print `text`; with `write`, append it there too (after `lead`)."""
    print(text)
    if write:
        with write.open("a", encoding="utf-8") as out:
            out.write(lead + text)
