"""What each `elchi` command runs, and the one place its errors become a line on stderr.

Each command's modules are imported when it runs: `elchi validate` does not load the bot.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib
import inspect
import os
import signal
import sys
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

from bot.config import ConfigError, Settings, load_settings

T = TypeVar("T")
FULL_PASS_EVERY = 100  # middle-generation passes between full ones (Python: 10)


async def _run(settings: Settings) -> None:
    from bot.telegram.app import serve

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(settings, stop=stop)


async def _db_upgrade(settings: Settings) -> None:
    from bot.storage import Database

    database = Database(settings.database_url)
    try:
        await database.migrate()
    finally:
        await database.close()
    print("database is at the newest revision")


async def _archive(settings: Settings, action: str, file: Path) -> int:
    from bot.storage import Database
    from bot.storage.backup import BackupError, backup, restore

    database = Database(settings.database_url)
    try:
        await database.migrate()
        if action == "backup":
            counts = await backup(database, file)
        else:
            counts = await restore(database, file)
    except BackupError as error:
        raise ConfigError(str(error)) from None
    finally:
        await database.close()
    print(f"{action}: " + ", ".join(f"{table} {count}" for table, count in counts.items()))
    return 0


async def _finish(pending: Awaitable[int | None]) -> int | None:
    return await pending


def _folder(settings: Settings, args: argparse.Namespace) -> Path:
    return Path(getattr(args, "path", None) or settings.advisories_dir)


def _folder_out(out: Path | None) -> Path | None:
    """--out names a folder (created if missing), never an existing file."""
    if out is not None and out.exists() and not out.is_dir():
        raise ConfigError(f"export-cap: --out {out} is a file; give a folder")
    return out


def _backup_file(settings: Settings, file: Path, *, force: bool) -> Path:
    """Where a backup may be written: never over the database, over a file only with --force,
    and only into a folder that exists."""
    from bot.storage.db import database_file

    database = database_file(settings.database_url)
    if database is not None and file.resolve() == database.resolve():
        raise ConfigError(f"backup: {file} is the database itself; give another file name")
    if file.is_dir():
        raise ConfigError(f"backup: {file} is a folder; give a file name, e.g. {file}/elchi.gz")
    if not file.parent.is_dir():
        raise ConfigError(f"backup: the folder {file.parent} does not exist; create it first")
    if file.exists() and not force:
        raise ConfigError(f"backup: {file} exists; give another name, or --force to replace it")
    return file


def _push(settings: Settings, args: argparse.Namespace) -> Awaitable[int]:
    """Every setting is checked before anything changes (Telegram's /new does the same)."""
    if args.at is not None and args.at.tzinfo is None:
        raise ConfigError("--at: give the offset too, e.g. 2026-12-01T09:00+03:00")
    if args.at is not None:
        from datetime import UTC, datetime

        from bot.admin.typed_times import LATEST

        now = datetime.now(UTC)
        if args.at <= now:
            raise ConfigError(
                f"--at: {args.at.isoformat()} has already passed; give a later time, or leave "
                "--at out to send now"
            )
        if args.at > now + LATEST:
            raise ConfigError(
                f"--at: {args.at.isoformat()} is more than a year away; give a time within a "
                f"year, e.g. {(now + LATEST / 12).strftime('%Y-%m-%dT09:00+03:00')}"
            )
    from bot.cli import push as cli_push

    return cli_push.push_command(
        settings, args.target, at=args.at, yes=args.yes, paid=args.paid, test=args.test
    )


def _admins(settings: Settings, args: argparse.Namespace) -> Awaitable[int]:
    if args.action == "add" and (args.user_id is None or args.country is None):
        raise ConfigError("admins add: give USER_ID and COUNTRY (UZ, KG, TJ or *)")
    if args.action == "remove" and args.user_id is None:
        raise ConfigError("admins remove: give USER_ID")
    if args.user_id is not None:
        from bot.config import user_id_problem

        problem = user_id_problem(args.user_id)
        if problem is not None:
            raise ConfigError(f"admins {args.action}: {problem}")
    from bot.cli import admin as admin_cli

    user = None if args.user_id is None else int(args.user_id)
    return admin_cli.admins_command(settings, args.action, user, args.country, yes=args.yes)


def _poster(settings: Settings, args: argparse.Namespace) -> Awaitable[int]:
    if (args.country is None) == (not args.all):
        raise ConfigError("poster: give a COUNTRY (UZ, KG or TJ) and --locale, or --all")
    return _cli("poster").poster_command(settings, args.country, args.locale, args.out)  # type: ignore[no-any-return]


def _cli(name: str) -> Any:
    """A command module of `bot.cli`, imported when its command runs (not at start)."""
    return importlib.import_module(f"bot.cli.{name}")


def _validate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.cli.validate import validate

    return validate(list(args.paths) or [Path(settings.advisories_dir)])


Command = Callable[[Settings, argparse.Namespace], "Awaitable[int | None] | int | None"]
# Every command but `demo` (which needs no settings of the operator's): what it runs.
COMMANDS: dict[str, Command] = {
    "run": lambda s, a: _run(s),
    "db": lambda s, a: _db_upgrade(s),
    "push": _push,
    "admins": _admins,
    "advisories": lambda s, a: _cli("admin").advisories_command(s, a.country),
    "audit": lambda s, a: _cli("admin").audit_command(s, a.limit, admins_only=a.admins),
    "cancel": lambda s, a: _cli("admin").cancel_command(s, a.id, yes=a.yes),
    "correct": lambda s, a: _cli("correct").correct_command(
        s, a.id, a.file, yes=a.yes, notice=a.notice
    ),
    "halt": lambda s, a: _cli("admin").halt_command(s, a.country),
    "broadcast": lambda s, a: _cli("delivery").broadcast_command(s, a.id, paid=a.paid, yes=a.yes),
    "deliver": lambda s, a: _cli("delivery").deliver_command(
        s, paid=a.paid, in_flight=a.in_flight
    ),
    "backup": lambda s, a: _archive(s, "backup", _backup_file(s, a.file, force=a.force)),
    "restore": lambda s, a: _archive(s, "restore", a.file),
    "validate": _validate,
    "poster": _poster,
    "page": lambda s, a: _cli("page").page_command(s),
    "understand": lambda s, a: _cli("understand").understand_command(s, as_json=a.json),
    "channels": lambda s, a: _cli("channels").channels_command(
        s, a.action, a.chat, a.country, a.locale, yes=a.yes
    ),
    "import": lambda s, a: _cli("content").import_command(s, _folder(s, a)),
    "export-cap": lambda s, a: _cli("content").export_cap_command(s, a.id, _folder_out(a.out)),
    "export-feed": lambda s, a: _cli("content").export_feed_command(s, a.country, a.locale),
}


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """Run a command's coroutine on uvloop where the platform has it (a paid broadcast's
    sends cost a third less CPU there: benchmarks/RESULTS.md), else on asyncio's own loop."""
    settle_heap()
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command; a problem the operator can fix is one line and exit 2."""
    from bot.logs import configure_logging

    try:
        settings = load_settings()
        secrets = [settings.bot_token.get_secret_value()] if settings.bot_token else []
        if args.command == "demo":
            try:
                from bot.demo.cli import read_script, run_demo
            except ModuleNotFoundError:  # the production image leaves the demo out
                raise ConfigError(
                    "demo: this installation has no demo (the image leaves it out); "
                    "run `make demo` in a source checkout"
                ) from None

            configure_logging(level="WARNING")
            try:
                script = read_script(args.script) if args.script else None
            except OSError as exc:
                raise ConfigError(f"--script: cannot read {args.script}: {exc.strerror}") from None
            return run_loop(run_demo(locale=args.locale, script=script, admin=args.admin))
        if settings.webhook_secret is not None:
            secrets.append(settings.webhook_secret.get_secret_value())
        configure_logging(
            level=settings.log_level, secrets=secrets, json_lines=settings.log_format == "json"
        )
        outcome = COMMANDS[args.command](settings, args)
        if inspect.isawaitable(outcome):
            outcome = run_loop(_finish(outcome))
        return int(outcome or 0)
    except Exception as exc:
        if not _said_in_one_line(exc):
            raise
        print(f"elchi: {_without_secrets(str(exc))}", file=sys.stderr)
        return 2


def _said_in_one_line(error: Exception) -> bool:
    """Problems the operator can fix (configuration, database, catalogs, content); their
    classes are imported only now, so that a command that needs none of them starts fast."""
    from bot.admin.importer import ContentError
    from bot.i18n import CatalogError
    from bot.storage import DatabaseError

    return isinstance(error, ConfigError | DatabaseError | CatalogError | ContentError)


def _without_secrets(text: str) -> str:
    """A last guard: no value of a secret variable is ever printed, even inside a message."""
    for name in ("BOT_TOKEN", "SECRET_KEY", "WEBHOOK_SECRET"):
        value = os.environ.get(name, "")
        if len(value) >= 6:
            text = text.replace(value, f"<{name}>")
    return text


def settle_heap() -> None:
    """Once a process, before its command runs: what start-up built (libraries, their tables)
    is set aside from the cycle collector, which would otherwise walk it again and again (during
    a broadcast that was a fifth of the CPU a message cost). No gc.collect() first, though
    gc.freeze's documentation suggests one for forked workers: under a flood of presses the bot
    was slower with it both times it was tried (p99 1.7 and 2.0 s, against 0.55-0.8 s). The
    collector's young generations stay Python's: one of 10,000 helped that flood only until
    each update's lookup was batched, and cost `elchi push` a seventh more CPU. Full passes come
    ten times rarer: under a flood of presses one took 70 ms with everything standing still,
    every 1.6 s (the broadcast 925-929 msg/s; every 5 s: 933-943)."""
    if gc.get_freeze_count() == 0:  # once (a benchmark runs several broadcasts in a process)
        gc.freeze()
    young, middle, _full = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_PASS_EVERY)
