"""Workspace-side tables of the exchange client: case links, consents, the outbox, received cases, sync state.

These live in the workspace database (cdss.sqlite3), not the server's; migration 0004_exchange_client creates them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cdss.db.base import Base
from cdss.db.types import UTCDateTime


class ExchangeCaseLinkRow(Base):
    """The stable uuid of a local case: it is the de-identification case key and the case's id on the server."""

    __tablename__ = "exchange_case_link"

    case_id: Mapped[int] = mapped_column(ForeignKey("clinical_case.id", ondelete="CASCADE"), primary_key=True)
    case_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    server_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ExchangeConsentRow(Base):
    """The patient's separate consent to share this case (PIPL), recorded before anything is queued."""

    __tablename__ = "exchange_consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("clinical_case.id", ondelete="CASCADE"), index=True)
    case_uuid: Mapped[str] = mapped_column(String(36))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    payload_sha256: Mapped[str] = mapped_column(String(64))


class ExchangeOutboxRow(Base):
    """One action waiting to reach the server, pushed in id order with its own idempotency key.

    ``state`` is pending (to send), failed (the server refused it: ``last_error`` says why) or conflict (a stale
    revision). Sent rows are deleted only after the server's success is known, so a crash never loses one.
    """

    __tablename__ = "exchange_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(20))  # publish | update | withdraw | comment
    case_uuid: Mapped[str] = mapped_column(String(36), index=True)
    payload_json: Mapped[str] = mapped_column(Text)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ExchangeReceivedCaseRow(Base):
    """A case seen in the server's feed (the CaseOut JSON as received)."""

    __tablename__ = "exchange_received_case"

    case_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    case_json: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ExchangeStateRow(Base):
    """Small key/value state of the client: server URL, user name, tokens."""

    __tablename__ = "exchange_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
