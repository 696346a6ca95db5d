"""Staff's flows (tests/flows/*.yml) against the running product, as `make flows` runs them."""
from __future__ import annotations

import io
import secrets
from pathlib import Path

import httpx

from api.db import make_engine, session_factory
from api.flows.__main__ import report
from api.flows.model import load_all
from api.flows.runner import Bot, run_flow
from api.migrate import upgrade
from api.users.service import create_user

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = ROOT / "reports" / "screenshots"  # kept as test artefacts


def test_every_staff_flow_passes(stack) -> None:
    password = secrets.token_urlsafe(16)
    engine = make_engine(f"sqlite:///{stack.run_dir / 'vagvisaren.db'}")
    upgrade(engine)
    with session_factory(engine)() as session:
        create_user(session, "flowtest-e2e@vagvisaren.se", password, "staff")
        session.commit()
    engine.dispose()
    token = httpx.post(f"{stack.api}/api/auth/token",
                       data={"username": "flowtest-e2e@vagvisaren.se", "password": password}).json()["access_token"]
    bot = Bot(stack.rasa, stack.rasa_token, stack.api, token)
    results = [run_flow(flow, bot) for _, flow in load_all([ROOT / "tests" / "flows"])]
    out = io.StringIO()
    report(results, out)
    assert all(r.ok for r in results), out.getvalue()
    assert len(results) >= 20


def test_staff_run_a_flow_from_the_service(stack) -> None:
    """What the /staff page's "Kör" button does: the service runs the flow against the bot and
    checks the case in its own database."""
    password = secrets.token_urlsafe(16)
    engine = make_engine(f"sqlite:///{stack.run_dir / 'vagvisaren.db'}")
    with session_factory(engine)() as session:
        create_user(session, "staff-page@vagvisaren.se", password, "staff")
        session.commit()
    engine.dispose()
    token = httpx.post(f"{stack.api}/api/auth/token",
                       data={"username": "staff-page@vagvisaren.se", "password": password}).json()["access_token"]
    name = "Uppsagd på grund av arbetsbrist får rådgivning och ett ärende"
    reply = httpx.post(f"{stack.api}/api/staff/flows/run", json={"names": [name]},
                       headers={"Authorization": f"Bearer {token}"}, timeout=300).json()
    assert reply["passed"] == 1, reply
    [result] = reply["results"]
    assert result["ok"] and len(result["turns"]) > 20 and result["case_failures"] == []


def test_the_staff_page_in_a_browser(stack, page) -> None:
    """Log in on /staff, run one flow with its button, read the result; keyboard only for the login."""
    password = secrets.token_urlsafe(16)
    engine = make_engine(f"sqlite:///{stack.run_dir / 'vagvisaren.db'}")
    with session_factory(engine)() as session:
        create_user(session, "staff-browser@vagvisaren.se", password, "staff")
        session.commit()
    engine.dispose()
    page.goto(f"{stack.api}/staff")
    page.get_by_label("E-postadress").fill("staff-browser@vagvisaren.se")
    page.get_by_label("Lösenord").fill("fel lösenord")
    page.keyboard.press("Enter")
    page.get_by_text("Fel e-postadress eller lösenord.").wait_for()
    page.get_by_label("Lösenord").fill(password)
    page.keyboard.press("Enter")
    flows = page.locator("#flows > li")
    flows.first.wait_for()
    assert flows.count() >= 20
    page.get_by_role("button", name="Kör Vad kostar det?").click()
    page.get_by_text("1 godkända, 0 underkända.").wait_for(timeout=120_000)
    item = page.locator('[data-flow="Vad kostar det?"]')
    assert item.locator(".result.pass").inner_text() == "Godkänt"
    assert "kostar ingenting" in item.locator(".turns").inner_text()
    assert page.locator("#nlu").inner_text().strip()  # the report, or the note that there is none yet
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / "staff.png"), full_page=True)
