"""Starts the real product (action server, Rasa server, API) through scripts/stack.py on free
ports with its own run directory, exactly as `make run` does."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningStack:
    proc: subprocess.Popen[str]
    pids: dict[str, int]
    api: str
    rasa: str
    rasa_port: int
    actions_port: int
    run_dir: Path

    @property
    def rasa_token(self) -> str:
        return json.loads((self.run_dir / "secrets.json").read_text())["rasa_token"]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for pid in self.pids.values():  # never leak a service, even when the stack failed to stop
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return self.proc.returncode


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> RunningStack:
    run_dir = tmp_path_factory.mktemp("run")
    api_port, rasa_port, actions_port = free_port(), free_port(), free_port()
    proc = subprocess.Popen(
        [sys.executable, "scripts/stack.py", "--api-port", str(api_port), "--rasa-port", str(rasa_port),
         "--actions-port", str(actions_port), "--run-dir", str(run_dir)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # As a shell starting it in the background would: SIGINT ignored. The stack must still
        # stop on Ctrl-C (test_ctrl_c_stops_every_process).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    pids = None
    deadline = time.monotonic() + 300
    seen = []
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if line.startswith("READY "):
            pids = json.loads(line[6:])
            break
    if pids is None:
        proc.kill()
        pytest.fail("the stack did not start:\n" + "".join(seen))
    running = RunningStack(proc, pids, f"http://127.0.0.1:{api_port}", f"http://127.0.0.1:{rasa_port}",
                           rasa_port, actions_port, run_dir)
    yield running
    running.stop()


def new_conversation(api: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=api, timeout=60)
    return client, client.post("/api/chat/session").json()["sender"]


def say(client: httpx.Client, sender: str, text: str) -> list[dict]:
    reply = client.post("/api/chat", json={"sender": sender, "message": text})
    assert reply.status_code == 200, reply.text
    return reply.json()["messages"]


@pytest.fixture
def chat():
    """The website's side of a conversation: (new_conversation, say)."""
    return new_conversation, say


CHROMIUM = "/usr/bin/chromium"  # Debian's package (make chromium); Playwright downloads nothing


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium driven by Playwright, with the flags this closed network needs."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="sv-SE")
    yield context.new_page()
    context.close()
