"""Passwords (argon2), opaque bearer tokens stored as sha256, login rate limits kept in the database."""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Request
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.models import AuthSession, AuthToken, LoginFailure, User, utcnow
from cdss.exchange.server.settings import ServerSettings
from cdss.exchange.server.storage import Database, unit_of_work

# OWASP's recommended argon2id minimum (19 MiB, 2 passes, 1 lane): ~40 ms per login on a small server, where the
# library default (64 MiB, 3 passes, 4 lanes) costs ~0.4 s and lets a burst of logins starve the workers.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# Verified against when the user name is unknown, so a login takes as long for a missing user as for a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


@dataclass(frozen=True)
class Principal:
    """The authenticated caller of one request."""

    user_id: int
    name: str
    is_admin: bool
    session_id: int


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    access_seconds: int
    refresh_seconds: int


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8")).digest()


def issue_tokens(session: Session, auth_session_id: int, settings: ServerSettings) -> IssuedTokens:
    now = utcnow()
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add_all([
        AuthToken(token_hash=token_digest(access), session_id=auth_session_id, kind="access",
                  expires_at=now + timedelta(seconds=settings.access_token_seconds)),
        AuthToken(token_hash=token_digest(refresh), session_id=auth_session_id, kind="refresh",
                  expires_at=now + timedelta(seconds=settings.refresh_token_seconds)),
    ])
    return IssuedTokens(access, refresh, settings.access_token_seconds, settings.refresh_token_seconds)


