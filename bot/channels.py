"""The REST channel the API talks to, with personnummer masked before Rasa stores or logs text.

Rasa writes `UserUttered` with the channel's text, before any NLU component runs, so masking has
to happen here. credentials.yml registers it as `bot.channels.MaskedRestInput`.
"""
from __future__ import annotations

from typing import Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.request import Request

from bot.extract import mask_personnummer


class MaskedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "masked_rest"   # webhook: /webhooks/masked_rest/webhook

    def _extract_message(self, req: Request) -> Optional[Text]:
        message = super()._extract_message(req)
        return mask_personnummer(message) if isinstance(message, str) else message
