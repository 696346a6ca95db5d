"""The shared services of production mode, run on one machine from Debian's packages:
PostgreSQL (tracker store and cases), Redis (Rasa's lock store) and nginx (sticky routing to the
Rasa servers, failover between the action servers). Used by `scripts/stack.py --prod` and by
the tests. Standard library only.

PostgreSQL refuses to run as root, so when we are root its commands run as `postgres`.
"""
from __future__ import annotations

import glob
import os
import random
import shutil
import socket
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX_TEMPLATE = ROOT / "deploy" / "prod" / "nginx.conf.template"


def ephemeral_low() -> int:
    """Where the kernel's range for outgoing connections starts (Linux: 32768)."""
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A free port below the outgoing-connection range: a port the kernel hands out (bind to 0)
    can be taken by any outgoing connection before the server binds it (seen in CI: nginx found
    its port in use while pip was downloading)."""
    for _ in range(200):
        port = random.randrange(10000, ephemeral_low())
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below the ephemeral range")


def wait_port(port: int, timeout: float, host: str = "127.0.0.1") -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            probe.settimeout(1)
            if probe.connect_ex((host, port)) == 0:
                return True
        time.sleep(0.2)
    return False


def pg_bin(name: str) -> str | None:
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return candidate
    return shutil.which(name)


@dataclass
class Postgres:
    """A PostgreSQL cluster in `directory` on a loopback port. `durable=False` turns fsync off:
    for throwaway test servers only."""
    directory: Path
    port: int
    durable: bool = True

    @property
    def as_user(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def data(self) -> Path:
        return self.directory / "data"

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> "Postgres":
        initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
        if not initdb or not pg_ctl:
            raise RuntimeError("PostgreSQL is not installed: `apt-get install postgresql` (make does it)")
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        if not (self.data / "PG_VERSION").exists():
            self._run([*self.as_user, initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust",
                       "-E", "UTF8", "--locale=C.UTF-8"])
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run([*self.as_user, pg_ctl, "-D", str(self.data), "-l", str(self.directory / "log"),
                   "-w", "-t", "60", "-o", options, "start"])
        if not wait_port(self.port, 30):
            raise RuntimeError(f"PostgreSQL did not start; see {self.directory / 'log'}")
        return self

    def _run(self, cmd: list[str]) -> None:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode:
            name = Path(cmd[len(self.as_user)]).name
            raise RuntimeError(f"{name} failed: {(done.stderr or done.stdout).strip()}")

    def stop(self, mode: str = "fast") -> None:
        subprocess.run([*self.as_user, pg_bin("pg_ctl") or "pg_ctl", "-D", str(self.data), "-m", mode, "stop"],
                       capture_output=True, check=False)

    def psql(self, sql: str, database: str = "postgres") -> str:
        reply = subprocess.run([*self.as_user, pg_bin("psql") or "psql", "-h", "127.0.0.1", "-p", str(self.port),
                                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                               check=True, capture_output=True, text=True)
        return reply.stdout.strip()

    def ensure_database(self, name: str) -> None:
        if not self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"):
            self.psql(f'CREATE DATABASE "{name}"')


class _OwnProcess:
    """A server this script started in the foreground, in its own session: stopped by
    terminating that process."""
    process: subprocess.Popen[bytes] | None

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@dataclass
class Redis(_OwnProcess):
    """Rasa's lock store only: nothing worth persisting (locks live seconds)."""
    directory: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> "Redis":
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise RuntimeError("Redis is not installed: `apt-get install redis-server` (make run-prod does it)")
        self.directory.mkdir(parents=True, exist_ok=True)
        log = open(self.directory / "redis.log", "ab")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.directory), "--daemonize", "no"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        if not wait_port(self.port, 15):
            raise RuntimeError(f"Redis did not start; see {self.directory / 'redis.log'}")
        return self


@dataclass
class Nginx(_OwnProcess):
    """The public door and the router: in front of the API processes, the Rasa servers and the
    action servers (deploy/prod/nginx.conf.template)."""
    directory: Path
    rasa_port: int
    actions_port: int
    rasa_servers: list[int]
    action_servers: list[int]
    api_host: str
    api_port: int
    api_servers: list[int]
    process: subprocess.Popen[bytes] | None = None

    def render(self) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        servers = lambda ports: "\n".join(  # noqa: E731
            f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;" for p in ports)
        text = string.Template(NGINX_TEMPLATE.read_text()).substitute(
            RUN_DIR=str(self.directory), RASA_PORT=self.rasa_port, ACTIONS_PORT=self.actions_port,
            RASA_SERVERS=servers(self.rasa_servers), ACTION_SERVERS=servers(self.action_servers),
            API_LISTEN=f"{self.api_host}:{self.api_port}", API_SERVERS=servers(self.api_servers),
            USER="root" if os.geteuid() == 0 else "nobody")
        path = self.directory / "nginx.conf"
        path.write_text(text)
        return path

    def start(self) -> "Nginx":
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise RuntimeError("nginx is not installed: `apt-get install nginx-light` (make run-prod does it)")
        conf = self.render()
        log = open(self.directory / "nginx.log", "ab")
        self.process = subprocess.Popen([binary, "-c", str(conf), "-p", str(self.directory), "-e", "stderr",
                                         "-g", "daemon off;"],
                                        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True)
        if not (wait_port(self.rasa_port, 15) and wait_port(self.actions_port, 15) and wait_port(self.api_port, 15)):
            raise RuntimeError(f"nginx did not start; see {self.directory / 'nginx.log'}")
        return self
