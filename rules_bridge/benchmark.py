"""Decisions per second on one core, for a realistic three-year work history.

    python -m rules_bridge.benchmark [--seconds 5] [--instructions]

Wall-clock rates on a shared virtual machine vary by up to 2× from one run to the next;
--instructions also counts CPU instructions per decision under valgrind (callgrind), which
repeats to the last digit for the same code and interpreter and is what changes are judged by.
It measures the engine as it runs here: compiled with mypyc when that build is up to date
(rules_bridge/native.py), plain Python with RULES_BRIDGE_PURE=1 or without the build.
"""
from __future__ import annotations

import argparse
import copy
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

from . import ENGINE
from .engine import evaluate

# Three employments over three years (one part-time beside another, one partial month),
# parental leave in between, income on some: the shape the bot sends for a typical person.
HISTORY = {
    "application_date": "2026-11-22",
    "birth_date": "1978-04-09",
    "situation": "terminated",
    "termination": {"reason": "shortage_of_work", "initiated_by": "employer", "last_day": "2026-12-31"},
    "special_needs_illness": False,
    "employer": {"name": "Bageriet AB", "sector": "private", "worker_category": "blue_collar",
                 "collective_agreement": "no", "finances_registered_organisation": "unknown"},
    "role_exclusion": "none",
    "employments": [
        {"employer": "Caféet HB", "start": "2023-09-01", "end": "2024-08-15", "hours_per_week": 30,
         "monthly_income_sek": 24000, "country": "SE"},
        {"employer": "Tidningsbud AB", "start": "2024-01-01", "end": "2025-03-31", "hours_per_week": 8,
         "country": "SE"},
        {"employer": "Bageriet AB", "start": "2024-09-16", "end": None, "hours_per_week": 37.5,
         "monthly_income_sek": 29500, "country": "SE"},
    ],
    "skippable_periods": [{"type": "parental_benefit", "start": "2025-04-01", "end": "2025-08-31"}],
}


def _rate(inputs: list[dict], seconds: float) -> tuple[int, float]:
    for data in inputs[:200]:  # warm up
        evaluate(data)
    count, n = 0, len(inputs)
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for i in range(100):
            evaluate(inputs[(count + i) % n])
        count += 100
    return count, time.perf_counter() - started


def _varied(count: int) -> list[dict]:
    """Histories of the same shape with different dates, hours and incomes, so that nothing
    is measured on one input alone (a fixed seed keeps runs comparable)."""
    rnd = random.Random(7)
    out = []
    for _ in range(count):
        data = copy.deepcopy(HISTORY)
        for emp in data["employments"]:
            shift = timedelta(days=rnd.randint(-200, 120))
            emp["start"] = (date.fromisoformat(emp["start"]) + shift).isoformat()
            if emp["end"] is not None:
                emp["end"] = max(date.fromisoformat(emp["end"]) + shift,
                                 date.fromisoformat(emp["start"])).isoformat()
            emp["hours_per_week"] = rnd.choice([8, 12, 16, 20, 30, 37.5, 40])
            if "monthly_income_sek" in emp:
                emp["monthly_income_sek"] = rnd.randrange(12000, 45000, 500)
        out.append(data)
    return out


def _instructions(runs: int) -> int:
    """Instructions executed by a fresh interpreter deciding `runs` times (half the one
    history, half varied ones), counted by callgrind."""
    code = ("from rules_bridge.benchmark import HISTORY, _varied\n"
            "from rules_bridge.engine import evaluate\n"
            f"varied = _varied(50)\nfor i in range({runs // 2}):\n"
            "    evaluate(HISTORY)\n    evaluate(varied[i % 50])\n")
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out",
                               sys.executable, "-c", code], capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count: {done.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions per decision with valgrind")
    args = parser.parse_args()
    if args.instructions:
        if shutil.which("valgrind") is None:
            parser.error("--instructions needs valgrind (Debian package valgrind)")
        # The difference between two run counts leaves out start-up and imports.
        per_decision = (_instructions(2200) - _instructions(200)) / 2000
        print(f"rules_bridge ({ENGINE}): {per_decision:,.0f} instructions per decision "
              f"(callgrind, {sys.implementation.name} {sys.version.split()[0]})")
    for label, inputs in (("one three-year history", [HISTORY]),
                          ("1 000 varied three-year histories", _varied(1000))):
        count, elapsed = _rate(inputs, args.seconds)
        print(f"rules_bridge ({ENGINE}): {count / elapsed:,.0f} decisions/s ({elapsed / count * 1e6:.1f} µs each), "
              f"one core, {label} ({count} decisions in {elapsed:.1f} s)")


if __name__ == "__main__":
    main()
