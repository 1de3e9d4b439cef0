"""`elchi` as a shell runs it: its arguments, its environment and its folder in; its exit code
and what it printed out. `elchi` runs the command inside the test process (a subprocess costs a
second or more of start-up a call); `elchi_process` starts one, for tests whose subject is the
process itself: what it prints from start to exit, signals, running beside the bot.
"""

from __future__ import annotations

import io
import logging
import os
import subprocess
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


def environment(env: Mapping[str, str] | None) -> dict[str, str]:
    """This process's environment less every Elchi setting (a developer's shell leaks nothing
    in), plus `env`."""
    settings = {name.upper() for name in Settings.model_fields}
    clean = {name: value for name, value in os.environ.items() if name.upper() not in settings}
    return {**clean, **(env or {})}


def elchi_process(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """`elchi ARGS` as its own process, in `cwd`, with `environment(env)`."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=environment(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def elchi(
    *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None, stdin: str = ""
) -> Ran:
    """`elchi ARGS` in this process, in `cwd`, with `environment(env)`.

    Not from inside a running event loop (the command runs its own): an async test calls it
    through `asyncio.to_thread`."""
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), Path.cwd(), sys.stdin
    root = logging.getLogger()
    saved_logging = (list(root.handlers), root.level)
    try:
        os.environ.clear()
        os.environ.update(environment(env))
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
