"""Load test of production mode: N simulated people chat through /api/chat from greeting to a
case, at once, against the stack of `make run-prod` (PostgreSQL, Redis, nginx, two Rasa servers,
two action servers, two API workers), started fresh for the run.

    python scripts/bench_load.py [--users 50] [--spawn-rate 5] [--minutes 3]

Prints turns per second, p50/p95/p99 per turn, errors, and cases created against cases expected
(each completed conversation must have exactly one case). Target (issue #9) on a 2-core machine:
50 concurrent conversations, p95 <= 500 ms per turn, 0 errors. Writes reports/load.json.
Exit code 1 when there were errors or the cases do not match."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import stack as stack_module  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def count_cases(url: str, conversation_ids: list[str]) -> tuple[int, dict[str, int]]:
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    with engine.connect() as connection:
        total = connection.execute(text("SELECT count(*) FROM cases")).scalar_one()
        rows = connection.execute(text("SELECT conversation_id, count(*) FROM cases GROUP BY conversation_id"))
        per_conversation = {row[0]: row[1] for row in rows}
    engine.dispose()
    return total, {cid: per_conversation.get(cid, 0) for cid in conversation_ids}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--run-dir", default=".run-load")
    options = parser.parse_args()

    run_dir = ROOT / options.run_dir
    shutil.rmtree(run_dir, ignore_errors=True)  # a fresh database, so the case count is this run's
    args = stack_module.build_parser().parse_args([
        "--prod", "--run-dir", str(run_dir), "--api-port", "18000", "--rasa-port", "15005",
        "--actions-port", "15055", "--postgres-port", "15433", "--redis-port", "16380"])
    busy = stack_module.busy_ports(stack_module.prod_ports(args))
    if busy:
        print(f"ports {busy} are in use; stop what uses them first", file=sys.stderr)
        return 2
    # All simulated people come from 127.0.0.1; in production each has their own address.
    stack = stack_module.Stack(args, {"VV_SESSION_RATE_LIMIT": "100000/minute"})
    results_path = run_dir / "load-results.json"
    try:
        stack.start_all()
        started = time.monotonic()
        if not stack.wait_ready():
            for name in stack.dead() or list(stack.procs):
                print(f"--- {name}.log ---\n{stack.tail(name)}", file=sys.stderr)
            return 1
        print(f"production stack ready after {time.monotonic() - started:.0f} s; "
              f"{options.users} people chatting for {options.minutes:g} min …", flush=True)
        run_started = time.monotonic()
        subprocess.run([str(ROOT / args.api_venv / "bin" / "locust"), "-f", str(ROOT / "scripts" / "locustfile.py"),
                        "--headless", "--users", str(options.users), "--spawn-rate", str(options.spawn_rate),
                        "--run-time", f"{int(options.minutes * 60)}s", "--stop-timeout", "120",
                        "--host", f"http://127.0.0.1:{args.api_port}", "--only-summary", "--loglevel", "WARNING"],
                       cwd=ROOT, env={**os.environ, "VV_LOAD_RESULTS": str(results_path)},
                       stdout=subprocess.DEVNULL, check=False)
        elapsed = time.monotonic() - run_started
        results = json.loads(results_path.read_text())
        assert stack.postgres is not None
        total_cases, per_conversation = count_cases(stack.postgres.url("vagvisaren"), results["completed"])
    finally:
        stack.stop()

    latencies = results["latencies_ms"]
    completed = len(results["completed"])
    missing = [cid for cid, n in per_conversation.items() if n == 0]
    duplicated = [cid for cid, n in per_conversation.items() if n > 1]
    report = {
        "users": options.users, "seconds": round(elapsed, 1), "turns": len(latencies),
        "turns_per_second": round(len(latencies) / elapsed, 2),
        "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1), "max_ms": round(max(latencies), 1),
        "errors": len(results["errors"]), "error_examples": results["errors"][:10],
        "conversations_started": results["started"], "conversations_completed": completed,
        "cases_expected": completed, "cases_created": total_cases,
        "cases_missing": len(missing), "cases_duplicated": len(duplicated),
    }
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "load.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"load: {options.users} concurrent conversations, {report['seconds']} s, {report['turns']} turns = "
          f"{report['turns_per_second']} turns/s")
    print(f"load: per turn p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms, "
          f"max {report['max_ms']} ms  (target p95 <= 500: {'met' if report['p95_ms'] <= 500 else 'NOT met'})")
    print(f"load: errors {report['errors']}; conversations {results['started']} started, {completed} completed; "
          f"cases {total_cases} created / {completed} expected, {len(missing)} missing, {len(duplicated)} duplicated")
    for example in report["error_examples"]:
        print(f"  error: {example}")
    ok = report["errors"] == 0 and not missing and not duplicated and total_cases == completed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
