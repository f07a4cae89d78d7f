"""Request dependencies shared by the routers: the database, the settings and the authenticated caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from cdss.exchange.server.auth import Principal, authenticate
from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.settings import ServerSettings
from cdss.exchange.server.storage import Database

# auto_error=False: a missing token gets our own 401 body rather than FastAPI's 403.
_bearer = HTTPBearer(auto_error=False)


def get_db(request: Request) -> Database:
    return request.app.state.db


def get_settings(request: Request) -> ServerSettings:
    return request.app.state.settings


def current_principal(request: Request,
                      credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Principal:
    header = f"Bearer {credentials.credentials}" if credentials else None
    return authenticate(request.app.state.db, header)


def admin_principal(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
    if not principal.is_admin:
        raise ApiError(403, "admin_only", "Only an administrator may do this.")
    return principal


DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[ServerSettings, Depends(get_settings)]
PrincipalDep = Annotated[Principal, Depends(current_principal)]
AdminDep = Annotated[Principal, Depends(admin_principal)]
IdempotencyKeyDep = Annotated[str | None, Header(alias="Idempotency-Key", max_length=128)]
