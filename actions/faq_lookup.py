"""Which FAQ answers a question asked inside a longer message ("jag har blivit uppsagd efter 12
år, kan jag få csn om jag pluggar?").

Rasa reads a whole message as one intent (here: the story), and its FAQ selector, run on the
whole message, is pulled about by the story's words ("12 år" → the age limit). The question
alone is read far better, so the action server asks the Rasa server to parse just that clause
(`/model/parse`, the same model and the same ResponseSelector). Only a confident answer is used:
a vague question ("vad ska jag göra nu?") gets no FAQ, and the conversation's own questions
take care of it.

VV_RASA_URL and VV_RASA_TOKEN point at the Rasa server (scripts/stack.py sets them). Without
them, or when Rasa does not answer in time, there is simply no FAQ answer: the story is still
kept and the conversation goes on.
"""
from __future__ import annotations

import asyncio
import logging
import os

import aiohttp

log = logging.getLogger(__name__)

# On the clause alone, the FAQ questions people put in their stories score 0.9 and more ("är
# det gratis?" 1.0, "kan jag få csn om jag pluggar?" 0.96); vague ones 0.2–0.5.
MIN_CONFIDENCE = 0.8
# Intents under which an FAQ answer fits: "kan jag få csn?" is read as asking for the check.
_FAQ_LIKE = {"faq", "check_eligibility"}
TIMEOUT_S = 3.0


def selected_faq(parse: dict) -> tuple[str | None, float]:
    """The FAQ answer the ResponseSelector chose in a parse ('faq/cost') and how sure it was."""
    response = ((parse.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    return response.get("intent_response_key") or None, float(response.get("confidence") or 0.0)


def _read_as(parse: dict) -> str | None:
    """The intent a parse chose; under the fallback, the best-ranked intent beneath it ("kan jag
    få hjälp fast jag är så gammal?": faq 0.52 beside check_eligibility 0.47)."""
    name = (parse.get("intent") or {}).get("name")
    if name != "nlu_fallback":
        return name
    ranked = [i.get("name") for i in parse.get("intent_ranking") or [] if i.get("name") != "nlu_fallback"]
    return ranked[0] if ranked else None


def faq_from_parse(parse: dict) -> str | None:
    """'faq/cost' from a /model/parse reply when its FAQ answer is confident, else None."""
    if _read_as(parse) not in _FAQ_LIKE:
        return None
    key, confidence = selected_faq(parse)
    return str(key) if key and confidence >= MIN_CONFIDENCE else None


async def faq_for(question: str) -> str | None:
    url, token = os.environ.get("VV_RASA_URL", ""), os.environ.get("VV_RASA_TOKEN", "")
    if not url:
        return None
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_S)) as session:
            async with session.post(f"{url.rstrip('/')}/model/parse", params={"token": token} if token else None,
                                    json={"text": question}) as reply:
                if reply.status != 200:
                    log.warning("faq lookup: Rasa answered HTTP %s", reply.status)
                    return None
                return faq_from_parse(await reply.json())
    # On Python 3.10 asyncio's TimeoutError is not yet the built-in one.
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
        log.warning("faq lookup failed: %s", type(exc).__name__)
        return None
