"""The website's chat: POST /api/chat relays to the Rasa REST channel on loopback.

The conversation id is made here, never chosen by the browser: it travels in an HMAC-signed,
HttpOnly cookie, and a message whose `sender` does not match the cookie is refused (403).
Every message carries X-Conversation-Id, so a router in front of several Rasa servers can keep
a conversation on one of them (deploy/prod/nginx.conf.template). Flooding is refused with 429
(api/ratelimit.py).
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, HTTPException, Request, Response
from pydantic import BaseModel, Field

from bot.personnummer import contains_personnummer

from bot.language import NOTE as ENGLISH_NOTE
from bot.language import looks_english
from .ratelimit import RateLimits, too_many_sv
from .text import clean_text

router = APIRouter(prefix="/api/chat", tags=["chat"])
log = logging.getLogger("vagvisaren.chat")
COOKIE = "vv_conversation"
# Said before the bot's answer: the number was masked before Rasa stored anything (bot/channels.py).
PERSONNUMMER_SV = ("Ditt personnummer behöver jag inte, så jag har tagit bort det och sparar det inte. "
                   "Du behöver inte skriva det här.")
UNAVAILABLE_SV = ("Jag kan inte svara just nu eftersom tjänsten har ett tillfälligt fel. "
                  "Försök igen om en liten stund – det du har skrivit hittills finns kvar.")


class ChatIn(BaseModel):
    sender: str = Field(min_length=1, max_length=64)
    message: str = Field(max_length=200_000)  # the readable limit (max_message_chars) is checked below


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    text: str | None = None
    buttons: list[Button] = []


class ChatOut(BaseModel):
    sender: str
    messages: list[BotMessage]
    # True after "radera mina uppgifter": the old conversation is erased and `sender` is a new one.
    conversation_reset: bool = False


class SessionOut(BaseModel):
    sender: str


def _sign(secret: str, conversation_id: str) -> str:
    mac = hmac.new(secret.encode(), conversation_id.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{conversation_id}.{mac}"


def _verified(secret: str, cookie: str | None) -> str | None:
    if not cookie or "." not in cookie:
        return None
    conversation_id = cookie.rsplit(".", 1)[0]
    return conversation_id if hmac.compare_digest(_sign(secret, conversation_id), cookie) else None


def conversation_from(request: Request) -> str | None:
    return _verified(request.app.state.settings.session_secret, request.cookies.get(COOKIE))


def _set_cookie(request: Request, response: Response, conversation_id: str) -> None:
    response.set_cookie(COOKIE, _sign(request.app.state.settings.session_secret, conversation_id),
                        httponly=True, samesite="strict", max_age=7 * 24 * 3600, path="/")


def http_client(app: FastAPI) -> httpx.AsyncClient:
    """One connection pool per process for the calls to Rasa (closed by the app's lifespan)."""
    client = getattr(app.state, "http", None)
    if client is None:
        settings = app.state.settings
        client = app.state.http = httpx.AsyncClient(
            timeout=settings.upstream_timeout_s,
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50))
    return client


def rate_limits(app: FastAPI) -> RateLimits:
    limits = getattr(app.state, "rate_limits", None)
    if limits is None:
        settings = app.state.settings
        limits = app.state.rate_limits = RateLimits(
            settings.rate_limit_storage, {"chat": settings.chat_rate_limit, "session": settings.session_rate_limit})
    return limits


async def _limit(request: Request, kind: str, key: str) -> None:
    wait = await rate_limits(request.app).retry_after(kind, key)
    if wait is not None:
        raise HTTPException(429, too_many_sv(wait), headers={"Retry-After": str(wait)})


@router.post("/session", response_model=SessionOut)
async def session(request: Request, response: Response) -> SessionOut:
    """Returns this browser's conversation id, starting one when there is none (a reload keeps it)."""
    conversation_id = conversation_from(request)
    if conversation_id is None:
        await _limit(request, "session", request.client.host if request.client else "unknown")
        conversation_id = secrets.token_urlsafe(18)
    _set_cookie(request, response, conversation_id)
    return SessionOut(sender=conversation_id)


def _messages(raw: list[dict[str, Any]]) -> list[BotMessage]:
    out = []
    for item in raw:
        buttons = [Button(title=b.get("title", ""), payload=b.get("payload", "")) for b in item.get("buttons") or []]
        if item.get("text") or buttons:
            out.append(BotMessage(text=item.get("text"), buttons=buttons))
    return out


@router.post("", response_model=ChatOut)
async def chat(body: ChatIn, request: Request, response: Response) -> ChatOut:
    settings = request.app.state.settings
    if conversation_from(request) != body.sender:
        raise HTTPException(403, "Det här samtalet hör inte till din webbläsare. Ladda om sidan för att börja ett nytt.")
    await _limit(request, "chat", body.sender)
    text = clean_text(body.message).strip()
    if not text:
        raise HTTPException(422, "Meddelandet är tomt. Skriv något och försök igen.")
    if len(text) > settings.max_message_chars:
        raise HTTPException(413, f"Meddelandet är för långt. Skriv högst {settings.max_message_chars} tecken.")
    try:
        reply = await http_client(request.app).post(
            f"{settings.rasa_url}/webhooks/masked_rest/webhook", json={"sender": body.sender, "message": text},
            headers={"X-Conversation-Id": body.sender})
        reply.raise_for_status()
        raw = reply.json()
    except (httpx.HTTPError, ValueError):
        raise HTTPException(503, UNAVAILABLE_SV) from None
    raw = raw if isinstance(raw, list) else []
    if not _messages(raw) and not any(isinstance(item, dict) and item.get("custom") for item in raw):
        # Every message gets an answer; none means a part behind Rasa failed (all action servers
        # down, say: Rasa then logs the error and answers nothing). Silence would leave the person
        # waiting, so they are told, and their next try is processed afresh.
        log.warning("Rasa gave no answer for a message; answering 503")
        raise HTTPException(503, UNAVAILABLE_SV)
    if any(isinstance(item, dict) and (item.get("custom") or {}).get("conversation_deleted") for item in raw):
        # The bot erased this conversation (and asked for its case to be withdrawn): the browser
        # continues in a new one, so nothing new is ever added to the erased id.
        new_id = secrets.token_urlsafe(18)
        _set_cookie(request, response, new_id)
        return ChatOut(sender=new_id, messages=_messages(raw), conversation_reset=True)
    messages = _messages(raw)
    if contains_personnummer(text):
        messages.insert(0, BotMessage(text=PERSONNUMMER_SV))
    elif looks_english(text):
        messages.insert(0, BotMessage(text=ENGLISH_NOTE))
    return ChatOut(sender=body.sender, messages=messages)
