"""Starts the real product (action server, Rasa server, API) through scripts/stack.py on free
ports with its own run directory, exactly as `make run` does."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from services import free_port  # noqa: E402  (below the outgoing-connection range)


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
        # The tests type at machine speed, far faster than a person: the flood limits (tested on
        # their own in tests/api/test_bad_input.py) would otherwise answer 429 mid-conversation.
        env={**os.environ, "PYTHONUNBUFFERED": "1",
             "VV_CHAT_RATE_LIMIT": "1000/second", "VV_SESSION_RATE_LIMIT": "1000/second"},
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
    """A fresh page; any JavaScript error on it fails the test."""
    context = browser.new_context(locale="sv-SE")
    new_page = context.new_page()
    errors: list[str] = []
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    # Failed requests are judged by status below (a 401 after a wrong password is expected);
    # every other console error counts.
    new_page.on("console", lambda message: errors.append(message.text) if message.type == "error"
                and not message.text.startswith("Failed to load resource") else None)
    new_page.on("response", lambda r: errors.append(f"HTTP {r.status} {r.url}")
                if r.status >= 500 or (r.status == 404 and not r.url.endswith("/favicon.ico")) else None)
    yield new_page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def add_user(stack: RunningStack, email: str, role: str) -> str:
    """A user in the running service's database, made the way `python -m api create-user` does;
    returns the password."""
    import secrets
    from api.db import make_engine, session_factory
    from api.migrate import upgrade
    from api.users.service import create_user
    password = secrets.token_urlsafe(16)
    engine = make_engine(f"sqlite:///{stack.run_dir / 'vagvisaren.db'}")
    upgrade(engine)
    with session_factory(engine)() as session:
        create_user(session, email, password, role)
        session.commit()
    engine.dispose()
    return password


def bearer(stack: RunningStack, email: str, password: str) -> dict[str, str]:
    token = httpx.post(f"{stack.api}/api/auth/token", data={"username": email, "password": password}).json()
    return {"Authorization": f"Bearer {token['access_token']}"}


@pytest.fixture
def users():
    """(add_user, bearer) for tests that need accounts in the running service."""
    return add_user, bearer


def check_accessibility(page, name: str) -> None:
    """axe-core on the page as it is now: no serious or critical violations; a screenshot kept."""
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page)
    bad = [f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
           for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"), full_page=True)
    assert not bad, "\n".join(bad)


SCREENSHOT_DIR = ROOT / "reports" / "screenshots"  # kept as test artefacts


@pytest.fixture
def axe():
    return check_accessibility
