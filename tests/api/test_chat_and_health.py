"""The API on its own: cookies, validation and health when the bot is not running.

Rasa and the action server are deliberately absent here (closed ports), which is a real state
the health check and the chat must handle; the running bot is tested in tests/e2e."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    port = closed_port()
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", rasa_url=f"http://127.0.0.1:{port}",
                        action_server_url=f"http://127.0.0.1:{port}", session_secret="test-session-secret-32-bytes-long!",
                        upstream_timeout_s=2)
    return TestClient(create_app(settings))


def test_session_is_stable_across_reloads(client: TestClient) -> None:
    first = client.post("/api/chat/session").json()["sender"]
    again = client.post("/api/chat/session").json()["sender"]
    assert first == again and len(first) >= 20


def test_another_browser_gets_another_conversation(client: TestClient, tmp_path: Path) -> None:
    mine = client.post("/api/chat/session").json()["sender"]
    other = TestClient(client.app)
    theirs = other.post("/api/chat/session").json()["sender"]
    assert mine != theirs
    reply = other.post("/api/chat", json={"sender": mine, "message": "hej"})
    assert reply.status_code == 403
    assert "hör inte till din webbläsare" in reply.json()["detail"]


def test_forged_cookie_is_refused(client: TestClient) -> None:
    client.cookies.set("vv_conversation", "abc.0000")
    assert client.post("/api/chat", json={"sender": "abc", "message": "hej"}).status_code == 403


def test_empty_and_too_long_messages_get_swedish_errors(client: TestClient) -> None:
    sender = client.post("/api/chat/session").json()["sender"]
    empty = client.post("/api/chat", json={"sender": sender, "message": "   "})
    assert empty.status_code == 422 and "tomt" in empty.json()["detail"]
    long = client.post("/api/chat", json={"sender": sender, "message": "a" * 2001})
    assert long.status_code == 413 and "för långt" in long.json()["detail"]


def test_malformed_json_is_a_clear_error(client: TestClient) -> None:
    reply = client.post("/api/chat", content=b"{nope", headers={"Content-Type": "application/json"})
    assert reply.status_code == 422


def test_bot_down_gives_polite_swedish_503(client: TestClient) -> None:
    sender = client.post("/api/chat/session").json()["sender"]
    reply = client.post("/api/chat", json={"sender": sender, "message": "hej"})
    assert reply.status_code == 503
    assert "tillfälligt fel" in reply.json()["detail"]


def test_health_reports_each_part(client: TestClient) -> None:
    reply = client.get("/health")
    assert reply.status_code == 503
    body = reply.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == {"ok": True, "dialect": "sqlite"}
    assert body["checks"]["rasa"]["ok"] is False
    assert body["checks"]["action_server"]["ok"] is False


def test_chat_page_is_swedish_and_accessible_basics(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="sv">' in html
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert '<label for="message">' in html
