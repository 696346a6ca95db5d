"""Decisions per second on one core, for a realistic three-year work history.

    python -m rules_bridge.benchmark [--seconds 5]
"""
from __future__ import annotations

import argparse
import time

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    for _ in range(200):  # warm up caches
        evaluate(HISTORY)
    count = 0
    started = time.perf_counter()
    deadline = started + args.seconds
    while time.perf_counter() < deadline:
        for _ in range(100):
            evaluate(HISTORY)
        count += 100
    elapsed = time.perf_counter() - started
    print(f"rules_bridge: {count} decisions in {elapsed:.2f} s = {count / elapsed:,.0f} decisions/s "
          f"({elapsed / count * 1e6:.1f} µs each), one core, three-year history")


if __name__ == "__main__":
    main()