def client_ip(request: Request, settings: ServerSettings) -> str:
    """The client's address for rate limits. X-Forwarded-For counts only when the peer is a trusted proxy, and is
    read from the right: the first hop that is not a trusted proxy is the client (a client can put anything on the
    left of the header, so the leftmost entry is never trusted)."""
    peer = request.client.host if request.client else "unknown"
    proxies = settings.proxy_networks()
    if not proxies or not _in_networks(peer, proxies):
        return peer
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _in_networks(hop, proxies):
            return hop[:45] if _is_address(hop) else peer  # garbage in the header: fall back to the proxy itself
    return peer


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _in_networks(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def login(db: Database, settings: ServerSettings, name: str, password: str, ip: str) -> IssuedTokens:
    """Check the password and open a session; 429 once too many recent failures for this name *from this client*
    or from this client in all.

    Limits are per (user name, client IP) and per client IP, not per user name alone: someone guessing alice's
    password locks out their own address, never alice logging in from hers. Each attempt is counted before the
    password is checked (and uncounted when it succeeds), inside one serialised write, so a burst of concurrent
    attempts cannot slip past the limit while the slow hash runs.
    """
    pair_key, ip_key = f"userip:{name.lower()[:64]}|{ip[:45]}", f"ip:{ip[:45]}"
    window_start = utcnow() - timedelta(seconds=settings.login_window_seconds)
    with unit_of_work(db.write) as session:
        _lock_keys(session, (pair_key, ip_key))
        for key, limit in ((pair_key, settings.login_failures_per_user), (ip_key, settings.login_failures_per_ip)):
            failures = session.scalar(select(func.count()).select_from(LoginFailure)
                                      .where(LoginFailure.scope_key == key, LoginFailure.at >= window_start))
            if failures is not None and failures >= limit:
                raise ApiError(429, "too_many_login_attempts",
                               "Too many failed logins; wait a few minutes and try again.",
                               headers={"Retry-After": str(settings.login_window_seconds)})
        attempt = [LoginFailure(scope_key=pair_key), LoginFailure(scope_key=ip_key)]
        session.add_all(attempt)
        session.execute(delete(LoginFailure).where(LoginFailure.at < window_start))
        session.flush()
        attempt_ids = [row.id for row in attempt]
    with unit_of_work(db.read) as session:
        # user names are unique whatever their case, so "Alice" logs in as alice
        user = session.scalar(select(User).where(func.lower(User.name) == name.lower()))
    # argon2 runs outside any transaction: it is deliberately slow and must not hold a database lock.
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    with unit_of_work(db.write) as session:
        if not ok or user is None:
            failure = ApiError(401, "bad_credentials", "Wrong user name or password.")
        elif user.status != "active":
            failure = ApiError(403, "account_not_active",
                               f"This account is {user.status}; ask an administrator to approve it.")
        else:
            session.execute(delete(LoginFailure).where(LoginFailure.id.in_(attempt_ids)))  # not a failure
            auth_session = AuthSession(user_id=user.id)
            session.add(auth_session)
            session.flush()
            return issue_tokens(session, auth_session.id, settings)
    raise failure


def _lock_keys(session: Session, keys) -> None:
    """PostgreSQL: serialise attempts on the same keys (SQLite writers are already serialised by BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for key in sorted(keys):
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})


def refresh(db: Database, settings: ServerSettings, refresh_token: str) -> IssuedTokens:
    """Rotate: the refresh token is consumed and a new pair issued in the same session."""
    now = utcnow()
    with unit_of_work(db.write) as session:
        row = session.execute(
            select(AuthToken, AuthSession, User)
            .join(AuthSession, AuthSession.id == AuthToken.session_id).join(User, User.id == AuthSession.user_id)
            .where(AuthToken.token_hash == token_digest(refresh_token), AuthToken.kind == "refresh")
        ).first()
        if row is None or row[0].expires_at <= now or row[1].revoked_at is not None or row[2].status != "active":
            raise ApiError(401, "invalid_refresh_token", "The refresh token is invalid or expired; log in again.")
        token, auth_session, _user = row
        session.delete(token)
        # Older access tokens of this session stop working: the client now holds only the new pair.
        session.execute(delete(AuthToken).where(AuthToken.session_id == auth_session.id, AuthToken.kind == "access"))
        return issue_tokens(session, auth_session.id, settings)


def logout(db: Database, principal: Principal) -> None:
    with unit_of_work(db.write) as session:
        auth_session = session.get(AuthSession, principal.session_id)
        if auth_session is not None:
            auth_session.revoked_at = utcnow()
        session.execute(delete(AuthToken).where(AuthToken.session_id == principal.session_id))


def authenticate(db: Database, authorization: str | None) -> Principal:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "unauthenticated", "Log in first (Authorization: Bearer <access token>).",
                       headers={"WWW-Authenticate": "Bearer"})
    token = authorization[7:].strip()
    if not token or len(token) > 200:
        raise ApiError(401, "invalid_token", "The access token is invalid.", headers={"WWW-Authenticate": "Bearer"})
    with unit_of_work(db.read) as session:
        row = session.execute(
            select(AuthToken.expires_at, AuthSession.id, AuthSession.revoked_at, User.id, User.name, User.is_admin,
                   User.status)
            .join(AuthSession, AuthSession.id == AuthToken.session_id).join(User, User.id == AuthSession.user_id)
            .where(AuthToken.token_hash == token_digest(token), AuthToken.kind == "access")
        ).first()
    if row is None or row[0] <= utcnow() or row[2] is not None or row[6] != "active":
        raise ApiError(401, "invalid_token", "The access token is invalid or expired; refresh it or log in again.",
                       headers={"WWW-Authenticate": "Bearer"})
    return Principal(user_id=row[3], name=row[4], is_admin=bool(row[5]), session_id=row[1])


def create_user(db: Database, name: str, password: str, *, is_admin: bool = False, status: str = "active") -> int:
    """Create an account (used by ``cdss server add-user`` and the admin API); 409 when the name is taken."""
    password_hash = hash_password(password)
    with unit_of_work(db.write) as session:
        if session.scalar(select(User.id).where(func.lower(User.name) == name.lower())) is not None:
            raise ApiError(409, "user_exists", f"A user named {name!r} already exists.")
        user = User(name=name, password_hash=password_hash, is_admin=is_admin, status=status)
        session.add(user)
        session.flush()
        return user.id
