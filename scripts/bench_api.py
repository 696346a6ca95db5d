"""Case API latency on a real server: p50/p95 of case creation (POST /api/cases) and of listing
a page of 50 out of 10 000 cases (GET /api/cases), on SQLite and on PostgreSQL.

    python scripts/bench_api.py [--cases 10000] [--creates 300] [--lists 200] [--only sqlite|postgresql]

Targets (issue #6): creation p95 <= 50 ms, listing p95 <= 100 ms."""
from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.cases.models import Case  # noqa: E402
from api.db import make_engine, session_factory, utcnow  # noqa: E402
from api.migrate import upgrade  # noqa: E402
from api.users.service import create_user  # noqa: E402
from tests.support import postgres  # noqa: E402

TOKEN = "benchmark-bot-token"
PASSWORD = "benchmark-password-long"
SERVICES = ["radgivning", "forstarkt_stod", "vagledning", "yttrande_csn", "other_organisation", "unclear"]
STATUSES = ["new", "assigned", "contacted", "closed"]


def case_body(i: int) -> dict:
    return {"conversation_id": f"bench-{i}-{random.random()}",
            "person": {"name": f"Person {i}", "email": f"p{i}@example.se", "age": 30 + i % 30,
                       "municipality": "Umeå", "meeting_preference": "digital"},
            "situation": {"kind": "terminated", "termination_reason": "shortage_of_work"},
            "employer": {"name": "Bageriet AB", "sector": "private", "collective_agreement": "no"},
            "employments": [{"employer": "Bageriet AB", "start": "2019-01-01", "end": None, "hours_per_week": 40}],
            "eligibility": {"rules_version": "bench", "services": {}, "work_requirement": {"months": [
                {"month": f"2025-{m:02d}", "qualifies": True} for m in range(1, 13)]}},
            "recommended_service": SERVICES[i % len(SERVICES)], "career": {"forward_goal": "new_job_same_sector"},
            "summary_sv": "Person, 45 år. Uppsagd på grund av arbetsbrist. " * 3,
            "action_plan_draft": {"goal": "Nytt arbete", "activities": ["Kartlägga", "Söka arbete"], "time_frame": "6 månader"},
            "complete": True,
            "transcript": [{"from": "person" if t % 2 else "bot", "text": "Ett meddelande i samtalet. " * 4}
                           for t in range(60)]}


def seed(url: str, count: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    now = utcnow()
    with session_factory(engine)() as session:
        create_user(session, "bench@example.se", PASSWORD, "advisor")
        body = case_body(0)
        for start in range(0, count, 1000):
            rows = []
            for i in range(start, min(count, start + 1000)):
                created = now - timedelta(minutes=i * 7)
                rows.append(Case(reference=f"OMS-2026-{900000 + i:06d}", conversation_id=f"seed-{i}",
                                 status=STATUSES[i % 4], created_at=created, updated_at=created,
                                 contact_deadline=created + timedelta(days=7),
                                 recommended_service=SERVICES[i % len(SERVICES)], complete=True,
                                 person=body["person"], situation=body["situation"], employer=body["employer"],
                                 employments=body["employments"], eligibility=body["eligibility"],
                                 career=body["career"], summary_sv=body["summary_sv"],
                                 action_plan_draft=body["action_plan_draft"], transcript=body["transcript"]))
            session.add_all(rows)
            session.commit()
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return f"p50 {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms"


def run(name: str, url: str, args: argparse.Namespace) -> None:
    seed(url, args.cases)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VV_DATABASE_URL": url, "VV_BOT_SERVICE_TOKEN": TOKEN,
           "VV_SESSION_SECRET": "s" * 32, "VV_JWT_SECRET": "j" * 32}
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "api.main:create_app", "--port",
                               str(port), "--no-access-log", "--log-level", "warning"], cwd=ROOT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(300):
                try:
                    client.get("/openapi.json")
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            token = client.post("/api/auth/token", data={"username": "bench@example.se", "password": PASSWORD}).json()
            advisor = {"Authorization": f"Bearer {token['access_token']}"}
            bot = {"Authorization": f"Bearer {TOKEN}"}
            for i in range(20):  # warm-up
                client.post("/api/cases", json=case_body(-i), headers=bot)
                client.get("/api/cases", headers=advisor)
            creates = []
            for i in range(args.creates):
                body = case_body(i)
                started = time.perf_counter()
                reply = client.post("/api/cases", json=body, headers=bot)
                creates.append((time.perf_counter() - started) * 1000)
                assert reply.status_code == 201, reply.text
            pages = (args.cases // 50) or 1
            lists = []
            for i in range(args.lists):
                params = {"page": 1 + (i * 37) % pages}
                if i % 3 == 1:
                    params["status"] = "new"
                if i % 3 == 2:
                    params["overdue"] = "true"
                started = time.perf_counter()
                reply = client.get("/api/cases", params=params, headers=advisor)
                lists.append((time.perf_counter() - started) * 1000)
                assert reply.status_code == 200, reply.text
            total = client.get("/api/cases", headers=advisor).json()["total"]
        print(f"{name:10s} create a case       {percentiles(creates)}   (target p95 <= 50 ms, n={len(creates)})")
        print(f"{name:10s} list 50 of {total:>6}  {percentiles(lists)}   (target p95 <= 100 ms, n={len(lists)})")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--creates", type=int, default=300)
    parser.add_argument("--lists", type=int, default=200)
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    random.seed(42)
    if args.only != "postgresql":
        with tempfile.TemporaryDirectory() as tmp:
            run("sqlite", f"sqlite:///{tmp}/bench.db", args)
    if args.only != "sqlite":
        server = postgres.start()
        try:
            run("postgresql", server.url(), args)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
