"""Resolve an update the server refused as stale (``stale_revision``): keep mine, or take the server's version.

Sync marks such an outbox row ``conflict`` and holds back later rows of the same case; nothing is overwritten
silently. The user then sees both versions side by side and chooses:

- keep mine: the queued content is re-based on the server's current revision and sent again, so it becomes the
  next revision (the other edit stays in the server's history of revisions, it is not merged);
- take the server's: the queued update is dropped and the local link moves to the server's revision, so the next
  edit of this case builds on what the server has.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from cdss.errors import UserError
from cdss.exchange.client.http import ExchangeClient
from cdss.exchange.models import ExchangeCaseLinkRow, ExchangeOutboxRow
from cdss.exchange.schemas import CaseOut
from cdss.workspace import Workspace


class ConflictChoice(StrEnum):
    KEEP_MINE = "keep_mine"
    TAKE_SERVER = "take_server"


@dataclass(frozen=True)
class ConflictDetails:
    item_id: int
    case_uuid: str
    mine: dict  # the queued update's content (title, summary, body, …, base_revision)
    server: CaseOut  # the server's current version


def conflict_details(workspace: Workspace, client: ExchangeClient, item_id: int) -> ConflictDetails:
    """Both versions, for a side-by-side view before the user chooses (needs the network)."""
    case_uuid, payload = _conflict_row(workspace, item_id)
    return ConflictDetails(item_id, case_uuid, payload, client.get_case(case_uuid))


def resolve_conflict(workspace: Workspace, client: ExchangeClient, item_id: int, choice: ConflictChoice) -> int:
    """Apply the user's choice; returns the server revision the case is now based on. Sends nothing by itself:
    "keep mine" puts the row back in the queue for the next sync."""
    case_uuid, _payload = _conflict_row(workspace, item_id)
    server_revision = client.get_case(case_uuid).revision
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeOutboxRow, item_id)
        if row is None or row.state != "conflict":
            raise UserError("exchange_conflict_gone", "This conflict was already resolved.", item_id=item_id)
        if choice is ConflictChoice.KEEP_MINE:
            payload = json.loads(row.payload_json)
            payload["base_revision"] = server_revision
            # A new body deserves a new key: the old key must never replay as a different request.
            row.payload_json = json.dumps(payload, ensure_ascii=False)
            row.idempotency_key = uuid.uuid4().hex
            row.state, row.last_error = "pending", None
        else:
            session.delete(row)
        link = session.scalar(select(ExchangeCaseLinkRow).where(ExchangeCaseLinkRow.case_uuid == case_uuid))
        if link is not None:
            link.server_revision = server_revision
    return server_revision


def _conflict_row(workspace: Workspace, item_id: int) -> tuple[str, dict]:
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeOutboxRow, item_id)
        if row is None or row.state != "conflict":
            raise UserError("exchange_conflict_gone", "This conflict was already resolved.", item_id=item_id)
        return row.case_uuid, json.loads(row.payload_json)
