"""The client's sign-in state: tokens with their expiry, the user name, the server and sync times.

Tokens live in the workspace's private token file (``exchange/session.json``, see :mod:`token_file`), which database
backups do not copy; the rest is in the ``exchange_state`` table. Tokens are kept with the moment they expire (from
the server's ``expires_in``/``refresh_expires_in``), so a token that can no longer work is deleted the next time the
state is read instead of lingering on disk. Token values never go to a log: errors writing them name only the keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cdss import clock
from cdss.clock import utc_now
from cdss.exchange.client.token_file import TOKEN_KEYS
from cdss.exchange.schemas import TokenPair
from cdss.workspace import Workspace

SESSION_KEYS = (*TOKEN_KEYS, "username")


@dataclass(frozen=True)
class SessionInfo:
    server_url: str | None
    username: str | None
    signed_in: bool  # a token that may still work is stored (an expired access token refreshes itself)
    refresh_expires_at: dt.datetime | None
    last_sync_at: dt.datetime | None


def store_tokens(workspace: Workspace, tokens: TokenPair, *, now: dt.datetime | None = None,
                 **other: str | None) -> None:
    """Store a new token pair (and e.g. server_url/username) in one transaction: a rotated refresh token is spent."""
    from cdss.exchange.client.http import set_state

    now = clock.as_utc(now or utc_now())  # a naive time is taken as UTC, as stored before zones
    set_state(workspace, access_token=tokens.access_token, refresh_token=tokens.refresh_token,
              access_expires_at=(now + dt.timedelta(seconds=tokens.expires_in)).isoformat(),
              refresh_expires_at=(now + dt.timedelta(seconds=tokens.refresh_expires_in)).isoformat(), **other)


def forget_tokens(workspace: Workspace, *, keep_username: bool = False) -> None:
    from cdss.exchange.client.http import set_state

    keys = TOKEN_KEYS if keep_username else SESSION_KEYS
    set_state(workspace, **dict.fromkeys(keys))


def prune_expired_tokens(workspace: Workspace, *, now: dt.datetime | None = None) -> tuple[str, ...]:
    """Delete tokens whose expiry has passed; returns the names of the keys deleted."""
    return live_tokens(workspace, now=now)[1]


def live_tokens(workspace: Workspace, *, now: dt.datetime | None = None) -> tuple[dict[str, str], tuple[str, ...]]:
    """The token state left after deleting expired tokens (one read; a write only when something expired)."""
    from cdss.exchange.client.http import get_states, set_state

    now = clock.as_utc(now or utc_now())  # a naive time is taken as UTC, as stored before zones
    state = get_states(workspace, TOKEN_KEYS)
    pruned: list[str] = []
    for kind in ("access", "refresh"):
        expires = _parse_time(state.get(f"{kind}_expires_at"))
        if expires is not None and expires <= now:
            pruned += [f"{kind}_token", f"{kind}_expires_at"]
    if pruned:
        set_state(workspace, **dict.fromkeys(pruned))
    return {k: v for k, v in state.items() if k not in pruned}, tuple(pruned)


def session_info(workspace: Workspace, *, now: dt.datetime | None = None) -> SessionInfo:
    from cdss.exchange.client.http import get_states

    prune_expired_tokens(workspace, now=now)
    state = get_states(workspace, (*SESSION_KEYS, "server_url", "last_sync_at"))
    return SessionInfo(
        server_url=state.get("server_url"),
        username=state.get("username"),
        signed_in=bool(state.get("access_token") or state.get("refresh_token")),
        refresh_expires_at=_parse_time(state.get("refresh_expires_at")),
        last_sync_at=_parse_time(state.get("last_sync_at")),
    )


def record_sync_time(workspace: Workspace, *, now: dt.datetime | None = None) -> None:
    from cdss.exchange.client.http import set_state

    set_state(workspace, last_sync_at=(now or utc_now()).isoformat())


def _parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return clock.as_utc(dt.datetime.fromisoformat(value))  # stored before times carried their zone: UTC
    except ValueError:
        return None
