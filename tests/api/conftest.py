"""Every API test runs against both real databases: an SQLite file and a PostgreSQL server
(tests/support/postgres.py), each test in a fresh database migrated by Alembic."""
from __future__ import annotations

import itertools
import socket
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from tests.support import postgres
from tests.support.api import add_user, login

BOT_TOKEN = "test-bot-token"
PASSWORD = "ett-langt-testlosenord"
_numbers = itertools.count()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[postgres.PostgresServer]:
    server = postgres.start()
    yield server
    server.stop()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cases.db'}"
    server: postgres.PostgresServer = request.getfixturevalue("pg_server")
    name = f"vv_test_{next(_numbers)}"
    with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres",
                         autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return server.url(name)


@pytest.fixture
def settings(database_url: str) -> Settings:
    port = closed_port()  # Rasa and the action server are absent here; tests/e2e runs them
    return Settings(database_url=database_url, rasa_url=f"http://127.0.0.1:{port}",
                    action_server_url=f"http://127.0.0.1:{port}", session_secret="test-session-secret-32-bytes-long!",
                    jwt_secret="test-jwt-secret-at-least-32-bytes-long", bot_service_token=BOT_TOKEN, upstream_timeout_s=2)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client
        test_client.app.state.engine.dispose()


@pytest.fixture
def advisor(client: TestClient) -> dict[str, str]:
    add_user(client, "radgivare@example.se", "advisor")
    return login(client, "radgivare@example.se")


