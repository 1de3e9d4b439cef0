"""The `elchi` command line: every command, its arguments and its help (no work done here)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from bot import __version__
from bot.world import COUNTRY_CODES, LOCALE_CODES


def build_parser() -> argparse.ArgumentParser:
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
        choices=[*COUNTRY_CODES, "*"],
        help="play an embassy admin of COUNTRY",
    )
    demo.add_argument("--script", metavar="FILE", help="run the lines of FILE (- for stdin)")
    check = commands.add_parser("validate", help="check content files; file:line: field: problem")
    check.add_argument(
        "paths", nargs="*", type=Path, help="folders or files (default ADVISORIES_DIR)"
    )
    load = commands.add_parser("import", help="validate, then import content into the database")
    load.add_argument("path", nargs="?", help="folder (default ADVISORIES_DIR)")
    cap = commands.add_parser(
        "export-cap", help="OASIS CAP 1.2 XML: one advisory printed, or each into a folder"
    )
    cap.add_argument("id", nargs="?", help="one advisory id, printed")
    cap.add_argument("--out", type=Path, help="a folder: write ID.xml there (each, without an id)")
    feed = commands.add_parser("export-feed", help="print an Atom feed of advisories in force")
    feed.add_argument("country", choices=COUNTRY_CODES)
    feed.add_argument("--locale", default="ru", choices=LOCALE_CODES)
    commands.add_parser(
        "page", help="serve the public page on PAGE_LISTEN (elchi run starts it by itself)"
    )
    read = commands.add_parser(
        "understand", help="what the bot makes of texts on stdin: language, intent, reasons"
    )
    read.add_argument(
        "--json", action="store_true", help='JSON Lines in ({"text": …}) and out, in order'
    )
    poster = commands.add_parser(
        "poster", help="a printable A4 poster (PDF and PNG) with the QR code of the bot's link"
    )
    poster.add_argument("country", nargs="?", choices=COUNTRY_CODES)
    poster.add_argument("--locale", choices=LOCALE_CODES)
    poster.add_argument("--all", action="store_true", help="every country in every language")
    poster.add_argument("--out", type=Path, default=Path("posters"), help="folder (./posters)")
    mirror = commands.add_parser("channels", help="public channels that mirror advisories")
    mirror.add_argument("action", choices=["list", "add", "remove"])
    mirror.add_argument("chat", nargs="?", help="the channel's id, e.g. -1001234567890")
    mirror.add_argument("country", nargs="?", choices=COUNTRY_CODES)
    mirror.add_argument("locale", nargs="?", choices=LOCALE_CODES)
    mirror.add_argument(
        "--yes", action="store_true", help="move a channel to another country or language"
    )
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
    admins.add_argument("user_id", nargs="?")
    admins.add_argument("country", nargs="?", choices=[*COUNTRY_CODES, "*"])
    admins.add_argument(
        "--yes", action="store_true", help="move an admin of another country without asking"
    )
    audit = commands.add_parser("audit", help="print the audit log, newest first")
    audit.add_argument("--limit", type=int, default=100)
    audit.add_argument(
        "--admins", action="store_true", help="admins' actions only (no strangers' refusals)"
    )
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
    listing.add_argument("country", nargs="?", choices=COUNTRY_CODES)
    halt = commands.add_parser("halt", help="stop all sending for a country at once")
    halt.add_argument("country", choices=COUNTRY_CODES)
    save = commands.add_parser("backup", help="write an archive of the database (any backend)")
    save.add_argument("file", type=Path)
    save.add_argument("--force", action="store_true", help="replace an existing file")
    load_back = commands.add_parser("restore", help="load an archive into an empty database")
    load_back.add_argument("file", type=Path)
    database = commands.add_parser("db", help="database maintenance")
    database.add_argument("action", choices=["upgrade"], help="apply every pending migration")
    return parser
