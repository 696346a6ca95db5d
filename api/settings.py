"""Settings from the environment (prefix VV_), with embedded defaults for one machine.

`DATABASE_URL` and `BOT_SERVICE_TOKEN` are also read under their plain names (case-and-api.md).
Secrets left empty get a random value per process: safe, but tokens and conversation cookies
then last only until a restart, so `scripts/stack.py` and production set them."""
from __future__ import annotations

import logging
import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VV_", extra="ignore", populate_by_name=True)

    # SQLite file by default; PostgreSQL e.g. postgresql+psycopg://user:pw@host/db
    database_url: str = Field("sqlite:///.run/vagvisaren.db",
                              validation_alias=AliasChoices("database_url", "VV_DATABASE_URL", "DATABASE_URL"))
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = ""  # the Rasa HTTP API's --auth-token, for readiness checks
    action_server_url: str = "http://127.0.0.1:5055"
    # Signs the conversation cookie, so one browser can never post as another's conversation.
    session_secret: str = ""
    # Signs advisors' and staff's bearer tokens.
    jwt_secret: str = ""
    token_minutes: int = 30
    # The bot's action server creates cases with this bearer token; empty = nobody can.
    bot_service_token: str = Field("", validation_alias=AliasChoices(
        "bot_service_token", "VV_BOT_SERVICE_TOKEN", "BOT_SERVICE_TOKEN"))
    # Closed cases have their personal data purged this many days after closing.
    retention_days: int = Field(180, ge=1)
    contact_days: int = 7  # the seed's promise: an advisor contacts the person within a week
    # Staff's flows and the latest `make nlu-report`, shown on /staff.
    flows_dir: str = str(ROOT / "tests" / "flows")
    reports_dir: str = str(ROOT / "reports")
    max_message_chars: int = 2000
    # Any request body larger than this is refused (413) before it is read into memory.
    max_body_bytes: int = 1_048_576
    upstream_timeout_s: float = 30.0
    # Rate limits (`limits` notation; several separated by ";"). Chat messages count per
    # conversation, new conversations per client address. Storage: memory:// for one process,
    # redis://host:port/db when several API processes must share the counts.
    rate_limit_storage: str = "memory://"
    chat_rate_limit: str = "60/minute;15/5seconds"
    session_rate_limit: str = "30/minute"

    @model_validator(mode="after")
    def _random_secrets(self) -> "Settings":
        for name in ("session_secret", "jwt_secret"):
            value = getattr(self, name)
            if value and len(value) < 16:
                raise ValueError(f"VV_{name.upper()} is too short: use at least 32 random characters")
            if not value:
                log.warning("VV_%s is not set: using a random one until this process stops", name.upper())
                setattr(self, name, secrets.token_urlsafe(32))
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
