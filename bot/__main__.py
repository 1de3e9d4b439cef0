"""The `elchi` command line: run the bot, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bot import __version__
from bot.admin import cli as admin_cli
from bot.admin import cli_correct, cli_push
from bot.advisories import cli as content_cli
from bot.advisories.importer import ContentError
from bot.app import serve
from bot.config import ConfigError, Settings, load_settings
from bot.delivery import cli as delivery_cli
from bot.demo.cli import read_script, run_demo
from bot.i18n import CatalogError
from bot.logs import configure_logging
from bot.storage import Database, DatabaseError
from bot.storage.backup import BackupError, backup, restore


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="elchi", description="Embassy advisories on Telegram.")
    parser.add_argument("--version", action="version", version=f"elchi {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("run", help="run the bot (long polling) against BOT_API_URL")
    demo = commands.add_parser("demo", help="chat with the bot here: sandbox, no token")
    demo.add_argument(
        "--locale", help="your Telegram app's language code, e.g. ky (default ru)", default="ru"
    )
    demo.add_argument(
        "--admin",
        metavar="COUNTRY",
        choices=["UZ", "KG", "TJ", "*"],
        help="play an embassy admin of COUNTRY",
    )
    demo.add_argument("--script", metavar="FILE", help="run the lines of FILE (- for stdin)")
    check = commands.add_parser("validate", help="check content files; file:line: field: problem")
    check.add_argument("path", nargs="?", help="folder (default ADVISORIES_DIR)")
    load = commands.add_parser("import", help="validate, then import content into the database")
    load.add_argument("path", nargs="?", help="folder (default ADVISORIES_DIR)")
    cap = commands.add_parser("export-cap", help="print advisories as OASIS CAP 1.2 XML")
    cap.add_argument("id", nargs="?", help="one advisory id (default: all)")
    feed = commands.add_parser("export-feed", help="print an Atom feed of advisories in force")
    feed.add_argument("country", choices=["UZ", "KG", "TJ"])
    feed.add_argument("--locale", default="ru", choices=["uz", "uz_Cyrl", "ky", "tg", "ru"])
    send = commands.add_parser("broadcast", help="publish an advisory and send it to its audience")
    send.add_argument("id", help="the advisory id")
    send.add_argument("--paid", action="store_true", help="paid broadcast, up to 1000/s (Stars)")
    send.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    deliver = commands.add_parser("deliver", help="send everything pending, then exit")
    deliver.add_argument("--paid", action="store_true", help="use the paid lane")
    deliver.add_argument("--in-flight", type=int, default=100, help="requests at once")
    push = commands.add_parser("push", help="validate and send (or schedule) an advisory")
    push.add_argument("target", help="an advisory file (.yaml) or a stored advisory id")
    push.add_argument("--at", type=datetime.fromisoformat, help="e.g. 2026-12-01T09:00+03:00")
    push.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    push.add_argument("--paid", action="store_true", help="paid broadcast, up to 1000/s")
    push.add_argument("--test", action="store_true", help="send it, marked TEST, to admins only")
    admins = commands.add_parser("admins", help="list, add or remove admins")
    admins.add_argument("action", choices=["list", "add", "remove"])
    admins.add_argument("user_id", nargs="?", type=int)
    admins.add_argument("country", nargs="?", choices=["UZ", "KG", "TJ", "*"])
    audit = commands.add_parser("audit", help="print the audit log, newest first")
    audit.add_argument("--limit", type=int, default=100)
    withdraw = commands.add_parser("cancel", help="withdraw an advisory and notify its readers")
    withdraw.add_argument("id")
    withdraw.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    fix = commands.add_parser("correct", help="correct an advisory; edit delivered messages")
    fix.add_argument("id")
    fix.add_argument("file", type=Path, help="the corrected advisory file (same id)")
    fix.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    fix.add_argument(
        "--notice", action="store_true", help="also reply 'corrected' under each copy"
    )
    listing = commands.add_parser("advisories", help="drafts and advisories with their state")
    listing.add_argument("country", nargs="?", choices=["UZ", "KG", "TJ"])
    halt = commands.add_parser("halt", help="stop all sending for a country at once")
    halt.add_argument("country", choices=["UZ", "KG", "TJ"])
    save = commands.add_parser("backup", help="write an archive of the database (any backend)")
    save.add_argument("file", type=Path)
    load_back = commands.add_parser("restore", help="load an archive into an empty database")
    load_back.add_argument("file", type=Path)
    database = commands.add_parser("db", help="database maintenance")
    database.add_argument("action", choices=["upgrade"], help="apply every pending migration")
    return parser


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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `elchi` console script; returns the exit code."""
    args = _parser().parse_args(argv)
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
        folder = Path(getattr(args, "path", None) or settings.advisories_dir)
        if args.command == "run":
            asyncio.run(_run(settings))
        elif args.command == "db":
            asyncio.run(_db_upgrade(settings))
        elif args.command == "push":
            if args.at is not None and args.at.tzinfo is None:
                raise ConfigError("--at: give the offset too, e.g. 2026-12-01T09:00+03:00")
            return asyncio.run(
                cli_push.push_command(
                    settings,
                    args.target,
                    at=args.at,
                    yes=args.yes,
                    paid=args.paid,
                    test=args.test,
                )
            )
        elif args.command == "admins":
            if args.action == "add" and (args.user_id is None or args.country is None):
                raise ConfigError("admins add: give USER_ID and COUNTRY (UZ, KG, TJ or *)")
            if args.action == "remove" and args.user_id is None:
                raise ConfigError("admins remove: give USER_ID")
            return asyncio.run(
                admin_cli.admins_command(settings, args.action, args.user_id, args.country)
            )
        elif args.command == "advisories":
            return asyncio.run(admin_cli.advisories_command(settings, args.country))
        elif args.command == "audit":
            return asyncio.run(admin_cli.audit_command(settings, args.limit))
        elif args.command == "cancel":
            return asyncio.run(admin_cli.cancel_command(settings, args.id, yes=args.yes))
        elif args.command == "correct":
            return asyncio.run(
                cli_correct.correct_command(
                    settings, args.id, args.file, yes=args.yes, notice=args.notice
                )
            )
        elif args.command == "halt":
            return asyncio.run(admin_cli.halt_command(settings, args.country))
        elif args.command == "broadcast":
            return asyncio.run(
                delivery_cli.broadcast_command(settings, args.id, paid=args.paid, yes=args.yes)
            )
        elif args.command == "deliver":
            return asyncio.run(
                delivery_cli.deliver_command(settings, paid=args.paid, in_flight=args.in_flight)
            )
        elif args.command in ("backup", "restore"):
            return asyncio.run(_archive(settings, args.command, args.file))
        elif args.command == "validate":
            return content_cli.validate(folder)
        elif args.command == "import":
            return asyncio.run(content_cli.import_command(settings, folder))
        elif args.command == "export-cap":
            return asyncio.run(content_cli.export_cap_command(settings, args.id))
        elif args.command == "export-feed":
            return asyncio.run(
                content_cli.export_feed_command(settings, args.country, args.locale)
            )
    except (ConfigError, DatabaseError, CatalogError, ContentError) as exc:
        print(f"elchi: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
