"""/api/staff and the /staff page, without the bot (tests/e2e runs flows against the real one)."""
from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from api.users.service import create_user

PASSWORD = "ett-langt-testlosenord"


def login_as(client: TestClient, email: str, role: str) -> dict[str, str]:
    with client.app.state.sessions() as session:
        create_user(session, email, PASSWORD, role)
        session.commit()
    token = client.post("/api/auth/token", data={"username": email, "password": PASSWORD}).json()["access_token"]
    return {"Authorization": f"Bearer {token}"}


def test_staff_list_the_flows_others_may_not(client: TestClient) -> None:
    staff = login_as(client, "staff@example.se", "staff")
    flows = client.get("/api/staff/flows", headers=staff).json()
    assert len(flows) >= 20 and {"file", "name", "turns"} <= set(flows[0])
    advisor = login_as(client, "radgivare@example.se", "advisor")
    assert client.get("/api/staff/flows", headers=advisor).status_code == 403
    assert client.get("/api/staff/flows").status_code == 401


def test_running_a_flow_while_the_bot_is_down_reports_it(client: TestClient) -> None:
    staff = login_as(client, "staff@example.se", "staff")
    reply = client.post("/api/staff/flows/run", json={"names": ["Vad kostar det?"]}, headers=staff).json()
    assert reply["passed"] == 0 and reply["failed"] == 1
    assert "could not be reached" in reply["results"][0]["error"]
    unknown = client.post("/api/staff/flows/run", json={"names": ["Finns inte"]}, headers=staff)
    assert unknown.status_code == 422 and "Finns inte" in unknown.json()["detail"]


def test_the_latest_nlu_evaluation(settings: Settings, tmp_path: Path) -> None:
    settings.reports_dir = str(tmp_path)
    with TestClient(create_app(settings)) as client:
        staff = login_as(client, "staff@example.se", "staff")
        assert client.get("/api/staff/nlu", headers=staff).json() == {"available": False}
        assert client.get("/api/staff/nlu/confusion-matrix.png", headers=staff).status_code == 404
        (tmp_path / "nlu").mkdir()
        (tmp_path / "nlu" / "summary.json").write_text(json.dumps(
            {"intent_macro_f1": 0.8, "weakest": [{"intent": "inform", "f1": 0.5}], "faq_macro_f1": 0.7}))
        (tmp_path / "nlu" / "intent_confusion_matrix.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
        nlu = client.get("/api/staff/nlu", headers=staff).json()
        assert nlu["available"] and nlu["intent_macro_f1"] == 0.8 and nlu["confusion_matrix"] is True
        picture = client.get("/api/staff/nlu/confusion-matrix.png", headers=staff)
        assert picture.status_code == 200 and picture.headers["content-type"] == "image/png"
        client.app.state.engine.dispose()


def test_the_staff_page_is_swedish_and_loads_its_script(client: TestClient) -> None:
    page = client.get("/staff")
    assert page.status_code == 200 and '<html lang="sv">' in page.text
    assert 'src="/static/staff.js"' in page.text and "Logga in" in page.text
    assert client.get("/static/staff.js").status_code == 200
