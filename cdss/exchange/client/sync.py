"""Push the outbox in order, then pull the feed into the local table of received cases.

A row leaves the outbox only in the same local transaction that records the server's answer, so killing the
process at any point loses nothing: at worst the row is sent again with its original idempotency key and the server
replays its stored response instead of creating a duplicate.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from cdss.clock import utc_now
from cdss.exchange.client.http import ApiRefused, ExchangeClient, TransientError, get_state, set_state
from cdss.exchange.client.images import fetch_image, local_image, upload_image
from cdss.exchange.client.session import record_sync_time
from cdss.exchange.models import ExchangeCaseLinkRow, ExchangeOutboxRow, ExchangeReceivedCaseRow
from cdss.exchange.schemas import CaseOut
from cdss.progress import Progress
from cdss.workspace import Workspace

RETRY_DELAYS_S = (0.5, 1.0, 2.0, 4.0)  # exponential, bounded: a dead server costs ~7.5 s, not forever
MAX_FEED_PAGES = 20
FEED_PAGE_SIZE = 50
MAX_IMAGES_PER_SYNC = 60


@dataclass(frozen=True)
class SyncReport:
    pushed: int = 0
    failed: tuple[str, ...] = ()  # "outbox #id action: error" for rows the server refused
    conflicts: tuple[str, ...] = ()
    received: int = 0
    offline: bool = False  # the server stayed unreachable: pending rows wait for the next sync
    notes: tuple[str, ...] = field(default_factory=tuple)


def sync(workspace: Workspace, client: ExchangeClient, *, progress: Progress | None = None,
         sleep: Callable[[float], None] = time.sleep) -> SyncReport:
    pushed, failed, conflicts, offline = _push(workspace, client, progress, sleep)
    received = 0 if offline else _pull(workspace, client)
    notes: tuple[str, ...] = ()
    if not offline:
        record_sync_time(workspace)
        notes = _fetch_missing_images(workspace, client)
    return SyncReport(pushed=pushed, failed=tuple(failed), conflicts=tuple(conflicts), received=received,
                      offline=offline, notes=notes)


def _fetch_missing_images(workspace: Workspace, client: ExchangeClient) -> tuple[str, ...]:
    """Download the pictures of received cases not on disk yet (bounded per sync; the case view fetches the rest)."""
    missing = [ref.sha256 for case in received_cases(workspace) for ref in case.images
               if local_image(workspace, ref.sha256) is None]
    notes: list[str] = []
    for sha256 in list(dict.fromkeys(missing))[:MAX_IMAGES_PER_SYNC]:
        try:
            fetch_image(client, workspace, sha256)
        except TransientError:
            notes.append(f"image {sha256[:12]}: server unreachable; fetched when the case is viewed")
            break
        except ApiRefused as exc:
            # Withdrawn or hidden since: the image is no longer ours to see. Not an error of the sync itself.
            notes.append(f"image {sha256[:12]}: {exc.status} {exc.code}")
    return tuple(notes)


def _push(workspace: Workspace, client: ExchangeClient, progress: Progress | None,
          sleep: Callable[[float], None]) -> tuple[int, list[str], list[str], bool]:
    with workspace.unit_of_work() as session:
        rows = session.scalars(select(ExchangeOutboxRow).order_by(ExchangeOutboxRow.id)).all()
        queue = [(r.id, r.action, r.case_uuid, json.loads(r.payload_json), r.idempotency_key, r.state) for r in rows]
    # A refused or conflicting row holds back later rows of the same case (they build on it); other cases go on.
    blocked = {case_uuid for _, _, case_uuid, _, _, state in queue if state != "pending"}
    pushed, failed, conflicts = 0, [], []
    todo = [item for item in queue if item[5] == "pending"]
    for done, (row_id, action, case_uuid, payload, key, _) in enumerate(todo):
        if progress is not None:
            progress.update(done, len(todo), "sending")
        if case_uuid in blocked:
            continue
        try:
            if action == "image":
                body = _with_retries(lambda b=payload: upload_image(client, workspace, b["sha256"],
                                                                    b["content_type"]), sleep)
            else:
                method, path = _request_of(action, case_uuid)
                body = _with_retries(lambda m=method, p=path, b=payload, k=key: client.write(m, p, b, k), sleep)
        except TransientError:
            _mark(workspace, row_id, "pending", "server unreachable; will retry on the next sync")
            return pushed, failed, conflicts, True
        except ApiRefused as exc:
            if action == "publish" and exc.code == "case_already_published":
                body = client.get_case(case_uuid).model_dump(mode="json")  # already there: success, not a copy
            else:
                state = "conflict" if exc.code == "stale_revision" else "failed"
                _mark(workspace, row_id, state, f"{exc.status} {exc.code}: {exc.message}")
                (conflicts if state == "conflict" else failed).append(f"outbox #{row_id} {action}: {exc.code}")
                blocked.add(case_uuid)
                continue
        _record_success(workspace, row_id, action, case_uuid, body)
        pushed += 1
    return pushed, failed, conflicts, False


def _request_of(action: str, case_uuid: str) -> tuple[str, str]:
    return {"publish": ("POST", "/cases"), "update": ("PUT", f"/cases/{case_uuid}"),
            "withdraw": ("DELETE", f"/cases/{case_uuid}"),
            "comment": ("POST", f"/cases/{case_uuid}/comments")}[action]


def _with_retries(send: Callable[[], dict], sleep: Callable[[float], None]) -> dict:
    for delay in RETRY_DELAYS_S:
        try:
            return send()
        except TransientError:
            sleep(delay)
    return send()


def _mark(workspace: Workspace, row_id: int, state: str, error: str) -> None:
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeOutboxRow, row_id)
        if row is not None:
            row.state, row.last_error, row.attempts = state, error, row.attempts + 1


def _record_success(workspace: Workspace, row_id: int, action: str, case_uuid: str, body: dict | None) -> None:
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeOutboxRow, row_id)
        if row is not None:
            session.delete(row)
        if action in ("publish", "update", "withdraw") and body and "revision" in body:
            link = session.scalar(select(ExchangeCaseLinkRow).where(ExchangeCaseLinkRow.case_uuid == case_uuid))
            if link is not None:
                link.server_revision = int(body["revision"])


def _pull(workspace: Workspace, client: ExchangeClient) -> int:
    """Newest first until a page brings nothing new. When the page bound stops a long walk, the cursor where it
    stopped is stored and the next sync carries on down that backlog, so a large feed arrives over a few syncs."""
    received, leftover = _walk(workspace, client, None, stop_when_unchanged=True)
    backlog = get_state(workspace, "feed_backlog_cursor")
    if leftover is None and backlog:
        more, leftover = _walk(workspace, client, backlog, stop_when_unchanged=False)
        received += more
    set_state(workspace, feed_backlog_cursor=leftover)
    return received


def _walk(workspace: Workspace, client: ExchangeClient, cursor: str | None, *,
          stop_when_unchanged: bool) -> tuple[int, str | None]:
    received = 0
    for _ in range(MAX_FEED_PAGES):
        page = client.feed(cursor=cursor, limit=FEED_PAGE_SIZE)
        changed = _store_page(workspace, page.items)
        received += changed
        cursor = page.next_cursor
        if cursor is None or (changed == 0 and stop_when_unchanged):
            return received, None
    return received, cursor


def _store_page(workspace: Workspace, items: list[CaseOut]) -> int:
    changed = 0
    now = utc_now()
    with workspace.unit_of_work() as session:
        for case in items:
            key = str(case.case_uuid)
            row = session.get(ExchangeReceivedCaseRow, key)
            data = case.model_dump_json()
            if row is None:
                session.add(ExchangeReceivedCaseRow(case_uuid=key, revision=case.revision, author=case.author,
                                                    title=case.title, case_json=data, received_at=now))
            elif row.revision != case.revision or row.case_json != data:
                row.revision, row.title, row.case_json, row.received_at = case.revision, case.title, data, now
            else:
                continue
            changed += 1
    return changed


def received_cases(workspace: Workspace) -> list[CaseOut]:
    """The cases pulled from the feed, newest received first."""
    with workspace.unit_of_work() as session:
        rows = session.scalars(select(ExchangeReceivedCaseRow)
                               .order_by(ExchangeReceivedCaseRow.received_at.desc())).all()
        return [CaseOut.model_validate_json(row.case_json) for row in rows]
