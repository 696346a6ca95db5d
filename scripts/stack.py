"""Run the whole product on one machine: action server, Rasa server, API.

    python scripts/stack.py [--api-port 8000] [--rasa-port 5005] [--actions-port 5055] [--run-dir .run]
    python scripts/stack.py --prod [--rasa-servers 2] [--action-servers 2]

Embedded defaults: SQLite for cases and the tracker store, one Rasa server, one action server.
`--prod` runs production mode on this machine: PostgreSQL (tracker store and cases), Redis
(Rasa's lock store), nginx routing conversations stickily to several Rasa servers and between
several action servers, and two API processes behind it (deploy/prod/, README "Scaling out").

Each service runs in its own process group; Ctrl-C (SIGINT) or SIGTERM stops every group
(SIGTERM, then SIGKILL after a grace period), and so does any service dying on its own.
Rasa and the action server listen on 127.0.0.1 only: the API is the public door.
Prints `READY <json>` with the pids once GET /health reports everything ready.
Standard library only, so any Python 3.10+ can run it.
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
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import services  # noqa: E402  (scripts/services.py, beside this file)

ROOT = Path(__file__).resolve().parents[1]
GRACE_S = 15


def load_secrets(run_dir: Path) -> dict[str, str]:
    """Random secrets made once per run directory (never committed, never defaults); a secret
    added in a newer version is made the first time it is missing."""
    path = run_dir / "secrets.json"
    values = json.loads(path.read_text()) if path.exists() else {}
    names = ("rasa_token", "session_secret", "bot_service_token", "jwt_secret")
    if any(name not in values for name in names):
        values.update({name: secrets.token_urlsafe(32) for name in names if name not in values})
        path.write_text(json.dumps(values))
        path.chmod(0o600)
    return values


def rasa_command(bot_bin: Path, model: str, token: str, port: int, endpoints: str) -> list[str]:
    """`rasa run` with its HTTP API. The token goes as `--auth-token=VALUE`: one random token in
    64 begins with "-", and argparse would take it for an option and refuse to start."""
    return [str(bot_bin / "rasa"), "run", "--model", model, "--enable-api", f"--auth-token={token}",
            "--interface", "127.0.0.1", "--port", str(port), "--endpoints", endpoints,
            "--credentials", "credentials.yml"]


def busy_ports(ports: list[int]) -> list[int]:
    """Ports something already listens on (another `make run`, say): starting beside it would
    make our health check answer for the other one."""
    busy = []
    for port in ports:
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                busy.append(port)
    return busy


class Stack:
    def __init__(self, args: argparse.Namespace, extra_env: dict[str, str] | None = None):
        self.args = args
        self.extra_env = extra_env or {}  # for every service (tests, load runs)
        self.run_dir = Path(args.run_dir).resolve()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.secrets = load_secrets(self.run_dir)
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.commands: dict[str, tuple[list[str], dict[str, str]]] = {}
        self.services: list[object] = []  # production's PostgreSQL, Redis, nginx; stopped last
        self.stopping = False
        self.postgres: services.Postgres | None = None

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false",
                    "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONUNBUFFERED": "1"})
        env.update(self.extra_env)
        env.update(extra)
        return env

    def start(self, name: str, cmd: list[str], env: dict[str, str]) -> None:
        self.commands[name] = (cmd, env)
        log = open(self.run_dir / f"{name}.log", "ab")
        self.procs[name] = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Stop one service as a crash would (the fault tests)."""
        proc = self.procs[name]
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        proc.wait()

    def restart(self, name: str) -> None:
        cmd, env = self.commands[name]
        self.start(name, cmd, env)

    def start_all(self) -> None:
        if self.args.prod:
            self.start_prod()
            return
        a = self.args
        bot_bin = ROOT / a.bot_venv / "bin"
        actions_url = f"http://127.0.0.1:{a.actions_port}"
        rasa_url = f"http://127.0.0.1:{a.rasa_port}"
        self.start("actions", [str(bot_bin / "python"), "-m", "actions.server", "--actions", "actions",
                               "--port", str(a.actions_port)],
                   self.env(SANIC_HOST="127.0.0.1", VV_OUTBOX_DB=str(self.run_dir / "outbox.db"),
                            VV_CASES_URL=f"http://127.0.0.1:{a.api_port}",
                            BOT_SERVICE_TOKEN=self.secrets["bot_service_token"],
                            # The FAQ lookup of a question inside a story (actions/faq_lookup.py).
                            VV_RASA_URL=rasa_url, VV_RASA_TOKEN=self.secrets["rasa_token"]))
        self.start("rasa", rasa_command(bot_bin, a.model, self.secrets["rasa_token"], a.rasa_port, "endpoints.yml"),
                   self.env(ACTION_SERVER_URL=f"{actions_url}/webhook",
                            RASA_TRACKER_DB=str(self.run_dir / "rasa-tracker.db")))
        self.start_api(rasa_url, actions_url, os.environ.get("VV_DATABASE_URL") or os.environ.get("DATABASE_URL")
                       or f"sqlite:///{self.run_dir / 'vagvisaren.db'}")

    def start_api(self, rasa_url: str, actions_url: str, database_url: str, name: str = "api",
                  host: str | None = None, port: int | None = None, *options: str, **extra: str) -> None:
        a = self.args
        api_bin = ROOT / a.api_venv / "bin"
        self.start(name, [str(api_bin / "python"), "-m", "uvicorn", "--factory", "api.main:create_app",
                          "--host", host or a.api_host, "--port", str(port or a.api_port), "--no-access-log",
                          *options],
                   self.env(VV_DATABASE_URL=database_url,
                            VV_RASA_URL=rasa_url, VV_RASA_TOKEN=self.secrets["rasa_token"],
                            VV_ACTION_SERVER_URL=actions_url,
                            VV_SESSION_SECRET=self.secrets["session_secret"],
                            VV_JWT_SECRET=self.secrets["jwt_secret"],
                            VV_BOT_SERVICE_TOKEN=self.secrets["bot_service_token"], **extra))

    def start_prod(self) -> None:
        """PostgreSQL, Redis and nginx first, then N action servers, N Rasa servers, the API."""
        a = self.args
        bot_bin = ROOT / a.bot_venv / "bin"
        pg = self.postgres = services.Postgres(Path(a.postgres_dir or self.run_dir / "postgres"),
                                               a.postgres_port).start()
        self.services.append(pg)
        for database in ("vagvisaren", "rasa_tracker"):
            pg.ensure_database(database)
        redis = services.Redis(self.run_dir / "redis", a.redis_port).start()
        self.services.append(redis)
        rasa_ports = [a.rasa_port + 1 + i for i in range(a.rasa_servers)]
        action_ports = [a.actions_port + 1 + i for i in range(a.action_servers)]
        api_ports = [a.api_port + 1 + i for i in range(a.api_servers)]
        nginx = services.Nginx(self.run_dir / "nginx", a.rasa_port, a.actions_port, rasa_ports, action_ports,
                               a.api_host, a.api_port, api_ports).start()
        self.services.append(nginx)
        api_url = f"http://127.0.0.1:{a.api_port}"
        for i, port in enumerate(action_ports, 1):
            self.start(f"actions-{i}", [str(bot_bin / "python"), "-m", "actions.server", "--actions", "actions",
                                        "--port", str(port)],
                       self.env(SANIC_HOST="127.0.0.1", VV_OUTBOX_DB=str(self.run_dir / f"outbox-{i}.db"),
                                VV_CASES_URL=api_url, BOT_SERVICE_TOKEN=self.secrets["bot_service_token"],
                                VV_RASA_URL=f"http://127.0.0.1:{a.rasa_port}", VV_RASA_TOKEN=self.secrets["rasa_token"]))
        for i, port in enumerate(rasa_ports, 1):
            self.start(f"rasa-{i}", rasa_command(bot_bin, a.model, self.secrets["rasa_token"], port,
                                                 "deploy/prod/endpoints.yml"),
                       self.env(ACTION_SERVER_URL=f"http://127.0.0.1:{a.actions_port}/webhook",
                                RASA_TRACKER_HOST="127.0.0.1", RASA_TRACKER_PORT=str(a.postgres_port),
                                RASA_TRACKER_DB="rasa_tracker", RASA_TRACKER_USER="postgres",
                                RASA_TRACKER_PASSWORD="", REDIS_HOST="127.0.0.1", REDIS_PORT=str(a.redis_port),
                                # One TensorFlow thread per Rasa server: the models are small, and
                                # several servers share the cores (Rasa reads these variables).
                                TF_INTRA_OP_PARALLELISM_THREADS="1", TF_INTER_OP_PARALLELISM_THREADS="1"))
        # Separate API processes behind nginx rather than `uvicorn --workers`: that mode leaves
        # Nagle's algorithm on (uvicorn issue #3149), +40 ms on every keep-alive request.
        for i, port in enumerate(api_ports, 1):
            self.start_api(f"http://127.0.0.1:{a.rasa_port}", f"http://127.0.0.1:{a.actions_port}",
                           pg.url("vagvisaren"), f"api-{i}", "127.0.0.1", port,
                           "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1",
                           VV_RATE_LIMIT_STORAGE=f"redis://127.0.0.1:{a.redis_port}/2")

    def wait_rasa_servers(self, deadline: float) -> bool:
        """Production: every Rasa server has its model loaded, not only the one nginx asks."""
        ports = [self.args.rasa_port + 1 + i for i in range(self.args.rasa_servers)] if self.args.prod else []
        for port in ports:
            while True:
                if self.dead() or self.stopping or time.monotonic() > deadline:
                    return False
                try:
                    url = f"http://127.0.0.1:{port}/status?token={self.secrets['rasa_token']}"
                    with urllib.request.urlopen(url, timeout=3) as reply:
                        if reply.status == 200 and json.loads(reply.read()).get("model_file"):
                            break
                except (urllib.error.URLError, OSError, ValueError):
                    pass
                time.sleep(1)
        return True

    def dead(self) -> list[str]:
        return [name for name, proc in self.procs.items() if proc.poll() is not None]

    def wait_ready(self) -> bool:
        url = f"http://127.0.0.1:{self.args.api_port}/health"
        deadline = time.monotonic() + self.args.ready_timeout
        if not self.wait_rasa_servers(deadline):
            return False
        while time.monotonic() < deadline and not self.stopping:
            if self.dead():
                return False
            try:
                with urllib.request.urlopen(url, timeout=3) as reply:
                    if reply.status == 200:
                        return not self.dead()
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(1)
        return False

    def stop(self) -> None:
        self.stopping = True
        for proc in self.procs.values():
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + GRACE_S
        for proc in self.procs.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        for proc in self.procs.values():  # whatever is left, including grandchildren
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
        for service in reversed(self.services):
            service.stop()  # type: ignore[attr-defined]

    def tail(self, name: str, lines: int = 30) -> str:
        path = self.run_dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--api-host", default=os.environ.get("VV_API_HOST", "127.0.0.1"))
    parser.add_argument("--api-port", type=int, default=8000)
    parser.add_argument("--rasa-port", type=int, default=5005)
    parser.add_argument("--actions-port", type=int, default=5055)
    parser.add_argument("--run-dir", default=".run")
    parser.add_argument("--model", default="models/vagvisaren.tar.gz")
    parser.add_argument("--bot-venv", default=".venv-bot")
    parser.add_argument("--api-venv", default=".venv-api")
    parser.add_argument("--ready-timeout", type=float, default=240)
    parser.add_argument("--prod", action="store_true",
                        help="production mode: PostgreSQL, Redis, nginx, several Rasa and action servers")
    parser.add_argument("--rasa-servers", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    parser.add_argument("--api-servers", type=int, default=2)
    parser.add_argument("--postgres-port", type=int, default=5433)
    parser.add_argument("--postgres-dir", help="PostgreSQL's data directory (default: RUN_DIR/postgres); "
                        "when run as root, every directory above it must be open to the postgres user")
    parser.add_argument("--redis-port", type=int, default=6380)
    return parser


def prod_ports(args: argparse.Namespace) -> list[int]:
    """Every port the stack listens on."""
    ports = [args.api_port, args.rasa_port, args.actions_port]
    if args.prod:
        ports += [args.postgres_port, args.redis_port]
        ports += [args.rasa_port + 1 + i for i in range(args.rasa_servers)]
        ports += [args.actions_port + 1 + i for i in range(args.action_servers)]
        ports += [args.api_port + 1 + i for i in range(args.api_servers)]
    return ports


def main() -> int:
    args = build_parser().parse_args()

    busy = busy_ports(prod_ports(args))
    if busy:
        print(f"Port {', '.join(map(str, busy))} is already in use (is Vägvisaren already running?). "
              "Stop that first, or choose other ports (--api-port, --rasa-port, --actions-port).",
              file=sys.stderr)
        return 2
    stack = Stack(args)

    def on_signal(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    # Explicitly, also for SIGINT: a shell that starts us in the background hands us SIGINT
    # ignored, and Python then never installs its own Ctrl-C handler.
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    started = time.monotonic()
    try:
        stack.start_all()
        print(f"Starting Vägvisaren (logs in {stack.run_dir}) …", flush=True)
        if not stack.wait_ready():
            for name in stack.dead() or list(stack.procs):
                print(f"--- {name}.log ---\n{stack.tail(name)}", file=sys.stderr)
            print("Vägvisaren did not become ready; see the logs above.", file=sys.stderr)
            return 1
        pids = {name: proc.pid for name, proc in stack.procs.items()}
        print(f"Vägvisaren is ready after {time.monotonic() - started:.0f} s: "
              f"chat on http://localhost:{args.api_port}/  (Ctrl-C stops everything)", flush=True)
        print("READY " + json.dumps(pids), flush=True)
        while True:
            dead = stack.dead()
            if dead:
                print(f"{', '.join(dead)} stopped unexpectedly; stopping the rest.\n{stack.tail(dead[0])}",
                      file=sys.stderr)
                return 1
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping …", flush=True)
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
