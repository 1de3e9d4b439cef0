"""The `elchi` command: one line naming the variable, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import elchi

KEY = {"SECRET_KEY": "k" * 40}


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "elchi: BOT_TOKEN: missing"),
        ({"BOT_TOKEN": "1:x", "DATABASE_URL": "mysql://x/y"}, "elchi: DATABASE_URL: unsupported"),
        (
            {"BOT_TOKEN": "1:x", "DATABASE_URL": "postgresql://u@127.0.0.1:1/x", **KEY},
            "elchi: DATABASE_URL: cannot use the database: ",
        ),
        ({"BOT_TOKEN": "1:x"}, "elchi: SECRET_KEY: missing"),
    ],
)
def test_run_with_bad_config_prints_one_line(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    result = elchi("run", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(expected)
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_db_upgrade_creates_the_default_sqlite_file(tmp_path: Path) -> None:
    result = elchi("db", "upgrade", env={}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "elchi.db").is_file()


def test_every_command_of_the_parser_is_dispatched() -> None:
    import argparse

    from bot.cli.dispatch import COMMANDS
    from bot.cli.parser import build_parser

    [subcommands] = [
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    ]
    assert set(subcommands.choices) - {"demo"} == set(COMMANDS)
