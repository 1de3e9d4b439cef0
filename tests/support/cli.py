"""`elchi` run inside the test process, as a shell would run it: its arguments, its environment
and its folder in; its exit code and what it printed out. A subprocess costs a second or more of
start-up a call; tests whose subject is the process itself (start-up, signals, the demo's
terminal, a crash) still start one.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from bot.__main__ import main
from bot.config import Settings


@dataclass(frozen=True)
class Ran:
    """What a shell would see of one `elchi` command."""

    returncode: int
    stdout: str
    stderr: str


def elchi(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None, stdin: str = ""
) -> Ran:
    """Run `elchi ARGS` in `cwd` with this process's environment, less every Elchi setting (a
    developer's shell leaks nothing in), plus `env`.

    Not from inside a running event loop (the command runs its own): an async test calls it
    through `asyncio.to_thread`."""
    settings = {name.upper() for name in Settings.model_fields}
    clean = {name: value for name, value in os.environ.items() if name.upper() not in settings}
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), Path.cwd(), sys.stdin
    root = logging.getLogger()
    saved_logging = (list(root.handlers), root.level)
    try:
        os.environ.clear()
        os.environ.update({**clean, **(env or {})})
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.StringIO(stdin)
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit_:  # argparse: usage errors, --help
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdin = saved_stdin
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        root.handlers[:] = saved_logging[0]
        root.setLevel(saved_logging[1])
    return Ran(code, out.getvalue(), err.getvalue())
