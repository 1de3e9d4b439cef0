"""Every row of a backup archive checked before anything is restored: the columns and their
types as the tables define them, and the values as the application defines them (countries,
languages, regions, Telegram ids, advisories and directories through their own models). A
tampered or damaged archive is refused in one line naming its line and field."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import BigInteger, Boolean, Integer, String, Table, Text

from bot.advisories.contacts import Directory
from bot.advisories.model import Advisory
from bot.config import SUPER_ADMIN, user_id_problem
from bot.storage.models import UTCDateTime
from bot.world import COUNTRY_CODES, LOCALE_NAMES
from bot.world.regions import REGION_NAMES


class RowProblem(ValueError):
    """What is wrong with one row: `field: why`."""


def decoded(table: Table, row: Any) -> dict[str, Any]:
    """The row as the table takes it (times parsed); RowProblem when it does not fit."""
    if not isinstance(row, dict):
        raise RowProblem("(row): not an object of columns")
    columns = set(table.columns.keys())
    if set(row) != columns:
        missing, extra = sorted(columns - set(row)), sorted(set(row) - columns)
        raise RowProblem(f"(row): columns missing {missing or '-'}, unknown {extra or '-'}")
    return {name: _value(table, name, value) for name, value in row.items()}


def _value(table: Table, name: str, value: Any) -> Any:
    column = table.columns[name]
    kind = column.type
    if value is None:
        if not column.nullable:
            raise RowProblem(f"{name}: empty, but it is required")
        return None
    if isinstance(kind, UTCDateTime):
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise RowProblem(f"{name}: {value!r} is not a time with its offset")
        return moment
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise RowProblem(f"{name}: {value!r} is not true or false")
    elif isinstance(kind, (Integer, BigInteger)):
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) >= 2**63:
            raise RowProblem(f"{name}: {value!r} is not a whole number")
    elif isinstance(kind, (String, Text)):
        if not isinstance(value, str):
            raise RowProblem(f"{name}: {value!r} is not text")
        longest = getattr(kind, "length", None)
        if isinstance(longest, int) and len(value) > longest:
            raise RowProblem(f"{name}: longer than {longest} characters")
    return value


def check_values(table: str, row: dict[str, Any]) -> None:
    """The application's own rules for the rows that decide who gets what."""
    country = row.get("country")
    if table in ("subscribers", "advisories", "channels", "offer_reports", "directories"):
        _one_of("country", country, COUNTRY_CODES)
    if table in ("subscribers", "channels", "admin_profiles"):
        _one_of("locale", row.get("locale"), tuple(LOCALE_NAMES))
    if table == "subscribers":
        _one_of("region", row.get("region"), (None, *REGION_NAMES))
        if row["chat_id"] <= 0:
            raise RowProblem(f"chat_id: {row['chat_id']} is not a person's chat")
    if table in ("admins", "admin_profiles"):
        problem = user_id_problem(str(row["user_id"]))
        if problem is not None:
            raise RowProblem(f"user_id: {problem}")
    if table == "admins":
        _one_of("country", country, (*COUNTRY_CODES, SUPER_ADMIN))
    if table == "channels" and not row["chat"].startswith("-100"):
        raise RowProblem(f"chat: {row['chat']!r} is not a channel's id (-100…)")
    if table == "advisories":
        advisory = _model(Advisory, row["document"])
        if (advisory.id, advisory.country) != (row["id"], row["country"]):
            raise RowProblem("document: its id or country differs from the row's")
    if table == "directories":
        _model(Directory, row["document"])


def _one_of(name: str, value: object, allowed: tuple[object, ...]) -> None:
    if value not in allowed:
        shown = ", ".join(str(a) for a in allowed if a is not None)
        raise RowProblem(f"{name}: {value!r} is not one of {shown}")


def _model(model: type[Advisory] | type[Directory], document: str) -> Any:
    try:
        return model.model_validate_json(document)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(document)"
        raise RowProblem(f"document: {where}: not valid ({first['type']})") from None
