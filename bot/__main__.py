"""The `elchi` command line: run the bot, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import inspect
import os
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from bot.admin.importer import ContentError
from bot.cli import admin as admin_cli
from bot.cli import content as content_cli
from bot.cli import correct as cli_correct
from bot.cli import delivery as delivery_cli
from bot.cli import push as cli_push
from bot.cli.parser import build_parser
from bot.config import ConfigError, Settings, load_settings
from bot.demo.cli import read_script, run_demo
from bot.i18n import CatalogError
from bot.logs import configure_logging
from bot.storage import Database, DatabaseError
from bot.storage.backup import BackupError, backup, restore
from bot.telegram.app import serve


async def _run(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await serve(settings, stop=stop)


async def _db_upgrade(settings: Settings) -> None:
    database = Database(settings.database_url)
    try:
        await database.migrate()
    finally:
        await database.close()
    print("database is at the newest revision")


async def _archive(settings: Settings, action: str, file: Path) -> int:
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


def _push(settings: Settings, args: argparse.Namespace) -> Awaitable[int]:
    if args.at is not None and args.at.tzinfo is None:
        raise ConfigError("--at: give the offset too, e.g. 2026-12-01T09:00+03:00")
    return cli_push.push_command(
        settings, args.target, at=args.at, yes=args.yes, paid=args.paid, test=args.test
    )


def _admins(settings: Settings, args: argparse.Namespace) -> Awaitable[int]:
    if args.action == "add" and (args.user_id is None or args.country is None):
        raise ConfigError("admins add: give USER_ID and COUNTRY (UZ, KG, TJ or *)")
    if args.action == "remove" and args.user_id is None:
        raise ConfigError("admins remove: give USER_ID")
    return admin_cli.admins_command(settings, args.action, args.user_id, args.country)


Command = Callable[[Settings, argparse.Namespace], "Awaitable[int | None] | int | None"]
# Every command but `demo` (which needs no settings of the operator's): what it runs.
COMMANDS: dict[str, Command] = {
    "run": lambda s, a: _run(s),
    "db": lambda s, a: _db_upgrade(s),
    "push": _push,
    "admins": _admins,
    "advisories": lambda s, a: admin_cli.advisories_command(s, a.country),
    "audit": lambda s, a: admin_cli.audit_command(s, a.limit),
    "cancel": lambda s, a: admin_cli.cancel_command(s, a.id, yes=a.yes),
    "correct": lambda s, a: cli_correct.correct_command(
        s, a.id, a.file, yes=a.yes, notice=a.notice
    ),
    "halt": lambda s, a: admin_cli.halt_command(s, a.country),
    "broadcast": lambda s, a: delivery_cli.broadcast_command(s, a.id, paid=a.paid, yes=a.yes),
    "deliver": lambda s, a: delivery_cli.deliver_command(s, paid=a.paid, in_flight=a.in_flight),
    "backup": lambda s, a: _archive(s, "backup", a.file),
    "restore": lambda s, a: _archive(s, "restore", a.file),
    "validate": lambda s, a: content_cli.validate(_folder(s, a)),
    "import": lambda s, a: content_cli.import_command(s, _folder(s, a)),
    "export-cap": lambda s, a: content_cli.export_cap_command(s, a.id),
    "export-feed": lambda s, a: content_cli.export_feed_command(s, a.country, a.locale),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `elchi` console script; returns the exit code."""
    # PTB 22 gives durations (a 429's retry_after) as timedelta when asked to, as its next
    # major version will; otherwise every 429 logs a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
        secrets = [settings.bot_token.get_secret_value()] if settings.bot_token else []
        if args.command == "demo":
            configure_logging(level="WARNING")
            try:
                script = read_script(args.script) if args.script else None
            except OSError as exc:
                raise ConfigError(f"--script: cannot read {args.script}: {exc.strerror}") from None
            return asyncio.run(run_demo(locale=args.locale, script=script, admin=args.admin))
        if settings.webhook_secret is not None:
            secrets.append(settings.webhook_secret.get_secret_value())
        configure_logging(
            level=settings.log_level, secrets=secrets, json_lines=settings.log_format == "json"
        )
        outcome = COMMANDS[args.command](settings, args)
        if inspect.isawaitable(outcome):
            outcome = asyncio.run(_finish(outcome))
        return int(outcome or 0)
    except (ConfigError, DatabaseError, CatalogError, ContentError) as exc:
        print(f"elchi: {_without_secrets(str(exc))}", file=sys.stderr)
        return 2


def _without_secrets(text: str) -> str:
    """A last guard: no value of a secret variable is ever printed, even inside a message."""
    for name in ("BOT_TOKEN", "SECRET_KEY", "WEBHOOK_SECRET"):
        value = os.environ.get(name, "")
        if len(value) >= 6:
            text = text.replace(value, f"<{name}>")
    return text


if __name__ == "__main__":
    sys.exit(main())
