"""Tables. Only what NOTES.md allows: no names, no phone numbers, nothing a user typed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, DateTime, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on every backend (SQLite returns naive values otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base for every table."""


class Subscriber(Base):
    """One Telegram chat that chose a language and a citizenship."""

    __tablename__ = "subscribers"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    locale: Mapped[str] = mapped_column(String(8))
    country: Mapped[str] = mapped_column(String(2))
    # ISO 3166-2:RU code such as RU-TA, only if the user chose to save it.
    region: Mapped[str | None] = mapped_column(String(8), default=None)
    subscribed: Mapped[bool] = mapped_column(Boolean, default=True)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    discreet: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_subscribers_audience", "country", "subscribed", "blocked"),)


class AdvisoryRow(Base):
    """An advisory as imported or composed; `document` is the validated model as JSON."""

    __tablename__ = "advisories"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(8))
    standing: Mapped[bool] = mapped_column(Boolean, default=False)
    effective: Mapped[datetime] = mapped_column(UTCDateTime())
    expires: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    publish_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    document: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(200))  # "file:advisories/UZ/x.yaml" or "admin"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_advisories_country", "country", "status", "effective"),)


class DirectoryRow(Base):
    """One country's embassy directory, as imported from `advisories/contacts/`."""

    __tablename__ = "directories"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ScheduledDeletion(Base):
    """A bot message to delete later (discreet mode); removed once deleted or on /forget."""

    __tablename__ = "scheduled_deletions"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    delete_after: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_scheduled_deletions_due", "delete_after"),)


class Broadcast(Base):
    """Publishing one advisory: the outbox is filled in batches, then sent by the worker."""

    __tablename__ = "broadcasts"

    advisory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))  # filling | sending | done | halted
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)  # last chat id put in the outbox
    total: Mapped[int] = mapped_column(BigInteger, default=0)
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


# The start of a delivery's `last_error` after which the send may have arrived all the same
# (the connection dropped once the request was written): a later success counts it as
# possibly sent twice.
AMBIGUOUS = "ambiguous: "


class Delivery(Base):
    """One advisory to one chat: exists only to deliver once and count once."""

    __tablename__ = "deliveries"

    advisory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(8))  # pending sent blocked gone failed skipped
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(120), default=None)
    message_id: Mapped[int | None] = mapped_column(BigInteger, default=None)
    # Ids of the 2nd and 3rd message of a long advisory and of its voice note ("102,103,v104"),
    # so a correction can edit every part and discreet mode can delete them all.
    more_ids: Mapped[str | None] = mapped_column(String(40), default=None)
    locale: Mapped[str | None] = mapped_column(String(8), default=None)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_deliveries_queue", "advisory_id", "status", "chat_id"),)


class AdminRow(Base):
    """An admin added with `elchi admins add` (the ADMINS setting adds more)."""

    __tablename__ = "admins"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    country: Mapped[str] = mapped_column(String(2))  # UZ, KG, TJ or * (super-admin)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AdminProfileRow(Base):
    """An admin's own language for notices (set from Telegram's the first time, then by their
    choice) and display name as their account last gave it: admins' names may be kept,
    readers' never. Any admin's, whether added here or by the ADMINS setting."""

    __tablename__ = "admin_profiles"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    locale: Mapped[str] = mapped_column(String(8))
    name: Mapped[str | None] = mapped_column(String(128), default=None)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditRow(Base):
    """Append-only: who did what, when, to which advisory, for how many people."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(32))  # "tg:<user id>" or "cli"
    action: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    advisory_id: Mapped[str | None] = mapped_column(String(64), default=None)
    audience: Mapped[int | None] = mapped_column(BigInteger, default=None)
    detail: Mapped[str | None] = mapped_column(String(200), default=None)


class Acknowledgement(Base):
    """A press on "I understand": exists only to count each chat once."""

    __tablename__ = "acknowledgements"

    advisory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_acknowledgements_chat", "chat_id"),)


class DraftRow(Base):
    """An advisory being composed or corrected in Telegram, until it is sent or discarded."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the advisory's future id
    country: Mapped[str] = mapped_column(String(2))
    mode: Mapped[str] = mapped_column(String(8))  # new | correct
    editor: Mapped[int | None] = mapped_column(BigInteger, default=None)  # admin answering
    asking: Mapped[str | None] = mapped_column(String(32), default=None)  # question awaited
    document: Mapped[str] = mapped_column(Text)  # the answers so far, as JSON
    request: Mapped[str | None] = mapped_column(Text, default=None)  # waiting for approval
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CorrectionRow(Base):
    """Editing every delivered message of an advisory; resumable from `cursor`."""

    __tablename__ = "corrections"

    advisory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(10))  # pending | done | halted
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)  # last chat id corrected
    notice: Mapped[bool] = mapped_column(Boolean, default=False)  # also reply "corrected"
    edited: Mapped[int] = mapped_column(Integer, default=0)
    gone: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class Arrival(Base):
    """How many subscribed through a shared link, the poster, the page … per country and
    language: a count, never who."""

    __tablename__ = "arrivals"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    locale: Mapped[str] = mapped_column(String(8), primary_key=True)
    via: Mapped[str] = mapped_column(String(8), primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger, default=0)


class ChannelRow(Base):
    """A public channel that mirrors one country's advisories in one language."""

    __tablename__ = "channels"

    chat: Mapped[str] = mapped_column(String(40), primary_key=True)  # the id, "-100…"
    country: Mapped[str] = mapped_column(String(2))
    locale: Mapped[str] = mapped_column(String(8))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())  # mirrors what is published since
    # "CHANNELS" (mirrored while the setting names it) or "added" (`elchi channels add`)
    origin: Mapped[str] = mapped_column(String(8), default="added", server_default="added")


class ChannelPost(Base):
    """An advisory posted in a channel: its message id, so a correction edits it and a
    cancellation marks it."""

    __tablename__ = "channel_posts"

    advisory_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    chat: Mapped[str] = mapped_column(String(40), primary_key=True)
    message_id: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[str] = mapped_column(String(16))  # of the text posted: a correction differs
    marked: Mapped[bool] = mapped_column(Boolean, default=False)  # withdrawn, and said so
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OfferReport(Base):
    """A job offer a migrant flagged and agreed to send to their embassy: its text, never who
    sent it; the same offer again adds to `times`. Deleted 90 days after it last came in."""

    __tablename__ = "offer_reports"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)  # of the folded text
    text: Mapped[str] = mapped_column(Text)
    times: Mapped[int] = mapped_column(BigInteger, default=1)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
