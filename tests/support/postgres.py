"""A throwaway PostgreSQL server for the tests, from the Debian packages `.ci/run` installs.

Started once per test session in a temporary directory on a free loopback port (as the
`postgres` user when we are root, since PostgreSQL refuses to run as root); stopped at the end."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def find_bin(name: str) -> str | None:
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return candidate
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PostgresServer:
    directory: Path
    port: int
    as_user: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run([*self.as_user, find_bin("pg_ctl") or "pg_ctl", "-D", str(self.directory / "data"),
                        "-m", "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(self.directory, ignore_errors=True)


def start() -> PostgresServer:
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("PostgreSQL is not installed: `apt-get install postgresql` (.ci/run does it)")
    directory = Path(tempfile.mkdtemp(prefix="vv-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = directory / "data", _free_port()
    subprocess.run([*as_user, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*as_user, pg_ctl, "-D", str(data), "-l", str(directory / "log"), "-w", "-t", "60",
                    "-o", f"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off "
                          "-c synchronous_commit=off -c full_page_writes=off", "start"],
                   check=True, capture_output=True)
    server = PostgresServer(directory, port, as_user)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError("PostgreSQL did not start")
