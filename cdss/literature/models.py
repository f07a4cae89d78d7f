"""ORM models of the literature library. Only :mod:`cdss.literature.store` touches these.

The schema is created by the hand-written migration ``0006_literature`` (keep the two in step; a test compares them).
The whole :class:`~cdss.literature.reference.Reference` is kept as JSON so the importers' record stays lossless; the
plain columns are the ones queried or edited on their own.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from cdss.db.base import Base
from cdss.db.types import UTCDateTime


class LitReferenceRow(Base):
    __tablename__ = "lit_reference"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref_json: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    doi: Mapped[str | None] = mapped_column(String(300), index=True)
    pmid: Mapped[str | None] = mapped_column(String(20), index=True)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    __table_args__ = ({"sqlite_autoincrement": True},)


class LitDedupKeyRow(Base):
    __tablename__ = "lit_dedup_key"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("lit_reference.id", ondelete="CASCADE"), index=True)


class LitCaseLinkRow(Base):
    __tablename__ = "lit_case_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("lit_reference.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("clinical_case.id", ondelete="CASCADE"), index=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("reference_id", "case_id", "entry_id", name="uq_lit_case_link_reference_case_entry"),
        Index("uq_lit_case_link_reference_case", "reference_id", "case_id", unique=True,
              sqlite_where=text("entry_id IS NULL")),
    )
