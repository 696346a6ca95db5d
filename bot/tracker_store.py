"""Rasa's SQL tracker store, plus erasure: when the person asks for their data to be deleted
(`action_delete_data` ran in this turn), every stored event of the conversation is deleted
instead of the turn being saved.

It has to happen here, at save time: Rasa stores a turn's events only after all its actions
ran, and appends by count, so deleting rows from anywhere else during the turn would be undone
by that very save. Configured in endpoints.yml (`type: bot.tracker_store.ErasingSQLTrackerStore`);
the same settings as Rasa's `type: SQL` (SQLite by default, PostgreSQL in production)."""
from __future__ import annotations

import logging

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_fixes

# Every Rasa server of ours loads this module (endpoints.yml), so this is where the fixes apply.
rasa_fixes.apply()

ERASE_ACTION = "action_delete_data"
log = logging.getLogger(__name__)


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    """Did the current turn (the events since the latest user message) run the deletion?"""
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted) and event.action_name == ERASE_ACTION:
            return True
        if isinstance(event, UserUttered):
            return False
    return False


class ErasingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Rasa's engine does not test pooled connections before use, so after a PostgreSQL
        # restart every one of them (up to 50) fails once. Same URL and options, plus pre-ping.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        if not deletion_requested(tracker):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            deleted = (session.query(self.SQLEvent)
                       .filter(self.SQLEvent.sender_id == tracker.sender_id)
                       .delete(synchronize_session=False))
            session.commit()
        log.info("conversation erased on the person's request (%d events)", deleted)
