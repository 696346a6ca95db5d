"""Run staff's scripted conversations and print a report; exit 1 if any turn failed.

    python -m api.flows [FILE_OR_FOLDER ...]          # default: tests/flows
        --start-stack   start the whole product on free ports for the run (what `make flows` does)
        otherwise against a running `make run`: Rasa URL/token from .run/secrets.json, and
        VV_FLOWS_STAFF_EMAIL / VV_FLOWS_STAFF_PASSWORD for the case checks
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from api.db import make_engine, session_factory
from api.flows.model import FlowError, load_all
from api.flows.runner import Bot, FlowResult, run_flow
from api.migrate import upgrade
from api.users.service import create_user

ROOT = Path(__file__).resolve().parents[2]


def report(results: list[FlowResult], out=sys.stdout, verbose: bool = False) -> None:  # type: ignore[no-untyped-def]
    for result in results:
        mark = "PASS" if result.ok else "FAIL"
        print(f"{mark}  {result.name}  ({len(result.turns)} turns, {result.conversation_id})", file=out)
        if result.ok and not verbose:
            continue
        for number, turn in enumerate(result.turns, 1):
            if verbose:
                print(f"      turn {number}: {turn.said!r}", file=out)
                for reply in turn.replies:
                    print(f"        bot: {reply[:110]!r}", file=out)
            if turn.ok:
                continue
            answer = turn.replies[-1][:90].replace("\n", " ") if turn.replies else "(no answer)"
            print(f"      turn {number}: {turn.said!r} → {answer!r}", file=out)
            for failure in turn.failures:
                print(f"        - {failure}", file=out)
        for failure in result.case_failures:
            print(f"      case: {failure}", file=out)
        if result.error:
            print(f"      {result.error}", file=out)
    passed = sum(r.ok for r in results)
    print(f"\nflows: {passed} passed, {len(results) - passed} failed", file=out)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    """The product on free ports in a temporary run directory, with a staff user for the checks."""

    def __enter__(self) -> Bot:
        self.run_dir = Path(tempfile.mkdtemp(prefix="vv-flows-"))
        api_port, rasa_port, actions_port = _free_port(), _free_port(), _free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "scripts/stack.py", "--api-port", str(api_port), "--rasa-port", str(rasa_port),
             "--actions-port", str(actions_port), "--run-dir", str(self.run_dir)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("READY "):
                break
        else:
            raise SystemExit("The product did not start (see the logs in " + str(self.run_dir) + ")")
        try:
            return self._staff_bot(api_port, rasa_port)
        except BaseException:
            self.__exit__()
            raise

    def _staff_bot(self, api_port: int, rasa_port: int) -> Bot:
        password = secrets.token_urlsafe(16)
        engine = make_engine(f"sqlite:///{self.run_dir / 'vagvisaren.db'}")
        upgrade(engine)
        with session_factory(engine)() as session:
            create_user(session, "flowtest@vagvisaren.se", password, "staff")
            session.commit()
        engine.dispose()
        api = f"http://127.0.0.1:{api_port}"
        token = httpx.post(f"{api}/api/auth/token",
                           data={"username": "flowtest@vagvisaren.se", "password": password}).json()["access_token"]
        rasa_token = json.loads((self.run_dir / "secrets.json").read_text())["rasa_token"]
        return Bot(f"http://127.0.0.1:{rasa_port}", rasa_token, api, token)

    def __exit__(self, *_exc: object) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def running_bot() -> Bot:
    secrets_file = ROOT / ".run" / "secrets.json"
    if not secrets_file.exists():
        raise SystemExit("No running product found (.run/secrets.json): start `make run`, or use --start-stack.")
    rasa_token = json.loads(secrets_file.read_text())["rasa_token"]
    api = os.environ.get("VV_FLOWS_API_URL", "http://127.0.0.1:8000")
    token = None
    email, password = os.environ.get("VV_FLOWS_STAFF_EMAIL"), os.environ.get("VV_FLOWS_STAFF_PASSWORD")
    if email and password:
        token = httpx.post(f"{api}/api/auth/token", data={"username": email, "password": password}).json()["access_token"]
    return Bot(os.environ.get("VV_FLOWS_RASA_URL", "http://127.0.0.1:5005"), rasa_token, api, token)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.flows", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests" / "flows"])
    parser.add_argument("--start-stack", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true", help="every turn with the bot's answers")
    args = parser.parse_args(argv)
    try:
        flows = load_all(args.paths)
    except (FlowError, OSError) as exc:
        print(f"Cannot read the flows: {exc}", file=sys.stderr)
        return 2
    started = time.monotonic()
    if args.start_stack:
        with Stack() as bot:
            results = [run_flow(flow, bot) for _, flow in flows]
    else:
        bot = running_bot()
        results = [run_flow(flow, bot) for _, flow in flows]
    report(results, verbose=args.verbose)
    print(f"({len(flows)} flows in {time.monotonic() - started:.0f} s)")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
