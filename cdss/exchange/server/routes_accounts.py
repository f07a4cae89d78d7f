"""Health, login/refresh/logout, the caller's own account and the admin's user management."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import func, select, text

from cdss.exchange.schemas import (
    API_PREFIX,
    ErrorBody,
    Health,
    LoginRequest,
    RefreshRequest,
    TokenPair,
    UserCreate,
    UserOut,
    UserPatch,
)
from cdss.exchange.server import auth
from cdss.exchange.server.deps import AdminDep, DbDep, IdempotencyKeyDep, PrincipalDep, SettingsDep
from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.idempotency import run_write
from cdss.exchange.server.models import User
from cdss.exchange.server.storage import unit_of_work

_ERRORS = {code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 422, 429)}
router = APIRouter(responses=_ERRORS)


def _token_pair(tokens: auth.IssuedTokens) -> TokenPair:
    return TokenPair(access_token=tokens.access_token, refresh_token=tokens.refresh_token,
                     expires_in=tokens.access_seconds, refresh_expires_in=tokens.refresh_seconds)


def _user_out(user: User) -> UserOut:
    return UserOut(id=user.id, name=user.name, is_admin=user.is_admin, status=user.status,  # type: ignore[arg-type]
                   created_at=user.created_at)


@router.get("/health", response_model=Health, tags=["meta"])
def health(db: DbDep) -> Health:
    with unit_of_work(db.read) as session:
        session.execute(text("SELECT 1"))
    return Health(status="ok", database=db.dialect)


@router.post(f"{API_PREFIX}/auth/login", response_model=TokenPair, tags=["auth"])
def login(body: LoginRequest, request: Request, db: DbDep, settings: SettingsDep) -> TokenPair:
    return _token_pair(auth.login(db, settings, body.username, body.password, auth.client_ip(request, settings)))


@router.post(f"{API_PREFIX}/auth/refresh", response_model=TokenPair, tags=["auth"])
def refresh(body: RefreshRequest, db: DbDep, settings: SettingsDep) -> TokenPair:
    return _token_pair(auth.refresh(db, settings, body.refresh_token))


@router.post(f"{API_PREFIX}/auth/logout", status_code=204, tags=["auth"])
def logout(principal: PrincipalDep, db: DbDep) -> None:
    auth.logout(db, principal)


@router.get(f"{API_PREFIX}/me", response_model=UserOut, tags=["users"])
def me(principal: PrincipalDep, db: DbDep) -> UserOut:
    with unit_of_work(db.read) as session:
        return _user_out(session.get_one(User, principal.user_id))


@router.get(f"{API_PREFIX}/users", response_model=list[UserOut], tags=["users"])
def list_users(_admin: AdminDep, db: DbDep) -> list[UserOut]:
    with unit_of_work(db.read) as session:
        return [_user_out(u) for u in session.scalars(select(User).order_by(User.id).limit(1000))]


@router.post(f"{API_PREFIX}/users", response_model=UserOut, status_code=201, tags=["users"])
def invite_user(body: UserCreate, admin: AdminDep, db: DbDep, request: Request,
                idempotency_key: IdempotencyKeyDep = None):
    """An admin invites a clinician (``pending`` until approved, or ``active`` at once with ``approve``)."""
    password_hash = auth.hash_password(body.password)  # slow on purpose: outside the write transaction

    def action(session):
        # unique whatever the case: "Alice" beside "alice" would be two accounts one person cannot tell apart
        if session.scalar(select(User.id).where(func.lower(User.name) == body.name.lower())) is not None:
            raise ApiError(409, "user_exists", f"A user named {body.name!r} already exists.")
        user = User(name=body.name, password_hash=password_hash, is_admin=body.is_admin,
                    status="active" if body.approve else "pending")
        session.add(user)
        session.flush()
        return 201, _user_out(user).model_dump(mode="json")

    return run_write(db, admin, idempotency_key, "POST", request.url.path, action)


@router.patch(f"{API_PREFIX}/users/{{user_id}}", response_model=UserOut, tags=["users"])
def update_user(user_id: int, body: UserPatch, admin: AdminDep, db: DbDep, request: Request,
                idempotency_key: IdempotencyKeyDep = None):
    """Approve (``status: active``), disable or promote an account."""

    def action(session):
        user = session.get(User, user_id) if 0 < user_id < 2**62 else None
        if user is None:
            raise ApiError(404, "user_not_found", "No such user.")
        if user.id == admin.user_id and (body.status not in (None, "active") or body.is_admin is False):
            raise ApiError(409, "cannot_demote_self", "An administrator cannot disable or demote their own account.")
        if body.status is not None:
            user.status = body.status
        if body.is_admin is not None:
            user.is_admin = body.is_admin
        return 200, _user_out(user).model_dump(mode="json")

    return run_write(db, admin, idempotency_key, "PATCH", request.url.path, action)
