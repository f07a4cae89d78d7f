"""An httpx client for the exchange API: login with tokens kept in the workspace, one refresh on 401, typed calls.

Tokens live in the workspace's private token file (:mod:`cdss.exchange.client.token_file`), never in the database;
``get_state``/``set_state`` route the token keys there so callers need not care where a key is kept.

Network failures and 5xx raise :class:`TransientError` (sync retries them); other refusals raise
:class:`ApiRefused` with the server's error code, so the caller can record it where the user sees it.
"""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from cdss.errors import UserError
from cdss.exchange.client.session import forget_tokens, live_tokens, store_tokens
from cdss.exchange.client.token_file import TOKEN_KEYS, read_tokens, update_tokens
from cdss.exchange.models import ExchangeStateRow
from cdss.exchange.schemas import API_PREFIX, IDEMPOTENCY_HEADER, CaseOut, CasePage, CommentList, CommentOut, TokenPair
from cdss.workspace import Workspace

TIMEOUT_S = 15.0


class TransientError(Exception):
    """The server could not be reached or failed (5xx): the same request may succeed later."""


class ApiRefused(Exception):
    """The server refused the request (4xx other than an expired token)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


def get_state(workspace: Workspace, key: str) -> str | None:
    """One state value; token keys come from the private token file (see token_file), the rest from the database."""
    if key in TOKEN_KEYS:
        return read_tokens(workspace).get(key)
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeStateRow, key)
        return None if row is None else row.value


def get_states(workspace: Workspace, keys: tuple[str, ...]) -> dict[str, str]:
    """Several keys in one read (those that are set)."""
    token_keys = [key for key in keys if key in TOKEN_KEYS]
    tokens = read_tokens(workspace) if token_keys else {}
    found = {key: tokens[key] for key in token_keys if key in tokens}
    db_keys = [key for key in keys if key not in TOKEN_KEYS]
    if db_keys:
        with workspace.unit_of_work() as session:
            rows = session.scalars(select(ExchangeStateRow).where(ExchangeStateRow.key.in_(db_keys))).all()
            found.update({row.key: row.value for row in rows})
    return found


def set_state(workspace: Workspace, **values: str | None) -> None:
    """Set (or, with None, delete) keys: token keys in the private token file first, the others in one transaction."""
    tokens = {key: value for key, value in values.items() if key in TOKEN_KEYS}
    if tokens:
        update_tokens(workspace, **tokens)
    values = {key: value for key, value in values.items() if key not in TOKEN_KEYS}
    if not values:
        return
    try:
        with workspace.unit_of_work() as session:
            for key, value in values.items():
                row = session.get(ExchangeStateRow, key)
                if value is None:
                    if row is not None:
                        session.delete(row)
                elif row is None:
                    session.add(ExchangeStateRow(key=key, value=value))
                else:
                    row.value = value
    except SQLAlchemyError as exc:
        # SQLAlchemy's message carries the bound parameters, here token values: the log must never see them.
        raise RuntimeError(f"could not store exchange state {sorted(values)}: {type(exc.orig or exc).__name__}"
                           ) from None


class ExchangeClient:
    def __init__(self, workspace: Workspace, server_url: str | None = None, *,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.workspace = workspace
        url = server_url or get_state(workspace, "server_url") or _setting_url(workspace)
        if not url:
            raise UserError("exchange_server_unset", "No exchange server is set. Log in with "
                            "`cdss exchange login --server URL` or set exchange.server_url in the settings.")
        self.server_url = url.rstrip("/")
        self._http = httpx.Client(base_url=self.server_url, timeout=TIMEOUT_S, transport=transport)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ExchangeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- auth -----------------------------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> None:
        tokens = TokenPair.model_validate(self._send("POST", "/auth/login", json={"username": username,
                                                                                  "password": password}, auth=False))
        store_tokens(self.workspace, tokens, server_url=self.server_url, username=username)

    def logout(self) -> None:
        try:
            if get_state(self.workspace, "access_token"):
                self._call("POST", "/auth/logout")
        except (ApiRefused, TransientError):
            pass  # forgetting the tokens locally is what matters; the server lets them expire
        finally:
            forget_tokens(self.workspace)

    @property
    def username(self) -> str | None:
        return get_state(self.workspace, "username")

    def _refresh(self) -> bool:
        refresh_token = get_state(self.workspace, "refresh_token")
        if not refresh_token:
            return False
        try:
            body = self._send("POST", "/auth/refresh", json={"refresh_token": refresh_token}, auth=False)
        except ApiRefused:
            forget_tokens(self.workspace, keep_username=True)
            return False
        tokens = TokenPair.model_validate(body)
        # Refresh tokens rotate: the old one is now spent, so the new pair must be stored before anything else.
        store_tokens(self.workspace, tokens)
        return True

    # -- calls ----------------------------------------------------------------------------------------------------
    def feed(self, *, cursor: str | None = None, mine: bool = False, limit: int = 50, query: str | None = None,
             specialty: str | None = None, tags: tuple[str, ...] = ()) -> CasePage:
        params: dict[str, Any] = {"limit": limit, "mine": mine}
        if cursor:
            params["cursor"] = cursor
        if query and query.strip():
            params["q"] = query.strip()[:200]
        if specialty:
            params["specialty"] = specialty
        if tags:
            params["tag"] = list(tags[:5])
        return CasePage.model_validate(self._call("GET", "/cases", params=params))

    def get_case(self, case_uuid: str) -> CaseOut:
        return CaseOut.model_validate(self._call("GET", f"/cases/{case_uuid}"))

    def comments(self, case_uuid: str) -> CommentList:
        return CommentList.model_validate(self._call("GET", f"/cases/{case_uuid}/comments"))

    def post_comment(self, case_uuid: str, body: str, *, parent_id: int | None = None,
                     idempotency_key: str | None = None) -> CommentOut:
        return CommentOut.model_validate(self._call("POST", f"/cases/{case_uuid}/comments",
                                                    json={"body": body, "parent_id": parent_id},
                                                    idempotency_key=idempotency_key))

    def write(self, method: str, path: str, payload: dict | None, idempotency_key: str) -> dict:
        """A keyed write (publish, update, withdraw, comment) as the outbox sends it."""
        return self._call(method, path, json=payload, idempotency_key=idempotency_key)

    def put_bytes(self, path: str, data: bytes, content_type: str) -> Any:
        """An upload of raw bytes (an image); returns the server's JSON answer."""
        return self._call("PUT", path, content=data, content_type=content_type)

    def get_bytes(self, path: str) -> bytes:
        """A download of raw bytes (an image)."""
        return self._call("GET", path, raw=True).content

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        tokens, _pruned = live_tokens(self.workspace)
        if not tokens.get("access_token") and tokens.get("refresh_token"):
            self._refresh()  # the access token expired (and was pruned) but the refresh token may still work
        try:
            return self._send(method, path, **kwargs)
        except ApiRefused as exc:
            if exc.status != 401 or not self._refresh():
                if exc.status == 401:
                    raise UserError("exchange_login_required", "Your exchange session has ended. Log in again "
                                    "with `cdss exchange login`.") from exc
                raise
        return self._send(method, path, **kwargs)

    def _send(self, method: str, path: str, *, json: Any = None, params: dict | None = None, auth: bool = True,
              idempotency_key: str | None = None, content: bytes | None = None, content_type: str | None = None,
              raw: bool = False) -> Any:
        """One request; the decoded JSON answer, or the response itself when ``raw``. Errors become exceptions."""
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if auth:
            token = get_state(self.workspace, "access_token")
            if not token:
                raise UserError("exchange_login_required", "Log in to the exchange first: `cdss exchange login`.")
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key:
            headers[IDEMPOTENCY_HEADER] = idempotency_key
        try:
            response = self._http.request(method, API_PREFIX + path, json=json, params=params, content=content,
                                          headers=headers)
        except httpx.TransportError as exc:
            raise TransientError(f"cannot reach {self.server_url}: {exc}") from exc
        if response.status_code >= 500:
            raise TransientError(f"server error {response.status_code}")
        if response.status_code >= 400:
            code, message = "http_error", response.text[:500]
            try:
                error = response.json()["error"]
                code, message = error["code"], error["message"]
            except (ValueError, KeyError, TypeError):
                pass
            raise ApiRefused(response.status_code, code, message)
        if raw:
            return response
        return None if response.status_code == 204 or not response.content else response.json()


def _setting_url(workspace: Workspace) -> str:
    from cdss.settings import SettingsService

    return SettingsService(workspace).get("exchange.server_url") or ""
