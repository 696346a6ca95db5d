"""NLU speed on this machine: `/model/parse` latency p50/p95 against a real Rasa server, and the
last measured training time (make bench-nlu). Run with the bot environment's Python."""
from __future__ import annotations

import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = ["hej", "jag har blivit uppsagd pga arbetsbrist", "vad kostar det?", "har jag ratt till stod",
            "jag jobbade 30 timmar i veckan sen mars 2024", "kan jag få prata med en människa",
            "vet inte", "jag är sjukskriven sedan i våras och vet inte vad jag vill", "ja", "nej tack",
            "hur länge måste man ha jobbat", "min visstid gar ut i december"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    port, token = free_port(), secrets.token_hex(16)
    rasa = ROOT / ".venv-bot" / "bin" / "rasa"
    proc = subprocess.Popen([str(rasa), "run", "--enable-api", "--auth-token", token, "--interface",
                             "127.0.0.1", "--port", str(port), "--model", "models/vagvisaren.tar.gz",
                             "--endpoints", os.devnull],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(f"{base}/status?token={token}", timeout=2) as r:
                    if json.load(r).get("model_file"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                sys.exit("the Rasa server did not start")
            time.sleep(1)
        timings = []
        for i in range(300):
            body = json.dumps({"text": MESSAGES[i % len(MESSAGES)]}).encode()
            request = urllib.request.Request(f"{base}/model/parse?token={token}", data=body,
                                             headers={"Content-Type": "application/json"})
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=10) as r:
                r.read()
            if i >= 20:  # warm-up excluded
                timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"/model/parse over HTTP, {len(timings)} requests, one at a time: "
              f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms (target p95 <= 50 ms)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    train = ROOT / "reports" / "train_seconds.txt"
    if train.exists():
        print(f"last training (make): {float(train.read_text()):.0f} s (target <= 300 s)")


if __name__ == "__main__":
    main()
