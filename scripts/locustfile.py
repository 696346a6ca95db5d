"""Locust users for `make bench-load` (scripts/bench_load.py): each one is a person who chats
through /api/chat from greeting to a case reference, as the website does (a session cookie,
then one message per turn, clicking buttons by their title), with a pause to read and type
between turns. Names, ages, employers and dates vary per user.

Writes what it saw to $VV_LOAD_RESULTS (JSON) when the run stops: every turn's latency, the
errors, and the conversation ids that reached a case reference."""
from __future__ import annotations

import json
import os
import random
import re
import time

from locust import HttpUser, between, events, task

REFERENCE = re.compile(r"OMS-\d{4}-\d{6}")
NAMES = ["Anna", "Per", "Fatima", "Mehmet", "Sara", "Johan", "Aisha", "Erik", "Leila", "Mikael"]
FIRMS = ["Bageriet AB", "Verkstaden i Ludvika AB", "Städservice Norr AB", "Lagret HB", "Caféet AB"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "augusti", "september"]

RESULTS: dict = {"latencies_ms": [], "errors": [], "completed": [], "started": 0, "turns": 0}


def conversation(rnd: random.Random) -> list[tuple[str, str]]:
    """("user", text) or ("button", title): the person from the staff flow 'Uppsagd på grund
    av arbetsbrist får rådgivning och ett ärende', with their own details."""
    name = rnd.choice(NAMES)
    return [
        ("user", rnd.choice(["hej", "Hej!", "hejsan", "hej hej"])),
        ("button", "Ja, det går bra"),
        ("button", "Jag har blivit uppsagd"),
        ("user", rnd.choice(["arbetsbrist", "det var arbetsbrist", "pga arbetsbrist"])),
        ("user", "ja, det var arbetsgivaren"),
        ("button", "Bara se vilket stöd jag kan få"),
        ("user", str(rnd.randint(25, 60))),
        ("user", rnd.choice(FIRMS)),
        ("user", "privat företag"),
        ("user", "arbetare"),
        ("user", "nej"),
        ("user", "inget av det"),
        ("user", f"{rnd.choice(MONTHS)} {rnd.randint(2015, 2022)}"),
        ("user", "oktober 2026"),
        ("user", "heltid"),
        ("user", "nej"),
        ("user", "nej"),
        ("user", "nej"),
        ("user", name),
        ("user", f"{name.lower()}{rnd.randint(1, 999)}@exempel.se"),
        ("user", "digitalt"),
        ("user", "ja"),
    ]


class Person(HttpUser):
    # Reading the answer (two or three sentences) and typing or clicking the next message: a
    # person in a chat takes seconds, not milliseconds (README, "Scaling out", for other pauses).
    wait_time = between(float(os.environ.get("VV_LOAD_PAUSE_MIN", 4)), float(os.environ.get("VV_LOAD_PAUSE_MAX", 12)))

    @task
    def chat_to_a_case(self) -> None:
        rnd = random.Random()
        RESULTS["started"] += 1
        self.client.cookies.clear()  # each conversation is a new person (a new browser)
        reply = self.client.post("/api/chat/session", name="session")
        if reply.status_code != 200:
            RESULTS["errors"].append(f"session: HTTP {reply.status_code}")
            return
        sender = reply.json()["sender"]
        buttons: list[dict] = []
        for kind, value in conversation(rnd):
            if kind == "button":
                chosen = next((b for b in buttons if b["title"] == value), None)
                if chosen is None:
                    RESULTS["errors"].append(f"no button {value!r} offered")
                    return
                message = chosen["payload"]
            else:
                message = value
            started = time.perf_counter()
            with self.client.post("/api/chat", json={"sender": sender, "message": message},
                                  name="turn", catch_response=True) as reply:
                RESULTS["latencies_ms"].append((time.perf_counter() - started) * 1000)
                RESULTS["turns"] += 1
                if reply.status_code != 200:
                    RESULTS["errors"].append(f"turn {message!r}: HTTP {reply.status_code}")
                    reply.failure(f"HTTP {reply.status_code}")
                    return
                body = reply.json()
                messages = body.get("messages") or []
                if not messages:
                    RESULTS["errors"].append(f"turn {message!r}: no answer")
                    reply.failure("no answer")
                    return
                buttons = [b for m in messages for b in m.get("buttons") or []]
                texts = " ".join(m.get("text") or "" for m in messages)
            if REFERENCE.search(texts):
                # Recorded at once: a stopping run ends users at their next pause.
                RESULTS["completed"].append(sender)
                return
            self.wait()
        RESULTS["errors"].append(f"no case reference at the end: {texts[:120]!r}")


@events.test_stop.add_listener
def _write_results(**_kwargs: object) -> None:
    path = os.environ.get("VV_LOAD_RESULTS")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(RESULTS, handle)
