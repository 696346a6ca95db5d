"""The first real slice through every process: the Swedish greeting and consent question from
the Rasa server, the consent read by the action server, health from the API; then Ctrl-C."""
from __future__ import annotations

import os
import sqlite3

import httpx


def test_health_reports_everything_ready(stack) -> None:
    reply = httpx.get(f"{stack.api}/health", timeout=10)
    assert reply.status_code == 200
    checks = reply.json()["checks"]
    assert checks["database"]["ok"] and checks["action_server"]["ok"]
    assert checks["rasa"]["ok"] and checks["rasa"]["model"]


def test_hej_gets_swedish_greeting_and_consent_question(stack, chat) -> None:
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    messages = say(client, sender, "hej")
    texts = " ".join(m["text"] or "" for m in messages)
    assert "Jag är Vägvisaren" in texts and "inte en människa" in texts
    buttons = [b["title"] for m in messages for b in m["buttons"]]
    assert buttons == ["Ja, det går bra", "Nej, spara inget"]


def test_consent_is_recorded_by_the_action_server(stack, chat) -> None:
    new_conversation, say = chat
    client, sender = new_conversation(stack.api)
    say(client, sender, "hejsan")
    messages = say(client, sender, "ja det gar bra")  # no å: real chat
    # read by the form validation (actions/forms.py), which only the action server runs
    assert messages[0]["text"] == "Vad stämmer bäst på dig just nu?"
    tracker = httpx.get(f"{stack.rasa}/conversations/{sender}/tracker",
                        params={"token": stack.rasa_token}, timeout=10).json()
    assert tracker["slots"]["consent"] is True
    # ...and the conversation is in the SQL tracker store of this run directory
    with sqlite3.connect(stack.run_dir / "rasa-tracker.db") as db:
        rows = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]
    assert rows >= 5


def test_rasa_http_api_requires_the_token(stack) -> None:
    reply = httpx.get(f"{stack.rasa}/conversations/anyone/tracker", timeout=10)
    assert reply.status_code == 401


def listening_addresses(port: int) -> set[str]:
    """Local addresses bound to `port` in LISTEN state, read from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as handle:
            next(handle)
            for line in handle:
                local, state = line.split()[1], line.split()[3]
                address, port_hex = local.split(":")
                if state == "0A" and int(port_hex, 16) == port:
                    found.add(address)
    return found


def test_rasa_and_action_server_listen_on_loopback_only(stack) -> None:
    loopback_v4 = "0100007F"  # 127.0.0.1, little-endian hex
    assert listening_addresses(stack.rasa_port) == {loopback_v4}
    assert listening_addresses(stack.actions_port) == {loopback_v4}


def test_second_start_on_busy_ports_is_refused(stack) -> None:
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    api_port = stack.api.rsplit(":", 1)[1]
    result = subprocess.run([sys.executable, "scripts/stack.py", "--api-port", api_port,
                             "--rasa-port", str(stack.rasa_port), "--actions-port", str(stack.actions_port),
                             "--run-dir", str(stack.run_dir / "second")],
                            cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "already in use" in result.stderr
    assert httpx.get(f"{stack.api}/health", timeout=10).status_code == 200  # the first one is untouched


def test_ctrl_c_stops_every_process(stack) -> None:
    pids = list(stack.pids.values())
    groups = {os.getpgid(pid) for pid in pids}
    assert stack.stop() == 0
    for pid in pids:
        assert not os.path.exists(f"/proc/{pid}"), f"process {pid} is still running"
    # nothing left in the services' process groups either (workers, children)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                assert os.getpgid(int(entry)) not in groups, f"process {entry} left behind"
            except ProcessLookupError:
                pass
