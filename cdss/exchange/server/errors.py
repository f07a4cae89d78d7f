"""Error responses and the request-body limit: one JSON error shape, never a stack trace on the wire."""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("cdss.exchange.server")


class ApiError(Exception):
    """An expected refusal: HTTP status, a stable snake_case code and an English message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_response(status: int, code: str, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


_HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "body_too_large", 415: "unsupported_media_type"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        response = error_response(exc.status, exc.code, exc.message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Report where and why, but never echo the submitted values back (they may be large or hostile).
        fields = [{"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", "")),
                   "type": str(err.get("type", ""))} for err in exc.errors()[:20]]
        return error_response(422, "invalid_request", "The request does not match the schema.", fields=fields)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "Request refused."
        response = error_response(exc.status_code, code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        error_id = uuid.uuid4().hex[:12]
        log.error("unhandled error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal_error",
                              "The server hit an unexpected error; quote the error id to its administrator.",
                              error_id=error_id)


class NulQueryMiddleware:
    """A NUL character in the path or query string (e.g. ?q=%00) is refused with 422 before any route runs:
    PostgreSQL cannot hold NUL in text, and a search for one would otherwise end in a 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = (scope.get("query_string") or b"").lower()
            if b"%00" in query or b"\x00" in query or "\x00" in scope.get("path", ""):
                await error_response(422, "nul_character", "The request contains a NUL character.")(
                    scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413, by header or by counting a streamed/chunked body."""

    def __init__(self, app: ASGIApp, max_bytes: int, larger_limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Path prefix -> its own limit (image uploads are larger than any JSON body).
        self.larger_limits = dict(larger_limits or {})

    def _limit_for(self, scope: Scope) -> int:
        path = scope.get("path", "")
        for prefix, limit in self.larger_limits.items():
            if path.startswith(prefix):
                return max(limit, self.max_bytes)
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                await error_response(400, "bad_content_length", "Content-Length is not a number.")(scope, receive,
                                                                                                   send)
                return
            if too_big:
                await self._refuse(scope, receive, send, limit)
                return
        # Buffer the body (bounded by max_bytes) so that a lying or absent Content-Length cannot get past the limit.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await self._refuse(scope, receive, send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = error_response(413, "body_too_large", f"The request body exceeds {limit} bytes.")
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
