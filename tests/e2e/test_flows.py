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
