"""The audit log: every read and change of patient data is recorded with who, when and what."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.db.models import AuditLogRow


@dataclass(frozen=True)
class AuditEvent:
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    detail: str | None


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser() raises a bare OSError/KeyError in odd environments (no USER, no passwd entry)
        return "unknown"


def record(session: Session, action: str, entity: str, entity_id: object = None, detail: str | None = None,
           actor: str | None = None) -> None:
    """Add an audit row inside the caller's unit of work, so it commits (or rolls back) with the change itself."""
    session.add(AuditLogRow(
        at=utc_now(),
        actor=actor or current_actor(),
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        detail=detail,
    ))


def events_for(session: Session, entity: str, entity_id: object | None = None, limit: int = 200) -> list[AuditEvent]:
    query = select(AuditLogRow).where(AuditLogRow.entity == entity)
    if entity_id is not None:
        query = query.where(AuditLogRow.entity_id == str(entity_id))
    rows = session.scalars(query.order_by(AuditLogRow.id.desc()).limit(limit))
    return [AuditEvent(r.at, r.actor, r.action, r.entity, r.entity_id, r.detail) for r in rows]
