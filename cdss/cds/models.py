"""ORM models of decision support; the schema is created by migrations ``0005_decision_support`` and
``0007_alert_event_actor`` (keep the two in step)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

# The records define the tables these rows point at; importing their access module registers those tables on the
# metadata (the row classes themselves stay private to cdss.records).
import cdss.records.access  # noqa: F401
from cdss.db.base import Base
from cdss.db.types import UTCDateTime


class AlertEventRow(Base):
    __tablename__ = "cds_alert_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("clinical_case.id", ondelete="SET NULL"))
    rule_id: Mapped[str] = mapped_column(String(80), index=True)
    alert_kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(20))
    drug_key: Mapped[str] = mapped_column(String(200))
    interruptive: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(String(20))
    reason_code: Mapped[str | None] = mapped_column(String(40))
    reason_text: Mapped[str | None] = mapped_column(Text)
    follow_up_id: Mapped[int | None] = mapped_column(ForeignKey("follow_up.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str | None] = mapped_column(String(120))  # migration 0007; None on events stored before it

    __table_args__ = (Index("ix_cds_alert_event_patient_drug", "patient_id", "drug_key"),)


class OpenAlertRow(Base):
    __tablename__ = "cds_open_alert"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("clinical_case.id", ondelete="SET NULL"))
    lab_result_id: Mapped[int | None] = mapped_column(ForeignKey("lab_result.id", ondelete="SET NULL"))
    rule_id: Mapped[str] = mapped_column(String(80))
    alert_kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(20))
    drug_key: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    alert_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_cds_open_alert_patient_reviewed", "patient_id", "reviewed_at"),)


class PatientFlagRow(Base):
    __tablename__ = "cds_patient_flag"

    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), primary_key=True)
    flag: Mapped[str] = mapped_column(String(30), primary_key=True)
    value: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RecheckMarkRow(Base):
    __tablename__ = "cds_recheck_mark"

    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id", ondelete="CASCADE"), primary_key=True)
    last_lab_id: Mapped[int] = mapped_column(Integer)
    checked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
