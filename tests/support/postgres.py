"""A throwaway PostgreSQL server for the tests and benchmarks: scripts/services.py's, in a
temporary directory on a free loopback port, without fsync (nothing here must survive a crash),
removed when stopped. Debian's packages provide the binaries (`make postgres`)."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import services  # noqa: E402


class PostgresServer(services.Postgres):
    def stop(self, mode: str = "immediate") -> None:
        super().stop(mode)
        shutil.rmtree(self.directory, ignore_errors=True)


def start() -> PostgresServer:
    directory = Path(tempfile.mkdtemp(prefix="vv-pg-"))
    try:
        return PostgresServer(directory, services.free_port(), durable=False).start()
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
