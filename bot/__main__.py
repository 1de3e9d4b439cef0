"""The `elchi` command line: parse, then run one command (its modules are imported only then,
so `elchi --help` answers at once)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from bot.cli.parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `elchi` console script; returns the exit code."""
    # PTB 22 gives durations (a 429's retry_after) as timedelta when asked to, as its next
    # major version will; otherwise every 429 logs a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    args = build_parser().parse_args(argv)
    from bot.cli.dispatch import run_command  # the heavy part: after --help has been served

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
