"""Alembic environment: the URL comes from the caller (api.migrate) or the service settings."""
from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from api.cases import models as _cases  # noqa: F401 - registers the tables
from api.db import Base
from api.settings import get_settings
from api.users import models as _users  # noqa: F401

config = context.config
url = config.attributes.get("url") or get_settings().database_url


def run_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config({"sqlalchemy.url": url}, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
