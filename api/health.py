"""GET /health: liveness, and readiness of the database, the Rasa server and the action server."""
from __future__ import annotations

import asyncio
from typing import Any

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from .db import ping

router = APIRouter()
TIMEOUT = httpx.Timeout(3.0)


async def _database(request: Request) -> dict[str, Any]:
    try:
        await asyncio.to_thread(ping, request.app.state.engine)
        return {"ok": True, "dialect": request.app.state.engine.dialect.name}
    except Exception as exc:  # any failure is "not ready", reported, never raised
        return {"ok": False, "error": type(exc).__name__}


async def _rasa(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            reply = await client.get(f"{settings.rasa_url}/status", params={"token": settings.rasa_token})
        if reply.status_code != 200:
            return {"ok": False, "error": f"HTTP {reply.status_code}"}
        model = reply.json().get("model_file")
        return {"ok": bool(model), "model": model} if model else {"ok": False, "error": "no model loaded"}
    except httpx.HTTPError as exc:
        return {"ok": False, "error": type(exc).__name__}


async def _action_server(request: Request) -> dict[str, Any]:
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT) as client:
            reply = await client.get(f"{request.app.state.settings.action_server_url}/health")
        if reply.status_code != 200:
            return {"ok": False, "error": f"HTTP {reply.status_code}"}
        return {"ok": True}
    except httpx.HTTPError as exc:
        return {"ok": False, "error": type(exc).__name__}


@router.get("/health")
async def health(request: Request) -> JSONResponse:
    database, rasa, actions = await asyncio.gather(_database(request), _rasa(request), _action_server(request))
    checks = {"database": database, "rasa": rasa, "action_server": actions}
    ready = all(check["ok"] for check in checks.values())
    return JSONResponse({"status": "ok" if ready else "degraded", "checks": checks},
                        status_code=200 if ready else 503)
