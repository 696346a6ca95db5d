"""Production mode for tests: the stack of `make run-prod` (PostgreSQL, Redis, nginx, two Rasa
servers, two action servers, two API processes) on free ports, driven in-process so a test can
crash and restart any one of its parts; and a person who chats through /api/chat."""
from __future__ import annotations

import json
import random
import re
import shutil
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import stack as stack_module  # noqa: E402

REFERENCE = re.compile(r"OMS-\d{4}-\d{6}")


def _free_base() -> list[str]:
    """Port arguments for a stack whose every port is free (the ranges are consecutive)."""
    for _ in range(50):
        # Below the outgoing-connection range (see services.free_port).
        base = random.randrange(10000, stack_module.services.ephemeral_low() - 100, 100)
        argv = ["--prod", "--api-port", str(base), "--rasa-port", str(base + 10), "--actions-port",
                str(base + 20), "--postgres-port", str(base + 30), "--redis-port", str(base + 31)]
        args = stack_module.build_parser().parse_args(argv)
        if not stack_module.busy_ports(stack_module.prod_ports(args)):
            return argv
    raise RuntimeError("no free port range")


@dataclass
class Prod:
    stack: Any  # scripts/stack.py's Stack
    api: str
    rasa_ports: list[int]
    pg_dir: Path

    def stop(self) -> None:
        self.stack.stop()
        shutil.rmtree(self.pg_dir, ignore_errors=True)

    @property
    def args(self) -> Any:
        return self.stack.args

    def rasa_ready(self, port: int, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{port}/status?token={self.stack.secrets['rasa_token']}"
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=3) as reply:
                    if json.loads(reply.read()).get("model_file"):
                        return
            except (OSError, ValueError):
                pass
            time.sleep(1)
        raise AssertionError(f"Rasa on {port} did not come back\n{self.stack.tail('rasa-1')}")

    def restart(self, *names: str) -> None:
        for name in names:
            self.stack.restart(name)
        for name in names:
            if name.startswith("rasa-"):
                self.rasa_ready(self.rasa_ports[int(name.split("-")[1]) - 1])
            elif name.startswith(("api-", "actions-")):
                port = {"api": self.args.api_port, "actions": self.args.actions_port}[name.split("-")[0]]
                assert stack_module.services.wait_port(port + int(name.split("-")[1]), 60), name
        # nginx checks passively: a server that refused a connection is tried again after
        # fail_timeout (2 s, scripts/services.py). A supervisor restarts a crashed part within
        # about that time too; without this wait a second crash in the same second finds none.
        time.sleep(3)

    def tracker(self, conversation_id: str) -> dict[str, Any]:
        reply = httpx.get(f"http://127.0.0.1:{self.args.rasa_port}/conversations/{conversation_id}/tracker",
                          params={"token": self.stack.secrets["rasa_token"]}, timeout=30)
        reply.raise_for_status()
        return reply.json()

    def cases_for(self, conversation_id: str) -> int:
        assert self.stack.postgres is not None
        return int(self.stack.postgres.psql(
            f"SELECT count(*) FROM cases WHERE conversation_id = '{conversation_id}'", "vagvisaren"))


class Person:
    """Someone on the website: a session cookie, then one message per turn, buttons by title."""

    def __init__(self, prod: Prod):
        self.prod = prod
        self.client = httpx.Client(base_url=prod.api, timeout=90)
        self.sender = self.client.post("/api/chat/session").json()["sender"]
        self.buttons: list[dict[str, str]] = []
        self.last: httpx.Response | None = None

    def say(self, text: str) -> httpx.Response:
        self.last = self.client.post("/api/chat", json={"sender": self.sender, "message": text})
        if self.last.status_code == 200:
            self.buttons = [b for m in self.last.json()["messages"] for b in m.get("buttons") or []]
        return self.last

    def click(self, title: str) -> httpx.Response:
        payload = next(b["payload"] for b in self.buttons if b["title"] == title)
        return self.say(payload)

    def ok(self, text: str) -> str:
        """Says `text`, expects an answer, returns the answer's text."""
        reply = self.say(text)
        assert reply.status_code == 200, (text, reply.status_code, reply.text[:300])
        answer = " ".join(m.get("text") or "" for m in reply.json()["messages"])
        assert answer.strip(), f"no answer to {text!r}"
        return answer

    def slots(self) -> dict[str, Any]:
        return self.prod.tracker(self.sender)["slots"]


# The staff flow 'Uppsagd på grund av arbetsbrist får rådgivning och ett ärende', in steps.
START = [("user", "hej"), ("button", "Ja, det går bra"), ("button", "Jag har blivit uppsagd"),
         ("user", "arbetsbrist"), ("user", "ja, det var arbetsgivaren"),
         ("button", "Bara se vilket stöd jag kan få"), ("user", "45")]
EMPLOYER = [("user", "Bageriet AB"), ("user", "privat företag"), ("user", "arbetare"), ("user", "nej"),
            ("user", "inget av det")]
WORK = [("user", "mars 2019"), ("user", "oktober 2026"), ("user", "heltid"), ("user", "nej"), ("user", "nej"),
        ("user", "nej")]
CONTACT = [("user", "Anna"), ("user", "anna@exempel.se"), ("user", "digitalt")]


def walk(person: Person, steps: list[tuple[str, str]]) -> str:
    answer = ""
    for kind, value in steps:
        if kind == "button":
            reply = person.click(value)
            assert reply.status_code == 200, (value, reply.text[:300])
            answer = " ".join(m.get("text") or "" for m in reply.json()["messages"])
        else:
            answer = person.ok(value)
    return answer


def start_prod(run_dir: Path) -> Prod:
    # PostgreSQL in a directory of its own under /tmp: pytest's are closed to the postgres user.
    pg_dir = Path(tempfile.mkdtemp(prefix="vv-prod-pg-"))
    args = stack_module.build_parser().parse_args([*_free_base(), "--run-dir", str(run_dir),
                                                   "--postgres-dir", str(pg_dir)])
    # The tests type faster than any person; the rate limits have tests of their own.
    stack = stack_module.Stack(args, {"VV_CHAT_RATE_LIMIT": "1000/minute", "VV_SESSION_RATE_LIMIT": "1000/minute"})
    try:
        stack.start_all()
        if not stack.wait_ready():
            logs = "\n".join(f"--- {n}\n{stack.tail(n)}" for n in stack.procs)
            raise AssertionError(f"production stack did not start\n{logs}")
    except BaseException:
        stack.stop()
        shutil.rmtree(pg_dir, ignore_errors=True)
        raise
    return Prod(stack, f"http://127.0.0.1:{args.api_port}",
                [args.rasa_port + 1 + i for i in range(args.rasa_servers)], pg_dir)
