"""Fixes for Rasa Open Source 3.6 in production, applied by bot/tracker_store.py (which every
Rasa server of ours loads through endpoints.yml).

1. Speed. Rasa checks every action server response with `jsonschema.validate(result, schema)`, and that
function first validates the *schema* against the JSON Schema meta-schema, on every call. With
forms that ask the action server for validation on every turn, this was 44 % of a Rasa server's
CPU under load (py-spy, `make bench-load`). The schema is Rasa's own constant, so we build its
validator once and validate responses exactly as before: same schema, same error message.

2. No silent restart when the tracker store is away. Rasa wraps the tracker store in
`FailSafeTrackerStore`, which answers a failed read with "no conversation" (so the person's
conversation silently starts over) and a failed write by keeping the turn in memory on that one
server. With several servers and PostgreSQL restarting, that loses slots. Here a failed read or
write fails the turn instead: the person is told to try again (api/chat.py), the stored
conversation is untouched, and it continues where it was once the database is back.

3. The first matching response variant. Where several conditional variants of a response match,
Rasa picks one at random (`np.random.choice`). domain.yml lists them most particular first ("Vad
heter din arbetsgivare?" for someone only warned, before the variant for everyone terminated), so
the first match is meant: a random pick asked a warned person about the job that "har slutat" in
one conversation of three. Variants without a condition are still picked at random."""
from __future__ import annotations

from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.generator import ResponseVariationFilter
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.trackers import DialogueStateTracker

_validator: Any = None


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    global _validator
    if _validator is None:
        schema = RemoteAction.action_response_format_spec()
        _validator = validator_for(schema)(schema)
    try:
        _validator.validate(result)
        return True
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions")
        raise e


async def _retrieve(self: FailSafeTrackerStore, sender_id: Text) -> DialogueStateTracker | None:
    return await self._tracker_store.retrieve(sender_id)


async def _save(self: FailSafeTrackerStore, tracker: DialogueStateTracker) -> None:
    await self._tracker_store.save(tracker)


_variants_for = ResponseVariationFilter.responses_for_utter_action


def _first_matching_variant(self: ResponseVariationFilter, utter_action: Text, output_channel: Text,
                            filled_slots: Dict[Text, Any]) -> list[Dict[Text, Any]]:
    variants = _variants_for(self, utter_action, output_channel, filled_slots)
    return variants[:1] if variants and variants[0].get("condition") else variants


def apply() -> None:
    ResponseVariationFilter.responses_for_utter_action = _first_matching_variant  # type: ignore[method-assign]
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    FailSafeTrackerStore.retrieve = _retrieve  # type: ignore[method-assign]
    FailSafeTrackerStore.save = _save  # type: ignore[method-assign]
