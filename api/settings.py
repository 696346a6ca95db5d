"""Settings from the environment (prefix VV_), with embedded defaults for one machine."""
from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VV_", extra="ignore")

    # SQLite file by default; PostgreSQL e.g. postgresql+psycopg://user:pw@host/db
    database_url: str = "sqlite:///.run/vagvisaren.db"
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_token: str = ""  # the Rasa HTTP API's --auth-token, for readiness checks
    action_server_url: str = "http://127.0.0.1:5055"
    # Signs the conversation cookie, so one browser can never post as another's conversation.
    session_secret: str = "dev-only-change-me"
    max_message_chars: int = 2000
    upstream_timeout_s: float = 30.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
