"""Errors every endpoint shares: a clear JSON answer (Swedish `detail`, since people read it on
the pages) instead of a stack trace or a bare 500.

- A request body over VV_MAX_BODY_BYTES: 413 before it is read into memory. (FastAPI's own
  `max_body_size` answers in plain English text, from outside every middleware.)
- The database unreachable (restarting, failing over): 503 with Retry-After; the caller (the
  action server's outbox, the pages) tries again, and nothing half-written stays behind because
  every change is one transaction.
- Anything else unexpected: 500 with a reference to the log line."""
from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("vagvisaren.api")
TOO_LARGE_SV = "Det du skickade är för stort."
DB_DOWN_SV = "Tjänsten kan inte nå sin databas just nu. Försök igen om en liten stund – inget har sparats till hälften."
INTERNAL_SV = "Något gick fel hos oss. Försök igen om en liten stund."


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413: at once when the Content-Length says so,
    else while reading (the HTTPException raised from `receive` reaches FastAPI's handlers)."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await JSONResponse({"detail": TOO_LARGE_SV}, status_code=413)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise StarletteHTTPException(413, TOO_LARGE_SV)
            return message

        await self.app(scope, limited_receive, send)


def _database_down(exc: Exception) -> bool:
    return isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DBAPIError)
    async def database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        if _database_down(exc):
            log.warning("database unreachable during %s %s: %s", request.method, request.url.path,
                        type(exc.orig).__name__ if exc.orig else type(exc).__name__)
            return JSONResponse({"detail": DB_DOWN_SV}, status_code=503, headers={"Retry-After": "5"})
        return _internal(request, exc)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _internal(request, exc)


def _internal(request: Request, exc: Exception) -> JSONResponse:
    ref = secrets.token_hex(4)
    log.error("unexpected error %s in %s %s", ref, request.method, request.url.path, exc_info=exc)
    body: dict[str, Any] = {"detail": INTERNAL_SV, "reference": ref}
    return JSONResponse(body, status_code=500)
