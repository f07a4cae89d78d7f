"""The outbox: every exchange action as a row, with its idempotency key fixed when it is queued.

Because the key is chosen at enqueue time and re-sent on every attempt, a crash after the server committed but
before we deleted the row replays as the same request, and the server answers with its stored response.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.exchange.models import ExchangeOutboxRow
from cdss.workspace import Workspace

# "image" uploads one prepared picture; it is queued before the publish/update that names it, and sync pushes rows in
# order, so the server always has the bytes before the case that shows them (a failed upload holds the case back).
ACTIONS = ("publish", "update", "withdraw", "comment", "image")


@dataclass(frozen=True)
class OutboxItem:
    id: int
    action: str
    case_uuid: str
    payload: dict
    idempotency_key: str
    state: str  # pending | failed | conflict
    attempts: int
    last_error: str | None
    created_at: dt.datetime


def enqueue(session: Session, action: str, case_uuid: str, payload: dict) -> int:
    """Add an action inside the caller's transaction; returns its row id."""
    if action not in ACTIONS:
        raise ValueError(f"unknown outbox action {action!r}")
    row = ExchangeOutboxRow(action=action, case_uuid=case_uuid, payload_json=json.dumps(payload, ensure_ascii=False),
                            idempotency_key=uuid.uuid4().hex, state="pending", attempts=0,
                            created_at=utc_now())
    session.add(row)
    session.flush()
    return row.id


def queue_action(workspace: Workspace, action: str, case_uuid: str, payload: dict) -> int:
    with workspace.unit_of_work() as session:
        return enqueue(session, action, case_uuid, payload)


def list_outbox(workspace: Workspace, *,
                states: tuple[str, ...] = ("pending", "failed", "conflict")) -> list[OutboxItem]:
    with workspace.unit_of_work() as session:
        rows = session.scalars(select(ExchangeOutboxRow).where(ExchangeOutboxRow.state.in_(states))
                               .order_by(ExchangeOutboxRow.id)).all()
        return [_item(row) for row in rows]


def retry_failed(workspace: Workspace, item_id: int) -> None:
    """Put a failed row back in the queue (after the user fixed what the server refused)."""
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeOutboxRow, item_id)
        if row is not None and row.state == "failed":
            row.state, row.last_error = "pending", None


def _item(row: ExchangeOutboxRow) -> OutboxItem:
    return OutboxItem(id=row.id, action=row.action, case_uuid=row.case_uuid, payload=json.loads(row.payload_json),
                      idempotency_key=row.idempotency_key, state=row.state, attempts=row.attempts,
                      last_error=row.last_error, created_at=row.created_at)


def discard(workspace: Workspace, item_id: int) -> bool:
    """Drop a refused (failed) row the user gives up on; pending and conflict rows have their own paths."""
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeOutboxRow, item_id)
        if row is None or row.state != "failed":
            return False
        session.delete(row)
        return True
