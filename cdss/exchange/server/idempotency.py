"""Idempotent writes: the first successful response to (user, Idempotency-Key) is stored with the write itself.

The record is inserted in the same transaction as the change it describes, so either both are committed or neither:
a client that lost the response (crash, timeout, killed server) retries with the same key and gets the stored
response instead of a duplicate. Refusals (4xx) are not stored, so a retry after fixing the cause can still succeed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cdss.exchange.server.auth import Principal
from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.models import IdempotencyRecord
from cdss.exchange.server.storage import Database, unit_of_work

WriteAction = Callable[[Session], tuple[int, Any]]
REPLAY_HEADER = "Idempotent-Replayed"


def _replay(record: IdempotencyRecord, method: str, path: str) -> JSONResponse:
    if record.method != method or record.path != path:
        raise ApiError(422, "idempotency_key_reused",
                       "This Idempotency-Key was already used for a different request; use a new key.")
    response = JSONResponse(json.loads(record.response_json), status_code=record.status_code)
    response.headers[REPLAY_HEADER] = "true"
    return response


def run_write(db: Database, principal: Principal, key: str | None, method: str, path: str,
              action: WriteAction) -> JSONResponse:
    """Run ``action`` (returns status and a JSON-able body) in one write transaction, idempotently when keyed."""
    if key is not None:
        key = key.strip()
        if not key or len(key) > 128 or not key.isprintable():
            raise ApiError(400, "bad_idempotency_key", "Idempotency-Key must be 1-128 printable characters.")
    try:
        with unit_of_work(db.write) as session:
            if key is not None:
                existing = session.get(IdempotencyRecord, (principal.user_id, key))
                if existing is not None:
                    return _replay(existing, method, path)
            status, body = action(session)
            if key is not None:
                session.add(IdempotencyRecord(user_id=principal.user_id, key=key, method=method, path=path,
                                              status_code=status, response_json=json.dumps(body, ensure_ascii=False)))
                session.flush()
    except IntegrityError as exc:
        # A concurrent request with the same key won the race (or the action hit a uniqueness rule): replay or refuse.
        if key is not None:
            with unit_of_work(db.read) as session:
                existing = session.get(IdempotencyRecord, (principal.user_id, key))
                if existing is not None:
                    return _replay(existing, method, path)
        raise ApiError(409, "conflict", "The request conflicts with a concurrent change; reload and retry.") from exc
    return JSONResponse(body, status_code=status)
